package org.prakerja.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A load generator's HTTP/1.1 client: one kept-alive socket per calling thread, blocking reads,
 * nothing else. It shares the two cores with the service under test, so it should cost as
 * little as it can; java.net.http's client spent about a tenth of the machine on its own
 * selector, futures and copies.
 */
final class KeepAliveHttp {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        var connection = connections.get();
        if (connection == null) {
            connection = new Connection(new Socket(host, port));
            connections.set(connection);
        }
        try {
            var response = connection.exchange(method, path, headers, body, host + ":" + port);
            if (connection.closing) {
                // the server ends a kept-alive connection after so many requests (Tomcat: 100)
                connections.remove();
                connection.socket.close();
            }
            return response;
        } catch (IOException e) {
            connections.remove();
            connection.socket.close();
            throw e;
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean closing;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Response exchange(String method, String path, Map<String, String> headers, byte[] body, String hostHeader)
                throws IOException {
            var head = new StringBuilder(512).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(hostHeader).append("\r\nContent-Length: ").append(body.length).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            var request = new ByteArrayOutputStream(head.length() + body.length);
            request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            request.writeTo(out);
            out.flush();

            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            byte[] content;
            if (chunked) {
                var all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    all.writeBytes(in.readNBytes(size));
                    line();
                }
                line();
                content = all.toByteArray();
            } else {
                content = in.readNBytes(Math.max(length, 0));
            }
            return new Response(status, new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            var line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
