package org.tandem.rest.internal;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.ext.Provider;

import org.tandem.api.Caller;
import org.tandem.api.CallerAuthenticator;

/**
 * HTTP Basic against the platform realm for every path except the public ones. The caller becomes
 * the request's user principal: {@code (Caller) securityContext.getUserPrincipal()}.
 */
@Provider
@PreMatching
final class AuthenticationFilter implements ContainerRequestFilter {

    static final Set<String> PUBLIC_PATHS = Set.of("health", "openapi.json");
    private static final String CHALLENGE = "Basic realm=\"Tandem\", charset=\"UTF-8\"";

    private final CallerAuthenticator authenticator;

    AuthenticationFilter(CallerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = trimSlashes(request.getUriInfo().getPath());
        if (PUBLIC_PATHS.contains(path)) {
            return;
        }
        Optional<Caller> caller = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> {
                    try {
                        return authenticator.authenticate(c.user, c.password);
                    } finally {
                        Arrays.fill(c.password, '\0');
                    }
                });
        if (caller.isEmpty()) {
            Response.ResponseBuilder denied = Response.fromResponse(Problems.response(401, "unauthenticated",
                    "Authentication required", "Valid HTTP Basic credentials are required"));
            // a script (the web console) asks for no challenge: with "Basic" the browser would open its own login
            // dialog over the console's form and remember the credentials outside the page
            if (!"XMLHttpRequest".equalsIgnoreCase(request.getHeaderString("X-Requested-With"))) {
                denied.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            }
            request.abortWith(denied.build());
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller.get(),
                "https".equals(request.getUriInfo().getRequestUri().getScheme())));
    }

    private record Credentials(String user, char[] password) {
    }

    private static Optional<Credentials> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(decoded));
        Arrays.fill(decoded, (byte) 0);
        int colon = -1;
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = chars.subSequence(0, colon).toString();
        char[] password = new char[chars.limit() - colon - 1];
        chars.position(colon + 1);
        chars.get(password);
        return Optional.of(new Credentials(user, password));
    }

    static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().stream().anyMatch(r -> r.id().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
