package org.prakerja.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.prakerja.support.Api;

/** Test helpers: complaint bodies and filing them over the API. */
final class ComplaintFiling {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private ComplaintFiling() {
    }

    static String newEmail() {
        return "pelapor" + SEQ.incrementAndGet() + "@example.id";
    }

    static Map<String, Object> body(String category, String contactEmail) {
        var body = new HashMap<String, Object>();
        body.put("category", category);
        body.put("title", "Kode voucher tidak diterima");
        body.put("description", "Saya membeli pelatihan tanggal 3 Maret tetapi kode voucher tidak masuk ke email.");
        body.put("reference", "VC-ABC123");
        if (contactEmail != null) {
            body.put("contactEmail", contactEmail);
        }
        return body;
    }

    /** Files publicly with this contact email; returns the ticket. */
    static String filePublicly(Api api, String contactEmail) {
        var r = api.post("/api/v1/complaints", body("VOUCHER", contactEmail));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("ticket").asString();
    }

    static String email(String address) {
        return "?email=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }
}
