package org.prakerja.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Test data: a registration body with a NIK that agrees with the birth date and gender. */
public final class ParticipantBuilder {

    private static final AtomicLong SEQ = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 90_000_000L));

    private LocalDate birthDate = LocalDate.of(1995, 4, 17);
    private String gender = "M";
    private String kk;
    private String employment = "UNEMPLOYED";
    private String fullName = "Budi Santoso";
    private final Map<String, Object> declarations = new LinkedHashMap<>(Map.of(
            "inSchool", false, "civilServant", false, "securityForces", false, "villageOfficial", false,
            "legislator", false));
    private final long seq = SEQ.incrementAndGet();
    private String nikOverride;

    public static ParticipantBuilder aParticipant() {
        return new ParticipantBuilder();
    }

    public ParticipantBuilder bornOn(LocalDate date) {
        this.birthDate = date;
        return this;
    }

    public ParticipantBuilder female() {
        this.gender = "F";
        return this;
    }

    public ParticipantBuilder inFamily(String kkNumber) {
        this.kk = kkNumber;
        return this;
    }

    public ParticipantBuilder employment(String status) {
        this.employment = status;
        return this;
    }

    public ParticipantBuilder named(String name) {
        this.fullName = name;
        return this;
    }

    public ParticipantBuilder declaring(String item) {
        declarations.put(item, true);
        return this;
    }

    public ParticipantBuilder withNik(String nik) {
        this.nikOverride = nik;
        return this;
    }

    public static String newKk() {
        return "32" + String.format("%014d", SEQ.incrementAndGet() * 7 + 1);
    }

    public String email() {
        return "peserta" + seq + "@example.id";
    }

    public String phone() {
        return "+628" + String.format("%010d", seq);
    }

    public String password() {
        return "rahasia-" + seq;
    }

    public String nik() {
        if (nikOverride != null) {
            return nikOverride;
        }
        int day = birthDate.getDayOfMonth() + (gender.equals("F") ? 40 : 0);
        // region from the sequence, serial never 0000 or 9999
        String region = String.format("%06d", 110000 + seq % 800000);
        String serial = String.format("%04d", 1 + seq % 9000);
        return region + String.format("%02d%02d%02d", day, birthDate.getMonthValue(), birthDate.getYear() % 100) + serial;
    }

    public Map<String, Object> body() {
        var body = new HashMap<String, Object>();
        body.put("email", email());
        body.put("phone", phone());
        body.put("password", password());
        body.put("nik", nik());
        body.put("kkNumber", kk != null ? kk : newKk());
        body.put("fullName", fullName);
        body.put("birthDate", birthDate.toString());
        body.put("gender", gender);
        body.put("province", "Jawa Barat");
        body.put("city", "Bandung");
        body.put("education", "SMA");
        body.put("employmentStatus", employment);
        body.put("declarations", declarations);
        return body;
    }
}
