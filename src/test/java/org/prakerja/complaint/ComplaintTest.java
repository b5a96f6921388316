package org.prakerja.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.complaint.ComplaintFiling.body;
import static org.prakerja.complaint.ComplaintFiling.email;
import static org.prakerja.complaint.ComplaintFiling.filePublicly;
import static org.prakerja.complaint.ComplaintFiling.newEmail;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R-80 complaints over HTTP: filing, privacy of tickets, the conversation, bad input. */
@IntegrationTest
class ComplaintTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    OutboxRelay relay;
    Api api;
    Operator ops;
    Journey journey;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
        journey = new Journey(api, relay);
    }

    private long complaints() {
        return db.sql("SELECT count(*) FROM complaint").query(Long.class).single();
    }

    private String participantToken() {
        var who = aParticipant();
        journey.register(who);
        return api.login(who.email(), who.password());
    }

    @Test
    @DisplayName("R-80 anyone files a complaint with a contact email and gets an unguessable ticket, OPEN")
    void publicFiling() {
        String filer = newEmail();
        var r = api.post("/api/v1/complaints", body("SELECTION", filer));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("status").asString()).isEqualTo("OPEN");
        String ticket = r.body().get("ticket").asString();
        assertThat(ticket).matches("PGD(-[0-9A-HJKMNP-TV-Z]{5}){3}");

        var seen = api.get("/api/v1/complaints/" + ticket + email(filer.toUpperCase(Locale.ROOT)));
        assertThat(seen.status()).as(seen.raw()).isEqualTo(200);
        assertThat(seen.body().get("category").asString()).isEqualTo("SELECTION");
        assertThat(seen.body().get("status").asString()).isEqualTo("OPEN");
        assertThat(seen.body().get("messages").size()).isZero();
        // the ticket number reaches the filer by email
        relay.relayAll();
        var inbox = api.get("/sandbox/inbox?to=" + filer).body();
        assertThat(inbox.toString()).contains(ticket);
    }

    @Test
    @DisplayName("R-80 ticket numbers are random: a thousand drawn are all different, none a neighbour of another")
    void ticketsAreRandom() {
        var drawn = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            drawn.add(Ticket.random().value());
        }
        assertThat(drawn).hasSize(1000);
        var a = filePublicly(api, newEmail());
        var b = filePublicly(api, newEmail());
        assertThat(a.substring(0, 10)).isNotEqualTo(b.substring(0, 10));
    }

    @Test
    @DisplayName("R-80 a ticket is private: a wrong email, no email and an unknown ticket get the same 404")
    void publicTicketPrivacy() {
        String filer = newEmail();
        String ticket = filePublicly(api, filer);
        var wrongEmail = api.get("/api/v1/complaints/" + ticket + email(newEmail()));
        var noEmail = api.get("/api/v1/complaints/" + ticket);
        var unknown = api.get("/api/v1/complaints/PGD-00000-00000-00000" + email(filer));
        var garbage = api.get("/api/v1/complaints/not-a-ticket" + email(filer));
        for (var r : java.util.List.of(wrongEmail, noEmail, unknown, garbage)) {
            assertThat(r.status()).as(r.raw()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("COMPLAINT_NOT_FOUND");
            assertThat(r.raw().replaceAll("\"instance\":\"[^\"]*\"", ""))
                    .isEqualTo(unknown.raw().replaceAll("\"instance\":\"[^\"]*\"", ""));
        }
        // nor can a stranger write to it or attach to it
        var reply = api.post("/api/v1/complaints/" + ticket + "/messages" + email(newEmail()), Map.of("text", "halo"));
        assertThat(reply.status()).isEqualTo(404);
        var attach = api.upload("/api/v1/complaints/" + ticket + "/attachments" + email(newEmail()), "file", "a.png",
                "image/png", Files.png(), null);
        assertThat(attach.status()).isEqualTo(404);
        assertThat(db.sql("SELECT count(*) FROM complaint_message m JOIN complaint c ON c.id = m.complaint_id WHERE c.ticket = ?")
                .param(ticket).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R-80 a participant's complaint is linked to the account: theirs to read with their token, nobody else's")
    void participantTicketPrivacy() {
        String owner = participantToken();
        var filed = api.post("/api/v1/complaints", body("CARD", null), owner);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String ticket = filed.body().get("ticket").asString();

        assertThat(api.get("/api/v1/complaints/" + ticket, owner).status()).isEqualTo(200);
        var other = api.get("/api/v1/complaints/" + ticket, participantToken());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(api.get("/api/v1/complaints/" + ticket).status()).isEqualTo(404);
        // the filer is told on the dashboard
        assertThat(api.get("/api/v1/me", owner).body().get("notifications").toString()).contains(ticket);
    }

    @Test
    @DisplayName("R-80 bad input is refused and stores nothing: no category, an unknown one, no contact email without a token, a long or a 10 MB description")
    void badInput() {
        long before = complaints();
        var noCategory = body("VOUCHER", newEmail());
        noCategory.remove("category");
        expectField(api.post("/api/v1/complaints", noCategory), "category");
        expectField(api.post("/api/v1/complaints", body("LOST_CAT", newEmail())), "category");
        expectField(api.post("/api/v1/complaints", body("VOUCHER", null)), "contactEmail");
        expectField(api.post("/api/v1/complaints", body("VOUCHER", "not an email")), "contactEmail");
        var blankTitle = body("VOUCHER", newEmail());
        blankTitle.put("title", "  ");
        expectField(api.post("/api/v1/complaints", blankTitle), "title");
        var longer = body("VOUCHER", newEmail());
        longer.put("description", "x".repeat(5001));
        expectField(api.post("/api/v1/complaints", longer), "description");

        var huge = body("VOUCHER", newEmail());
        huge.put("description", "x".repeat(10 * 1024 * 1024));
        var tooLarge = RawHttp.send(port, "POST", "/api/v1/complaints", Map.of("Content-Type", "application/json"),
                Api.json(huge));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("TOO_LARGE");
        var chunked = RawHttp.sendChunked(port, "POST", "/api/v1/complaints", Map.of("Content-Type", "application/json"),
                Api.json(huge));
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(complaints()).isEqualTo(before);
    }

    @Test
    @DisplayName("R-80 the filer replies; a RESOLVED complaint reopens as OPEN and waits for an answer again")
    void replyReopens() {
        String filer = newEmail();
        String ticket = filePublicly(api, filer);
        var resolved = api.patch("/api/v1/ops/complaints/" + ticket,
                Map.of("status", "RESOLVED", "response", "Kode voucher sudah kami kirim ulang."), ops.token());
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(resolved.body().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.body().get("awaitingAnswerSince").isNull()).isTrue();

        var reply = api.post("/api/v1/complaints/" + ticket + "/messages" + email(filer),
                Map.of("text", "Belum masuk juga, mohon dicek lagi."));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        assertThat(reply.body().get("status").asString()).isEqualTo("OPEN");
        var messages = reply.body().get("messages");
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.get(0).get("from").asString()).isEqualTo("OPERATOR");
        assertThat(messages.get(1).get("from").asString()).isEqualTo("FILER");
        var seen = api.get("/api/v1/ops/complaints/" + ticket, ops.token()).body();
        assertThat(seen.get("awaitingAnswerSince").isNull()).isFalse();
    }

    @Test
    @DisplayName("R-80 every operator reply reaches the filer: a participant in the app and by email, the public by email")
    void repliesReachTheFiler() {
        var who = aParticipant();
        journey.register(who);
        String token = api.login(who.email(), who.password());
        String ticket = api.post("/api/v1/complaints", body("INCENTIVE", null), token).body().get("ticket").asString();
        var answered = api.patch("/api/v1/ops/complaints/" + ticket,
                Map.of("status", "IN_PROGRESS", "response", "Sedang kami periksa bersama bank."), ops.token());
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        var notices = api.get("/api/v1/me", token, "id").body().get("notifications").toString();
        assertThat(notices).contains("Pengaduan " + ticket + " sedang diproses");
        relay.relayAll();
        var mail = api.get("/sandbox/inbox?to=" + who.email()).body().toString();
        assertThat(mail).contains("Sedang kami periksa bersama bank.").contains(ticket);

        String filer = newEmail();
        String publicTicket = filePublicly(api, filer);
        api.patch("/api/v1/ops/complaints/" + publicTicket, Map.of("status", "REJECTED",
                "response", "Bukan wewenang Manajemen Pelaksana."), ops.token());
        relay.relayAll();
        var publicMail = api.get("/sandbox/inbox?to=" + filer).body();
        assertThat(publicMail.get(0).get("subject").asString()).contains(publicTicket).contains("ditolak");
        assertThat(publicMail.get(0).get("body").asString()).contains("Bukan wewenang Manajemen Pelaksana.");
    }

    @Test
    @DisplayName("R-80 an operator's move is checked: a response for RESOLVED and REJECTED, no move out of RESOLVED, no unknown status; a refused move changes nothing")
    void operatorMoves() {
        String ticket = filePublicly(api, newEmail());
        expectField(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "RESOLVED"), ops.token()), "response");
        expectField(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "FIXED", "response", "x"), ops.token()),
                "status");
        expectField(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("response", "x"), ops.token()), "status");
        var open = api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "OPEN", "response", "x"), ops.token());
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(api.get("/api/v1/ops/complaints/" + ticket, ops.token()).body().get("status").asString())
                .isEqualTo("OPEN");

        assertThat(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "IN_PROGRESS"), ops.token()).status())
                .isEqualTo(200);
        assertThat(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "REJECTED", "response", "Duplikat."),
                ops.token()).status()).isEqualTo(200);
        var back = api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "IN_PROGRESS", "response", "x"),
                ops.token());
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.code()).isEqualTo("ILLEGAL_TRANSITION");
        var view = api.get("/api/v1/ops/complaints/" + ticket, ops.token()).body();
        assertThat(view.get("status").asString()).isEqualTo("REJECTED");
        assertThat(view.get("messages").size()).isEqualTo(1);
        assertThat(api.patch("/api/v1/ops/complaints/PGD-00000-00000-00000", Map.of("status", "IN_PROGRESS"),
                ops.token()).code()).isEqualTo("COMPLAINT_NOT_FOUND");
    }

    @Test
    @DisplayName("R-80 the operators' summary counts complaints by status")
    void summary() {
        var before = api.get("/api/v1/ops/reports/summary", ops.token()).body().get("complaintsByStatus");
        filePublicly(api, newEmail());
        var after = api.get("/api/v1/ops/reports/summary", ops.token()).body().get("complaintsByStatus");
        assertThat(after.get("OPEN").asLong()).isEqualTo(before.get("OPEN").asLong() + 1);
        assertThat(after.propertyNames()).containsExactlyInAnyOrder("OPEN", "IN_PROGRESS", "RESOLVED", "REJECTED");
    }

    private static void expectField(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().get("field").asString()).as(r.raw()).isEqualTo(field);
    }
}
