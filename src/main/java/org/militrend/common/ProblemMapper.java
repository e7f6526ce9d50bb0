package org.militrend.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP responses: always problem+json, never a stack trace
 * or a class name in the body.
 */
class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return of(e);
    }

    /** The response of a problem, for filters that answer before any resource (and any mapper) runs. */
    static Response of(ProblemException e) {
        return respond(new ProblemDetail(type(e.status()), e.title(), e.status(), e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    Response validation(ConstraintViolationException e) {
        List<ProblemError> errors =
                e.getConstraintViolations().stream().map(ProblemMapper::toError).toList();
        return respond(new ProblemDetail(type(400), "Invalid request", 400, "the request failed validation", errors));
    }

    @ServerExceptionMapper
    Response badJson(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        String detail = "the JSON body cannot be read" + where + ": " + e.getOriginalMessage();
        return respond(new ProblemDetail(type(400), "Malformed JSON", 400, detail, List.of()));
    }

    @ServerExceptionMapper
    Response conflict(OptimisticLockException e) {
        return respond(new ProblemDetail(
                type(409), "Conflict", 409, "the incident was changed by someone else; reload it and retry", null));
    }

    /**
     * An Accept header that no representation of the resource satisfies: say, in our words, what
     * was asked and what the resource offers, instead of the framework's bare 406.
     */
    @ServerExceptionMapper
    Response notAcceptable(NotAcceptableException e, HttpHeaders headers, UriInfo uri) {
        String asked = headers.getRequestHeaders().getFirst(HttpHeaders.ACCEPT);
        List<String> types = Offered.at(uri.getPath());
        String offered = String.join(", ", types);
        String detail = "this resource answers " + offered + " but the Accept header asks for '"
                + (asked == null ? "" : asked) + "'; send Accept: " + String.join(" or ", types)
                + (types.contains(Csv.MEDIA_TYPE) ? " (or format=csv)" : "");
        return respond(new ProblemDetail(
                type(406),
                "Not acceptable",
                406,
                detail,
                List.of(ProblemError.field("Accept", asked, "offered: " + offered))));
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no such resource" : e.getMessage();
        return respond(new ProblemDetail(type(status), title, status, detail, null));
    }

    @ServerExceptionMapper
    Response unexpected(Exception e) {
        if (ResourceShortage.isCause(e)) {
            LOG.warn("request refused for lack of resources: " + e);
            return unavailable();
        }
        LOG.error("unexpected error", e);
        return respond(new ProblemDetail(
                type(500), "Internal error", 500, "the service failed; the error is in its log", null));
    }

    /**
     * The heap ran out during this request: the request is dropped (its objects are garbage now)
     * and the client told to come back, rather than a plain-text 500 from the HTTP layer.
     */
    @ServerExceptionMapper
    Response outOfMemory(OutOfMemoryError e) {
        LOG.error("out of memory while answering a request");
        return unavailable();
    }

    private static Response unavailable() {
        ProblemDetail body = new ProblemDetail(
                type(503),
                "Service unavailable",
                503,
                "the service is short of resources (database connections or memory) right now; retry after "
                        + ResourceShortage.RETRY_AFTER_SECONDS + " seconds",
                null);
        return Response.status(503)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(body)
                .header("Retry-After", ResourceShortage.RETRY_AFTER_SECONDS)
                .build();
    }

    private static ProblemError toError(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return ProblemError.field(field, String.valueOf(v.getInvalidValue()), v.getMessage());
    }

    private static String type(int status) {
        return "https://militrend.org/problems/" + status;
    }

    private static Response respond(ProblemDetail body) {
        return Response.status(body.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(body)
                .build();
    }
}
