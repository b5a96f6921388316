package org.prakerja.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.complaint.ComplaintFiling.email;
import static org.prakerja.complaint.ComplaintFiling.filePublicly;
import static org.prakerja.complaint.ComplaintFiling.newEmail;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.Operator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R-80 attachments: JPEG, PNG or PDF by content, at most 2 MB, at most 3, for the filer and operators only. */
@IntegrationTest
class AttachmentTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    Api api;
    Operator ops;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
    }

    private long attachments(String ticket) {
        return db.sql("SELECT count(*) FROM complaint_attachment a JOIN complaint c ON c.id = a.complaint_id WHERE c.ticket = ?")
                .param(ticket).query(Long.class).single();
    }

    @Test
    @DisplayName("R-80 a JPEG, a PNG and a PDF are kept with the type their content shows, whatever their names say")
    void keptByContent() {
        String filer = newEmail();
        String ticket = filePublicly(api, filer);
        String path = "/api/v1/complaints/" + ticket + "/attachments" + email(filer);
        var jpeg = api.upload(path, "file", "bukti.pdf", "application/pdf", Files.jpeg(), null);
        assertThat(jpeg.status()).as(jpeg.raw()).isEqualTo(201);
        assertThat(jpeg.body().get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(jpeg.body().get("size").asLong()).isEqualTo(Files.jpeg().length);
        var png = api.upload(path, "file", "layar", "application/octet-stream", Files.png(), null);
        assertThat(png.body().get("contentType").asString()).isEqualTo("image/png");
        var pdf = api.upload(path, "file", "surat.jpg", "image/jpeg", Files.pdf(), null);
        assertThat(pdf.body().get("contentType").asString()).isEqualTo("application/pdf");

        var listed = api.get("/api/v1/complaints/" + ticket + email(filer)).body().get("attachments");
        assertThat(listed.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("R-80 a text file named .jpg is 415 UNSUPPORTED_MEDIA_TYPE; over 2 MB is 413 TOO_LARGE; an empty or missing file is 400; nothing is kept")
    void refusedFiles() {
        String filer = newEmail();
        String ticket = filePublicly(api, filer);
        String path = "/api/v1/complaints/" + ticket + "/attachments" + email(filer);
        var text = api.upload(path, "file", "foto.jpg", "image/jpeg", Files.text(), null);
        assertThat(text.status()).as(text.raw()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        // an HTML page dressed as a PNG would be served back to operators: refused by content
        var html = api.upload(path, "file", "x.png", "image/png", "<html><script>alert(1)</script>".getBytes(), null);
        assertThat(html.status()).isEqualTo(415);

        var big = api.upload(path, "file", "besar.jpg", "image/jpeg", Files.withHead(Files.jpeg(), 2 * 1024 * 1024 + 1), null);
        assertThat(big.status()).as(big.raw()).isEqualTo(413);
        assertThat(big.code()).isEqualTo("TOO_LARGE");
        var bigger = api.upload(path, "file", "besar.pdf", "application/pdf", Files.withHead(Files.pdf(), 5 * 1024 * 1024), null);
        assertThat(bigger.status()).as(bigger.raw()).isEqualTo(413);
        assertThat(bigger.code()).isEqualTo("TOO_LARGE");
        var exactly = api.upload(path, "file", "pas.jpg", "image/jpeg", Files.withHead(Files.jpeg(), 2 * 1024 * 1024), null);
        assertThat(exactly.status()).as(exactly.raw()).isEqualTo(201);

        var empty = api.upload(path, "file", "kosong.png", "image/png", new byte[0], null);
        assertThat(empty.status()).as(empty.raw()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("VALIDATION_FAILED");
        var wrongPart = api.upload(path, "berkas", "a.png", "image/png", Files.png(), null);
        assertThat(wrongPart.status()).as(wrongPart.raw()).isEqualTo(400);
        assertThat(wrongPart.body().get("field").asString()).isEqualTo("file");
        var json = api.post(path, "{\"file\":\"x\"}", null);
        assertThat(json.status()).as(json.raw()).isEqualTo(415);
        assertThat(attachments(ticket)).isEqualTo(1);
    }

    @Test
    @DisplayName("R-80 a fourth attachment is 409 TOO_MANY_ATTACHMENTS, also when six arrive at once")
    void atMostThree() throws Exception {
        String filer = newEmail();
        String ticket = filePublicly(api, filer);
        String path = "/api/v1/complaints/" + ticket + "/attachments" + email(filer);
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> api.upload(path, "file", "a.png", "image/png", Files.png(), null));
        }
        var statuses = new ArrayList<Integer>();
        var codes = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (var f : pool.invokeAll(tasks)) {
                statuses.add(f.get().status());
                if (f.get().status() != 201) {
                    codes.add(f.get().code());
                }
            }
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        assertThat(codes).containsOnly("TOO_MANY_ATTACHMENTS");
        assertThat(attachments(ticket)).isEqualTo(3);
        var fourth = api.upload(path, "file", "d.pdf", "application/pdf", Files.pdf(), null);
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("TOO_MANY_ATTACHMENTS");
    }

    @Test
    @DisplayName("R-80 an attachment is served to operators and the filer as a download (its type, attachment, nosniff), to nobody else")
    void served() {
        String filer = newEmail();
        String ticket = filePublicly(api, filer);
        var up = api.upload("/api/v1/complaints/" + ticket + "/attachments" + email(filer), "file", "bukti.png",
                "image/png", Files.png(), null);
        String id = up.body().get("attachmentId").asString();

        var forOperator = api.download("/api/v1/ops/complaints/" + ticket + "/attachments/" + id, ops.token());
        assertThat(forOperator.status()).isEqualTo(200);
        assertThat(forOperator.header("Content-Type")).isEqualTo("image/png");
        assertThat(forOperator.header("Content-Disposition")).startsWith("attachment");
        assertThat(forOperator.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(forOperator.body()).isEqualTo(Files.png());
        String auditor = api.login("auditor@prakerja.test", "auditor-sandbox-1");
        assertThat(api.download("/api/v1/ops/complaints/" + ticket + "/attachments/" + id, auditor).status()).isEqualTo(200);

        var forFiler = api.download("/api/v1/complaints/" + ticket + "/attachments/" + id + email(filer), null);
        assertThat(forFiler.status()).isEqualTo(200);
        assertThat(forFiler.body()).isEqualTo(Files.png());

        assertThat(api.download("/api/v1/complaints/" + ticket + "/attachments/" + id + email(newEmail()), null).status())
                .isEqualTo(404);
        assertThat(api.download("/api/v1/complaints/" + ticket + "/attachments/" + id, null).status()).isEqualTo(404);
        // another ticket's attachment id does not open through this ticket
        String other = filePublicly(api, filer);
        var crossed = api.download("/api/v1/complaints/" + other + "/attachments/" + id + email(filer), null);
        assertThat(crossed.status()).isEqualTo(404);
        assertThat(api.download("/api/v1/ops/complaints/" + other + "/attachments/" + id, ops.token()).status())
                .isEqualTo(404);
    }
}
