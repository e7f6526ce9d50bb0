package org.militrend.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.militrend.common.MilitrendConfig;
import org.militrend.common.ProblemDetail;

/**
 * Checks the bearer token on {@link EditorOnly} endpoints. With no token configured every write
 * is refused, so a service started without one can never be written to by accident.
 */
@Provider
@EditorOnly
@Priority(Priorities.AUTHENTICATION)
class EditorTokenFilter implements ContainerRequestFilter {

    // looked up per request: filters are built before runtime configuration is ready
    @Inject
    Instance<MilitrendConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> expected = config.get().editorToken().filter(t -> !t.isBlank());
        if (expected.isEmpty()) {
            request.abortWith(refuse(403, "Forbidden", "writes are disabled: no editor token is configured"));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(refuse(401, "Unauthorized", "this write needs 'Authorization: Bearer <token>'"));
            return;
        }
        if (!EditorToken.matches(expected, header)) {
            request.abortWith(refuse(401, "Unauthorized", "the bearer token is not valid"));
        }
    }

    private static Response refuse(int status, String title, String detail) {
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"militrend\"")
                .entity(new ProblemDetail("https://militrend.org/problems/" + status, title, status, detail, null))
                .build();
    }
}
