package org.militrend.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.militrend.common.MilitrendConfig;

/**
 * Whether a request carries the editor token. Writes are refused without it ({@link
 * EditorOnly}); some reads show more with it (raw rows of datasets whose terms restrict them).
 */
@ApplicationScoped
public class EditorToken {

    @Inject
    MilitrendConfig config;

    /** True when the Authorization header is {@code Bearer <the configured token>}. */
    public boolean presentIn(String authorizationHeader) {
        return matches(config.editorToken(), authorizationHeader);
    }

    static boolean matches(Optional<String> configured, String header) {
        Optional<String> expected = configured.filter(t -> !t.isBlank());
        if (expected.isEmpty() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        // constant-time comparison, so the token cannot be guessed from response times
        return MessageDigest.isEqual(given, expected.get().getBytes(StandardCharsets.UTF_8));
    }
}
