package org.prakerja.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.simulator.registry.RegistrySimulator;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The civil registry over real HTTPS with mutual TLS: the service's {@link HttpsCivilRegistry}
 * against {@link RegistrySimulator} on a local port, through registration, the recheck job and
 * selection. Time-outs and the breaker are tightened so the failures play out in a second.
 *
 * <p>The simulator starts with the class, before the context: common/OutsideSystems chooses the
 * adapter from the environment before any test property source of the context's own exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "prakerja.civil-registry.url=${test.civil-registry.url}",
        "prakerja.civil-registry.key-store=${test.civil-registry.key-store}",
        "prakerja.civil-registry.key-store-password=changeit",
        "prakerja.civil-registry.trust-store=${test.civil-registry.trust-store}",
        "prakerja.civil-registry.trust-store-password=changeit",
        "prakerja.civil-registry.request-timeout=PT1S",
        "prakerja.civil-registry.breaker.sliding-window-size=4",
        "prakerja.civil-registry.breaker.minimum-calls=3",
        "prakerja.civil-registry.breaker.wait-in-open=PT1S",
        "prakerja.civil-registry.breaker.calls-in-half-open=1"})
@ActiveProfiles({"sandbox", "test"})
class CivilRegistryHttpsTest {

    static final RegistrySimulator REGISTRY = startRegistry();

    private static RegistrySimulator startRegistry() {
        var registry = RegistrySimulator.start(0, Path.of("target", "registry-simulator-test"));
        System.setProperty("test.civil-registry.url", registry.url());
        System.setProperty("test.civil-registry.key-store", registry.pki().clientKeyStore().toString());
        System.setProperty("test.civil-registry.trust-store", registry.pki().clientTrustStore().toString());
        return registry;
    }

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Participants participants;
    @Autowired
    JdbcClient db;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CivilRegistry adapter;

    Api api;
    Journey journey;
    Operator ops;

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journey = new Journey(api, relay);
        ops = new Operator(api);
        REGISTRY.up();
        REGISTRY.mode(RegistrySimulator.Mode.NORMAL);
        awaitBreakerClosed();
    }

    /** A person the registry knows as they say they are. */
    private ParticipantBuilder known(String name) {
        var who = aParticipant().named(name);
        REGISTRY.know(who.nik(), name, LocalDate.of(1995, 4, 17));
        return who;
    }

    @Test
    @DisplayName("Issue 19 the registry answers per field over mutual TLS: match registers, a name or birth date mismatch and an unknown NIK are refused")
    void perFieldAnswers() {
        assertThat(adapter).isInstanceOf(HttpsCivilRegistry.class);
        double mismatches = calls("mismatch");

        var match = known("Dewi Lestari");
        UUID id = journey.register(match);
        assertThat(participants.find(id)).get().extracting(Participant::identity).isEqualTo(IdentityStatus.VERIFIED);

        var wrongName = aParticipant().named("Dewi Lestari");
        REGISTRY.know(wrongName.nik(), "Dewi Lestarini", LocalDate.of(1995, 4, 17));
        assertRefused(wrongName);

        // the NIK agrees with the birth date given, the registry's record says another day
        var wrongBirth = aParticipant().named("Rudi Hartono");
        REGISTRY.know(wrongBirth.nik(), "Rudi Hartono", LocalDate.of(1995, 4, 18));
        assertRefused(wrongBirth);

        assertRefused(aParticipant().named("Tidak Dikenal"));

        // case and spaces are the registry's business: its rule takes these as the same name
        var spaced = aParticipant().named("  siti   AMINAH ");
        REGISTRY.know(spaced.nik(), "Siti Aminah", LocalDate.of(1995, 4, 17));
        journey.register(spaced);

        assertThat(calls("mismatch") - mismatches).isEqualTo(2);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("state", "closed").gauge().value()).isEqualTo(1);
    }

    @Test
    @DisplayName("Issue 19 the registry refuses a client without a certificate or with one from another CA, at the handshake")
    void mutualTls() throws Exception {
        int before = REGISTRY.calls();
        var pki = REGISTRY.pki();
        var noCertificate = client(null, pki.clientTrustStore());
        assertThatThrownBy(() -> post(noCertificate)).isInstanceOf(IOException.class);
        var stranger = client(pki.strangerKeyStore(), pki.clientTrustStore());
        assertThatThrownBy(() -> post(stranger)).isInstanceOf(IOException.class);
        assertThat(REGISTRY.calls()).isEqualTo(before);

        // the service's own certificate passes, and a malformed request gets the contract's error shape
        var ours = client(pki.clientKeyStore(), pki.clientTrustStore());
        var answer = post(ours);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"INVALID_REQUEST\"");
    }

    @Test
    @DisplayName("Issue 19 registry slow or 503: registration succeeds AWAITING; the breaker opens (no calls while open, not ready); the job verifies once it is back and rejects a mismatch, telling the person")
    void outageAndRecheck() {
        REGISTRY.slowness(Duration.ofMillis(2500));
        REGISTRY.mode(RegistrySimulator.Mode.SLOW);
        var slow = known("Ani Wijaya");
        UUID slowId = journey.register(slow);
        assertThat(participants.find(slowId)).get().extracting(Participant::identity).isEqualTo(IdentityStatus.AWAITING);
        assertThat(sealedNik(slowId)).isTrue();

        REGISTRY.mode(RegistrySimulator.Mode.UNAVAILABLE);
        // registered while the registry was down: a name it does not know for that NIK
        var impostor = aParticipant().named("Bukan Pemilik");
        REGISTRY.know(impostor.nik(), "Pemilik Asli", LocalDate.of(1995, 4, 17));
        UUID impostorId = journey.register(impostor);
        var third = known("Joko Susilo");
        UUID thirdId = journey.register(third);

        // three failures of three calls: open; the next registration does not reach the registry
        assertThat(((HttpsCivilRegistry) adapter).breakerState().name()).isEqualTo("OPEN");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        int reached = REGISTRY.calls();
        var fourth = known("Wati Kusuma");
        UUID fourthId = journey.register(fourth);
        assertThat(REGISTRY.calls()).isEqualTo(reached);
        assertThat(calls("unavailable")).isGreaterThanOrEqualTo(4);
        for (UUID id : new UUID[] {impostorId, thirdId, fourthId}) {
            assertThat(participants.find(id)).get().extracting(Participant::identity).isEqualTo(IdentityStatus.AWAITING);
        }

        // still down: the job stops at the first "could not ask" and decides nothing
        ops.runJob("identity-recheck");
        assertThat(participants.find(slowId)).get().extracting(Participant::identity).isEqualTo(IdentityStatus.AWAITING);

        REGISTRY.mode(RegistrySimulator.Mode.NORMAL);
        sleep(Duration.ofMillis(1100));
        ops.runJob("identity-recheck");
        for (UUID id : new UUID[] {slowId, thirdId, fourthId}) {
            assertThat(participants.find(id)).get().extracting(Participant::identity).isEqualTo(IdentityStatus.VERIFIED);
            assertThat(sealedNik(id)).isFalse();
        }
        assertThat(participants.find(impostorId)).get().extracting(Participant::identity)
                .isEqualTo(IdentityStatus.REJECTED);
        assertThat(sealedNik(impostorId)).isFalse();
        relay.relayAll();
        var inbox = api.get("/sandbox/inbox?to=" + impostor.phone().replace("+", "%2B")).body();
        assertThat(inbox.toString()).contains("tidak cocok dengan data Dukcapil").contains("pengaduan");

        // the NIK is free again for its real owner
        var owner = aParticipant().withNik(impostor.nik()).named("Pemilik Asli");
        assertThat(participants.find(journey.register(owner))).get().extracting(Participant::identity)
                .isEqualTo(IdentityStatus.VERIFIED);
    }

    @Test
    @DisplayName("Issue 19/R-22 an applicant whose identity is AWAITING may join but is not selected (IDENTITY_NOT_VERIFIED); the others are drawn as before")
    void selectionExcludesAwaiting() throws Exception {
        int wave = ops.openWave(2);
        var verified = new java.util.ArrayList<UUID>();
        var applicants = new java.util.ArrayList<Journey.Registered>();
        for (String name : new String[] {"Lina Marlina", "Yusuf Hamid", "Maya Sari"}) {
            var p = journey.readyToApply(known(name));
            verified.add(p.id());
            applicants.add(p);
        }
        REGISTRY.mode(RegistrySimulator.Mode.UNAVAILABLE);
        var awaiting = journey.readyToApply(known("Agus Salim"));
        REGISTRY.mode(RegistrySimulator.Mode.NORMAL);
        applicants.add(awaiting);
        assertThat(participants.find(awaiting.id())).get().extracting(Participant::identity)
                .isEqualTo(IdentityStatus.AWAITING);
        for (var p : applicants) {
            var joined = api.post("/api/v1/waves/" + wave + "/applications", "", p.token());
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        }
        ops.close(wave);
        ops.select(wave);
        var report = api.get("/api/v1/ops/waves/" + wave + "/selection", ops.token()).body();
        assertThat(report.get("applicants").asInt()).isEqualTo(4);
        assertThat(report.get("selected").asInt()).isEqualTo(2);
        assertThat(report.get("excluded").get("IDENTITY_NOT_VERIFIED").asInt()).isEqualTo(1);
        assertThat(db.sql("SELECT exclusion_reason FROM application WHERE wave_number = ? AND participant_id = ?")
                .params(wave, awaiting.id()).query(String.class).single()).isEqualTo("IDENTITY_NOT_VERIFIED");

        // Selection's Javadoc again, by hand: the awaiting applicant out first, then the rest (one
        // priority here) by SHA-256 of seed:id, the first quota of them selected
        String seed = report.get("seed").asString();
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        var expected = verified.stream()
                .sorted(java.util.Comparator.comparing(
                        (UUID id) -> digest.digest((seed + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        java.util.Arrays::compareUnsigned))
                .limit(2).toList();
        assertThat(db.sql("SELECT participant_id FROM application WHERE wave_number = ? AND status = 'SELECTED'")
                .param(wave).query(UUID.class).list()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("Issue 19 the dashboard says in both languages that the identity is being checked with Dukcapil, or that it did not match and how to complain; accessible, at 360 and 1280 px")
    void dashboardSaysSo() {
        ops.openWave(100);
        REGISTRY.mode(RegistrySimulator.Mode.UNAVAILABLE);
        var awaiting = journey.readyToApply(known("Rina Puspita"));
        var impostor = aParticipant().named("Bukan Rina");
        REGISTRY.know(impostor.nik(), "Rina Asli", LocalDate.of(1995, 4, 17));
        journey.readyToApply(impostor);
        REGISTRY.mode(RegistrySimulator.Mode.NORMAL);

        try (var browser = new Browser(port)) {
            signIn(browser, awaiting.who());
            assertThat(browser.text("#identity-status")).contains("sedang dicek ke Dukcapil")
                    .contains("belum bisa terpilih");
            // joining stays possible while the identity awaits
            assertThat(browser.all("form[action*='/join'] button")).hasSize(1);
            browser.checkPage("identity-awaiting", false);
            browser.open("/dashboard?lang=en");
            assertThat(browser.text("#identity-status")).contains("being checked with Dukcapil")
                    .contains("cannot be selected");
            browser.open("/dashboard?lang=id");

            sleep(Duration.ofMillis(1100));
            ops.runJob("identity-recheck");
            browser.driver().manage().deleteAllCookies();
            signIn(browser, impostor);
            assertThat(browser.text("#identity-status")).contains("tidak cocok dengan data Dukcapil");
            assertThat(browser.all(".hero .notice")).as("said once").hasSize(1);
            assertThat(browser.all("form[action*='/join'] button")).isEmpty();
            assertThat(browser.find("a[href='/complaints/new']").getText()).isNotBlank();
            browser.checkPage("identity-rejected", false);
        }
    }

    private static void signIn(Browser browser, ParticipantBuilder who) {
        browser.open("/login").type("email", who.email()).type("password", who.password())
                .submit("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard");
    }

    private void assertRefused(ParticipantBuilder who) {
        var r = api.post("/api/v1/registrations", who.body());
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("IDENTITY_NOT_VERIFIED");
    }

    private double calls(String outcome) {
        return meters.get("prakerja.civil-registry.calls").tag("outcome", outcome).counter().count();
    }

    private boolean sealedNik(UUID id) {
        return db.sql("SELECT nik_sealed IS NOT NULL FROM participant WHERE id = ?").param(id).query(Boolean.class)
                .single();
    }

    /**
     * Asks until the registry answers and the breaker is closed: the first call of a cold JVM (TLS,
     * classes) may outlast the tight time-out, and a test before may have left the breaker open.
     */
    private void awaitBreakerClosed() {
        var registry = (HttpsCivilRegistry) adapter;
        long deadline = System.currentTimeMillis() + 10_000;
        boolean answered = false;
        while ((!answered || registry.breakerState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED)
                && System.currentTimeMillis() < deadline) {
            answered = adapter.check(new Nik("3171011501900001"), "Budi Santoso", LocalDate.of(1990, 1, 15))
                    != CivilRegistry.Verdict.UNAVAILABLE;
            if (!answered) {
                sleep(Duration.ofMillis(300));
            }
        }
        assertThat(registry.breakerState().name()).isEqualTo("CLOSED");
    }

    private static HttpResponse<String> post(HttpClient client) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(REGISTRY.url() + "/v1/identity-checks"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(Path keyStore, Path trustStore) throws Exception {
        char[] password = "changeit".toCharArray();
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, password));
        var context = SSLContext.getInstance("TLS");
        if (keyStore == null) {
            context.init(null, trust.getTrustManagers(), null);
        } else {
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password), password);
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        }
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
