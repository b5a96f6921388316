package org.prakerja.simulator.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A civil registry speaking docs/civil-registry.md over real HTTPS with mutual TLS: it asks every
 * client for a certificate from its CA and refuses the TLS handshake without one. A small table of
 * people answers per field; it can be switched to answer slowly, answer 503, or be down (its port
 * closed) to play the failures the service must survive.
 */
public final class RegistrySimulator implements AutoCloseable {

    public enum Mode { NORMAL, SLOW, UNAVAILABLE }

    record Person(String fullName, LocalDate birthDate) {
    }

    private final RegistryPki pki;
    private volatile int port;
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Mode mode = Mode.NORMAL;
    private volatile Duration slowness = Duration.ofSeconds(3);
    private HttpsServer server;

    private RegistrySimulator(RegistryPki pki, int port) {
        this.pki = pki;
        this.port = port;
    }

    /** Starts on {@code port} (0: any free one) with fresh certificates in {@code dir}. */
    public static RegistrySimulator start(int port, Path dir) {
        var pki = RegistryPki.create(dir, "changeit");
        var simulator = new RegistrySimulator(pki, port);
        simulator.up();
        return simulator;
    }

    public RegistryPki pki() {
        return pki;
    }

    public int port() {
        return server == null ? port : server.getAddress().getPort();
    }

    public String url() {
        return "https://127.0.0.1:" + port();
    }

    /** Identity checks that reached the registry (past the TLS handshake). */
    public int calls() {
        return calls.get();
    }

    public RegistrySimulator know(String nik, String fullName, LocalDate birthDate) {
        people.put(nik, new Person(fullName, birthDate));
        return this;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void slowness(Duration slowness) {
        this.slowness = slowness;
    }

    /** Its port closed: a connection is refused, as when the registry is down. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listening again, on the same port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            // the next up() comes back on the port clients were given
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var context = serverContext();
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/v1/identity-checks", this::identityCheck);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private void identityCheck(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, error("METHOD_NOT_ALLOWED", "POST only"));
                return;
            }
            switch (mode) {
                case SLOW -> sleep(slowness);
                case UNAVAILABLE -> {
                    answer(exchange, 503, error("UNAVAILABLE", "registry under maintenance"));
                    return;
                }
                case NORMAL -> { }
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = json.readTree(in);
            } catch (RuntimeException e) {
                answer(exchange, 400, error("INVALID_REQUEST", "not JSON"));
                return;
            }
            String requestId = request.path("requestId").asString("");
            String nik = request.path("nik").asString("");
            String fullName = request.path("fullName").asString("");
            String birthDate = request.path("birthDate").asString("");
            if (requestId.isBlank() || !nik.matches("\\d{16}") || fullName.isBlank()
                    || !birthDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
                answer(exchange, 400, error("INVALID_REQUEST", "requestId, nik (16 digits), fullName and birthDate (YYYY-MM-DD) are required"));
                return;
            }
            var person = people.get(nik);
            if (person == null) {
                answer(exchange, 200, "{\"requestId\":\"" + requestId + "\",\"found\":false}");
                return;
            }
            String name = same(person.fullName(), fullName) ? "MATCH" : "MISMATCH";
            String born = person.birthDate().toString().equals(birthDate) ? "MATCH" : "MISMATCH";
            answer(exchange, 200, "{\"requestId\":\"" + requestId + "\",\"found\":true,\"fields\":{\"fullName\":\""
                    + name + "\",\"birthDate\":\"" + born + "\"}}");
        }
    }

    /** The contract's name rule: case and runs of spaces do not matter. */
    private static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String name) {
        return name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SSLContext serverContext() {
        try {
            char[] password = pki.password().toCharArray();
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(pki.serverKeyStore(), password), password);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(pki.serverTrustStore(), password));
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    @Override
    public void close() {
        down();
    }
}
