package org.tandem.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server for probes (the JDK's com.sun.net.httpserver is not exported to bundles in Karaf): one
 * request per connection, Content-Length or chunked request bodies, {@code Connection: close} answers.
 */
final class StubHttpServer implements AutoCloseable {

    /** What to answer. */
    record Answer(int status, String contentType, String body) {
    }

    private final ServerSocket socket;
    private final Thread thread;

    StubHttpServer(int port, Function<String, Answer> handler) throws IOException {
        socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    String body = readRequest(s.getInputStream());
                    write(s.getOutputStream(), handler.apply(body));
                } catch (IOException e) {
                    // closed, or a client gave up: next connection
                }
            }
        }, "stub-http-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static String readRequest(InputStream in) throws IOException {
        long length = -1;
        boolean chunked = false;
        String line;
        readLine(in); // request line
        while (!(line = readLine(in)).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16)) > 0;) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
            readLine(in);
        } else if (length > 0) {
            body.write(in.readNBytes((int) length));
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n';) {
            if (c != '\r') {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static void write(OutputStream out, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + answer.status() + " Stub\r\nContent-Type: " + answer.contentType()
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
