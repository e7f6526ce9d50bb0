package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Uploads wait in one folder of the service and none stays there: not after an import, a
 * rejected one, a refused upload (413) or one the client broke off, through either endpoint.
 */
@QuarkusTest
class SpoolFolderTest {

    private static final String CSV =
            Api.nativeCsv("external_id,date,province,district,killed", "sp1,2018-02-01,KPK,Bannu,1");

    @Inject
    ImportService imports;

    @Inject
    ImportRecovery recovery;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theSpoolFolderIsEmptyAfterImportsRefusalsAndAbortedUploads() throws Exception {
        Path folder = imports.spoolFolder();
        Api.importCsv(CSV, "format=native&dataset=spool").statusCode(201);
        Api.importCsv(CSV.replace("2018-02-01", "2018-02-31"), "format=native&dataset=spool")
                .statusCode(422);
        Api.editor()
                .multiPart("file", "spool.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/imports?format=native&dataset=spool")
                .then()
                .statusCode(201);
        Api.editor()
                .multiPart("file", "spool.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/imports?format=no-such-format&dataset=spool")
                .then()
                .statusCode(400);
        assertEquals(List.of(), files(folder));

        // declared larger than the service takes: refused before any of it is stored
        assertTrue(send(upload("text/csv", 5_000_000_000L, CSV), true).startsWith("HTTP/1.1 413"));
        // hung up after 200 kB of a declared 10 MB, on both endpoints
        String multipartHead = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV;
        send(upload("text/csv", 10_000_000L, CSV + "x".repeat(200_000)), false);
        send(upload("multipart/form-data; boundary=b", 10_000_000L, multipartHead + "x".repeat(200_000)), false);
        // the service notices a hang-up when it next reads: wait until both attempts are over
        List<Path> left = files(folder);
        for (int i = 0; i < 600 && !left.isEmpty(); i++) {
            Thread.sleep(200);
            left = files(folder);
        }
        assertEquals(List.of(), left);
        given().get("/api/v1/incidents?dataset=spool").then().statusCode(200);
    }

    @Test
    void aStartSweepsWhatAPreviousRunLeft() throws IOException {
        Path folder = imports.spoolFolder();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("import-left-by-a-crash.upload"), CSV);
        Files.writeString(folder.resolve("vertx-upload-left"), CSV);
        assertEquals(2, recovery.sweepSpool());
        assertEquals(List.of(), files(folder));
    }

    private String upload(String contentType, long declaredLength, String body) {
        return "POST /api/v1/imports?format=native&dataset=spool HTTP/1.1\r\n"
                + "Host: " + base.getHost() + "\r\n"
                + "Authorization: Bearer " + Api.TOKEN + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n" + body;
    }

    /** Sends the raw request and hangs up; with {@code answer}, first reads the status line. */
    private String send(String request, boolean answer) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the service may close a refused upload while it is still being sent
            }
            if (!answer) {
                return "";
            }
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
