package org.tandem.adapter.state.internal.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process stand-in for the state's compensation endpoint (real HTTP on a free port): fails the first
 * {@code failures} requests (a SOAP fault, then HTTP 503, alternately), then accepts, answering a SOAP receipt or a
 * JSON receipt depending on the request's content type.
 */
public final class StubStateEndpoint implements AutoCloseable {

    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> contentTypes = new CopyOnWriteArrayList<>();
    public final AtomicInteger accepted = new AtomicInteger();
    public volatile int failures;
    private final HttpServer server;

    public StubStateEndpoint(int failures) throws IOException {
        this.failures = failures;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/state/compensation", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/state/compensation";
    }

    private void handle(HttpExchange http) throws IOException {
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = String.valueOf(http.getRequestHeaders().getFirst("Content-Type"));
        int n;
        synchronized (this) {
            requests.add(body);
            contentTypes.add(type);
            n = requests.size();
        }
        boolean json = type.contains("json");
        if (n <= failures) {
            if (!json && n % 2 == 1) {
                send(http, 500, "text/xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap:Body><soap:Fault><faultcode>soap:Server</faultcode>"
                        + "<faultstring>claims database unavailable</faultstring></soap:Fault></soap:Body></soap:Envelope>");
            } else {
                send(http, 503, "text/plain", "maintenance");
            }
            return;
        }
        int number = accepted.incrementAndGet();
        if (json) {
            send(http, 201, "application/json", "{\"claimNumber\":\"VC-2026-" + number + "\",\"status\":\"RECEIVED\"}");
        } else {
            send(http, 200, "text/xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<vc:ClaimReceipt xmlns:vc=\"urn:example:state:victim-compensation:1.0\"><vc:ClaimID>x</vc:ClaimID>"
                    + "<vc:ClaimNumber>VC-2026-" + number + "</vc:ClaimNumber><vc:Status>RECEIVED</vc:Status>"
                    + "</vc:ClaimReceipt></soap:Body></soap:Envelope>");
        }
    }

    private static void send(HttpExchange http, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().add("Content-Type", type + "; charset=UTF-8");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
