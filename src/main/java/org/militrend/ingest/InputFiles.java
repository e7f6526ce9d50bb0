package org.militrend.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Spooling of uploads to disk and charset detection, both streaming. */
final class InputFiles {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private InputFiles() {}

    /**
     * Copies a request body to a file of the spool folder, so a large upload is never held in
     * memory. An upload that breaks off (the client hung up, the disk is full) leaves no file.
     */
    static Path spool(InputStream body, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "import-", ".upload");
        try (body) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** UTF-16 as its byte-order mark says (spreadsheets save "Unicode text" so), else null. */
    private static Charset byteOrderMark(Path file) throws IOException {
        byte[] head = new byte[2];
        try (InputStream s = Files.newInputStream(file)) {
            if (s.readNBytes(head, 0, 2) < 2) {
                return null;
            }
        }
        if (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * UTF-16 when the file starts with a UTF-16 byte-order mark; UTF-8 when the file starts with a UTF-8 byte-order mark or decodes as UTF-8 throughout;
     * otherwise Windows-1252 (which decodes every byte, and is what spreadsheet exports on
     * Windows write).
     */
    static Charset detect(Path file) throws IOException {
        Charset marked = byteOrderMark(file);
        if (marked != null) {
            return marked;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream s = Files.newInputStream(file)) {
            int n;
            while ((n = s.read(in.array(), in.position(), in.remaining())) != -1 || in.position() > 0) {
                boolean end = n == -1;
                if (!end) {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult r = utf8.decode(in, out, end);
                if (r.isError()) {
                    return WINDOWS_1252;
                }
                out.clear();
                in.compact();
                if (end) {
                    if (utf8.flush(out).isError() || in.position() > 0) {
                        return WINDOWS_1252;
                    }
                    break;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
