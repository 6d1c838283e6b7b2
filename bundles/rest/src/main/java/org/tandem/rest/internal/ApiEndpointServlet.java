package org.tandem.rest.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one servlet registered at {@code /tandem/api/v1/*} for the life of the REST host. When the set of resources
 * changes, a new CXF servlet (a <em>generation</em>) is initialised next to the current one and swapped in; the old
 * one is destroyed when its last in-flight request has finished. A request therefore always reaches the API: there
 * is no moment without a servlet on the pattern (unregistering and registering one left such a gap, in which Jetty
 * or the web console's {@code /tandem/*} servlet answered instead).
 */
final class ApiEndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpointServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private transient Set<Object> pending;
    private transient ClassLoader requestLoader;
    private transient volatile Generation current;
    private final transient AtomicInteger generations = new AtomicInteger();

    ApiEndpointServlet(Set<Object> singletons) {
        this.pending = singletons;
    }

    @Override
    public synchronized void init(ServletConfig config) throws ServletException {
        super.init(config);
        // the loader the container runs requests with; CXF's bus uses it (see ApiServlet)
        requestLoader = Thread.currentThread().getContextClassLoader();
        Set<Object> first = pending;
        pending = null;
        try {
            current = newGeneration(first);
        } catch (ServletException | RuntimeException e) {
            // e.g. "No resource classes found" when a request arrives before any resource service is there: this
            // servlet must still initialise (a failed init leaves it unavailable for good); it answers 503 until a
            // publish brings a generation
            LOG.info("Tandem API not ready yet ({}); answering 503 until resources arrive", e.getMessage());
            current = null;
        }
    }

    /**
     * Serves the given resources from now on. Before the container initialised this servlet they are kept for
     * {@link #init}; afterwards a new generation is initialised before the current one is retired, so requests in
     * flight finish on the generation they started on.
     */
    synchronized void publish(Set<Object> singletons) throws ServletException {
        if (getServletConfig() == null) {
            pending = singletons;
            return;
        }
        Generation previous = current;
        current = newGeneration(singletons);
        if (previous != null) {
            previous.retire();
        }
    }

    private Generation newGeneration(Set<Object> singletons) throws ServletException {
        ApiServlet servlet = new ApiServlet(singletons, requestLoader);
        servlet.init(getServletConfig());
        return new Generation(servlet, generations.incrementAndGet());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String charset = unsupportedCharset(request.getContentType());
        if (charset != null) {
            // CXF fails such a request with an IOException before any filter or mapper runs: Jetty then answered
            // 500 with an HTML page. Not audited: it never reaches the API.
            problem(response, 415, "unsupported-charset", "Unsupported charset \"" + printable(charset)
                    + "\" in Content-Type; send UTF-8");
            return;
        }
        Generation generation = acquire();
        if (generation == null) {
            unavailable(response);
            return;
        }
        try {
            generation.servlet.service(request, response);
        } finally {
            generation.release();
        }
    }

    /** Takes a generation that is still current after it was counted, so it cannot be destroyed under the request. */
    private Generation acquire() {
        while (true) {
            Generation generation = current;
            if (generation == null) {
                return null;
            }
            generation.inFlight.incrementAndGet();
            if (generation == current) {
                return generation;
            }
            generation.release();
        }
    }

    @Override
    public synchronized void destroy() {
        Generation last = current;
        current = null;
        if (last != null) {
            last.retire();
        }
        super.destroy();
    }

    int generation() {
        Generation generation = current;
        return generation == null ? 0 : generation.number;
    }

    /**
     * @return the charset parameter of a Content-Type when it is not one this JVM supports (unknown, malformed,
     *         empty), else null
     */
    static String unsupportedCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String value = param.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            try {
                if (!value.isEmpty() && Charset.isSupported(value)) {
                    continue;
                }
            } catch (IllegalCharsetNameException e) {
                // reported below
            }
            return value;
        }
        return null;
    }

    private static String printable(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return shown.replaceAll("[^\\x20-\\x7E]", "?").replace("\"", "'");
    }

    private static void problem(HttpServletResponse response, int status, String slug, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        JSON.writeValue(response.getOutputStream(), Problems.body(status, slug, Problems.titleFor(status), detail));
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(503);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setHeader("Retry-After", "1");
        JSON.writeValue(response.getOutputStream(),
                Problems.body(503, "unavailable", Problems.titleFor(503), "The API is stopping or not yet started."));
    }

    private static final class Generation {
        final ApiServlet servlet;
        final int number;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean destroyed = new AtomicBoolean();
        volatile boolean retired;

        Generation(ApiServlet servlet, int number) {
            this.servlet = servlet;
            this.number = number;
        }

        void release() {
            if (inFlight.decrementAndGet() == 0 && retired) {
                destroyOnce();
            }
        }

        void retire() {
            retired = true;
            if (inFlight.get() == 0) {
                destroyOnce();
            }
        }

        private void destroyOnce() {
            if (destroyed.compareAndSet(false, true)) {
                try {
                    servlet.destroy();
                } catch (RuntimeException e) {
                    LOG.warn("Destroying API servlet generation {} failed", number, e);
                }
            }
        }
    }
}
