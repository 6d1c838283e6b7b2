package org.tandem.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.ext.Provider;

/** Rejects a declared oversize body before a byte of it is read (the reader caps undeclared ones). */
@Provider
final class BodySizeFilter implements ContainerRequestFilter {

    private final long maxBodyBytes;

    BodySizeFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            request.abortWith(Problems.response(413, null, "Request body too large",
                    "The request body exceeds the limit of " + maxBodyBytes + " bytes"));
        }
    }
}
