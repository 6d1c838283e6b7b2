package org.tandem.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

/**
 * Rejects a declared oversize body before a byte of it is read, and caps an undeclared (chunked) one for every
 * reader: the JSON reader, CXF's form reader and resources that read the raw stream (CSV import, XML reports).
 * Without the cap a streamed form or CSV body was read whole, however large.
 */
@Provider
final class BodySizeFilter implements ContainerRequestFilter {

    private final long maxBodyBytes;

    BodySizeFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            request.abortWith(tooLarge(maxBodyBytes));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBodyBytes));
        }
    }

    static Response tooLarge(long max) {
        return Problems.response(413, null, "Request body too large",
                "The request body exceeds the limit of " + max + " bytes");
    }

    /**
     * Fails with a 413 {@link WebApplicationException} (unchecked, so a resource that turns {@link IOException}s into
     * 400 does not swallow it) once more than {@code cap} bytes were read.
     */
    static final class LimitedStream extends CappedInputStream {

        LimitedStream(InputStream in, long cap) {
            super(in, cap);
        }

        @Override
        protected void exceeded(long cap) {
            throw new WebApplicationException(tooLarge(cap));
        }
    }
}
