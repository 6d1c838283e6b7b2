package org.tandem.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the web console's static files (folder {@code /webapp} of this bundle) at {@code /tandem/*}
 * through the HTTP Whiteboard. The API servlet's pattern {@code /tandem/api/v1/*} is longer, so the
 * container keeps sending the API to it; this servlet refuses {@code /tandem/api/...} anyway (404)
 * rather than answer with a file. {@code /tandem} and {@code /tandem/} answer {@code index.html}.
 * Every answer carries a strict Content-Security-Policy: scripts only from this origin, no inline
 * script, no framing.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/tandem/*",
        "osgi.http.whiteboard.servlet.name=tandem-web-console" })
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "json", "application/json; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private transient Function<String, URL> files;

    public ConsoleServlet() {
        // for the whiteboard: activate() sets the file source
    }

    ConsoleServlet(Function<String, URL> files) {
        this.files = files;
    }

    @Activate
    void activate(BundleContext context) {
        this.files = path -> context.getBundle().getEntry(path);
    }

    /** The bundle entry for a request path below {@code /tandem}, or empty (404). */
    static Optional<String> entryFor(String pathInfo) {
        String p = pathInfo == null || pathInfo.isEmpty() || "/".equals(pathInfo) ? "/index.html" : pathInfo;
        if (p.startsWith("/api/") || "/api".equals(p) || p.contains("..") || p.contains("//") || p.contains("\\")
                || p.endsWith("/")) {
            return Optional.empty();
        }
        int dot = p.lastIndexOf('.');
        if (dot < 0 || !TYPES.containsKey(p.substring(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of("/webapp" + p);
    }

    static String typeOf(String entry) {
        return TYPES.get(entry.substring(entry.lastIndexOf('.') + 1));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, true);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, false);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, boolean body) throws IOException {
        if (req.getPathInfo() == null && !req.getRequestURI().endsWith("/")) {
            // /tandem -> /tandem/ so relative module URLs resolve under the console
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Frame-Options", "DENY");
        Optional<String> entry = entryFor(req.getPathInfo());
        URL url = entry.map(files).orElse(null);
        if (url == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(typeOf(entry.get()));
        // the files change with the bundle; revalidate rather than cache stale modules across an upgrade
        resp.setHeader("Cache-Control", "no-cache");
        if (!body) {
            return;
        }
        try (InputStream in = url.openStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
