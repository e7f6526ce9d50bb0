package org.militrend.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Small helpers for tests that talk to the running service over real HTTP. */
public final class Api {

    /** The editor token of the test profile (application.properties). */
    public static final String TOKEN = "test-token";

    private Api() {}

    public static RequestSpecification editor() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    /** Posts a CSV body to /api/v1/imports with the editor token. */
    public static ValidatableResponse importCsv(byte[] body, String query) {
        return editor().contentType("text/csv")
                .body(body)
                .when()
                .post("/api/v1/imports?" + query)
                .then();
    }

    public static ValidatableResponse importCsv(String body, String query) {
        return importCsv(body.getBytes(StandardCharsets.UTF_8), query);
    }

    public static ValidatableResponse importCsv(String body, Charset charset, String query) {
        return importCsv(body.getBytes(charset), query);
    }

    /** The native header with the given columns. */
    public static String nativeCsv(String header, String... rows) {
        return header + "\n" + String.join("\n", rows) + "\n";
    }
}
