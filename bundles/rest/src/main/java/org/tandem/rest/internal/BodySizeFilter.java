package org.tandem.rest.internal;

import java.io.FilterInputStream;
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
    static final class LimitedStream extends FilterInputStream {

        private final long cap;
        private long count;

        LimitedStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            advance(skipped);
            return skipped;
        }

        private void advance(long n) {
            count += n;
            if (count > cap) {
                throw new WebApplicationException(tooLarge(cap));
            }
        }
    }
}
