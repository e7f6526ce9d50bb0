package org.militrend.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code excel=true} on any CSV answer: a UTF-8 byte order mark and CRLF line ends, so that a
 * double-click opens it in Excel with "Peshawar’s" intact (without the mark Excel reads the bytes
 * as Windows-1252). One filter for every CSV endpoint, so none can forget it.
 */
class ExcelCsv {

    static final String PARAMETER = "excel";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A bad {@code excel} value is a 400 naming it, before any work is done. */
    @ServerRequestFilter
    Optional<Response> checkParameter(ContainerRequestContext request) {
        List<String> values = request.getUriInfo().getQueryParameters().get(PARAMETER);
        if (values != null) {
            try {
                values.forEach(v -> QueryValues.bool(PARAMETER, v));
            } catch (ProblemException e) {
                return Optional.of(ProblemMapper.of(e));
            }
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    void forExcel(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (!wanted(request.getUriInfo().getQueryParameters().getFirst(PARAMETER))
                || type == null
                || !type.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE))
                || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof String text) {
            byte[] body = (new String(BOM, StandardCharsets.UTF_8)
                            + text.replace("\r\n", "\n").replace("\n", "\r\n"))
                    .getBytes(StandardCharsets.UTF_8);
            response.setEntity(body);
        } else if (entity instanceof StreamingOutput streaming) {
            response.setEntity((StreamingOutput) out -> {
                CrlfOutputStream excel = new CrlfOutputStream(out);
                streaming.write(excel);
                excel.flush();
            });
        } else {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE_UTF8);
    }

    /** Whether excel=true was asked; a bad value has had its 400 from the request filter already. */
    private static boolean wanted(String value) {
        try {
            return QueryValues.bool(PARAMETER, value);
        } catch (ProblemException e) {
            return false;
        }
    }

    /** Writes the byte order mark first and every LF not already after a CR as CRLF. */
    static final class CrlfOutputStream extends FilterOutputStream {
        private boolean started;
        private int previous = -1;

        CrlfOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (!started) {
                started = true;
                out.write(BOM);
            }
            if (b == '\n' && previous != '\r') {
                out.write('\r');
            }
            out.write(b);
            previous = b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len <= 0) {
                return;
            }
            if (!started) {
                started = true;
                out.write(BOM);
            }
            int from = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n' && (i > off ? b[i - 1] : previous) != '\r') {
                    out.write(b, from, i - from);
                    out.write('\r');
                    from = i;
                }
            }
            out.write(b, from, off + len - from);
            previous = b[off + len - 1];
        }
    }
}
