package org.prakerja.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.SecretBox;
import org.prakerja.login.Credentials;
import org.prakerja.login.PasswordPolicy;
import org.prakerja.login.Role;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notifications;
import org.prakerja.registration.RegistrationResult.Refused;
import org.prakerja.registration.RegistrationResult.Registered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** R-10..R-12: creating an account and verifying its email and phone. */
@Service
class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Credentials credentials;
    private final CivilRegistry registry;
    private final PiiHashing hashing;
    private final VerificationCodes codes;
    private final Notifications notifications;
    private final SecretBox secrets;
    private final Clock clock;

    Registrations(JdbcClient db, TransactionTemplate tx, Credentials credentials, CivilRegistry registry,
            PiiHashing hashing, VerificationCodes codes, Notifications notifications, SecretBox secrets, Clock clock) {
        this.secrets = secrets;
        this.db = db;
        this.tx = tx;
        this.credentials = credentials;
        this.registry = registry;
        this.hashing = hashing;
        this.codes = codes;
        this.notifications = notifications;
        this.clock = clock;
    }

    public RegistrationResult register(RegistrationForm form) {
        PasswordPolicy.refusal(form.password(), form.email()).ifPresent(why -> {
            throw new InvalidInput("password", why);
        });
        var nik = new Nik(form.nik());
        if (!nik.agreesWith(form.birthDate(), form.gender())) {
            throw new InvalidInput("nik", "does not agree with the birth date and gender given (R-11)");
        }
        byte[] nikHash = hashing.hash("nik", nik.value());
        String phone = form.normalizedPhone();
        var taken = alreadyTaken(form.email(), phone, nikHash);
        if (taken != null) {
            return new Refused(taken);
        }
        var verdict = registry.check(nik, form.fullName(), form.birthDate());
        if (verdict != CivilRegistry.Verdict.MATCH && verdict != CivilRegistry.Verdict.UNAVAILABLE) {
            return new Refused(RegistrationRefusal.IDENTITY_NOT_VERIFIED);
        }
        // the registry down does not turn a person away: the account waits for the recheck job, which
        // needs the NIK again, so it is kept sealed until the registry has answered
        var identity = verdict == CivilRegistry.Verdict.MATCH ? IdentityStatus.VERIFIED : IdentityStatus.AWAITING;
        byte[] nikSealed = identity == IdentityStatus.AWAITING ? secrets.seal(nik.value()) : null;
        // the adaptive hash is the slow part: outside the transaction, so no connection waits on it
        String passwordHash = credentials.hash(form.password());
        UUID id = UUID.randomUUID();
        try {
            tx.executeWithoutResult(s -> {
                insert(id, form, phone, nik, nikHash, identity, nikSealed);
                if (!credentials.create(form.email(), passwordHash, Role.PARTICIPANT, id)) {
                    throw new DuplicateKeyException("credential_email");
                }
                sendCodes(id);
            });
        } catch (DuplicateKeyException e) {
            // a concurrent registration won the race for the same email, phone or NIK
            var reason = alreadyTaken(form.email(), phone, nikHash);
            return new Refused(reason == null ? RegistrationRefusal.EMAIL_ALREADY_REGISTERED : reason);
        }
        log.info("participant registered participant={} identity={}", id, identity);
        return new Registered(id);
    }

    /** Checks a code; the answer says which channels are verified so far. */
    public VerificationResult verify(UUID participantId, VerificationCodes.Channel channel, String code) {
        return tx.execute(s -> {
            if (db.sql("SELECT count(*) FROM participant WHERE id = ?").param(participantId).query(Long.class).single() == 0) {
                return new VerificationResult.Refused(RegistrationRefusal.PARTICIPANT_NOT_FOUND);
            }
            var refused = switch (codes.check(participantId, channel, code)) {
                case VERIFIED -> null;
                case INVALID -> RegistrationRefusal.CODE_INVALID;
                case EXPIRED -> RegistrationRefusal.CODE_EXPIRED;
                case LOCKED -> RegistrationRefusal.CODE_LOCKED;
            };
            if (refused != null) {
                return new VerificationResult.Refused(refused);
            }
            String column = channel == VerificationCodes.Channel.EMAIL ? "email_verified_at" : "phone_verified_at";
            db.sql("UPDATE participant SET " + column + " = coalesce(" + column + ", ?) WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), participantId).update();
            return db.sql("""
                    SELECT email_verified_at IS NOT NULL, phone_verified_at IS NOT NULL FROM participant WHERE id = ?
                    """)
                    .param(participantId)
                    .query((rs, i) -> (VerificationResult) new VerificationResult.Verified(rs.getBoolean(1), rs.getBoolean(2)))
                    .single();
        });
    }

    private RegistrationRefusal alreadyTaken(String email, String phone, byte[] nikHash) {
        var row = db.sql("""
                SELECT bool_or(nik_hash = :nik), bool_or(lower(email) = lower(:email)), bool_or(phone = :phone)
                FROM participant WHERE nik_hash = :nik OR lower(email) = lower(:email) OR phone = :phone
                """)
                .param("nik", nikHash).param("email", email).param("phone", phone)
                .query((rs, i) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)})
                .single();
        if (row[0]) {
            return RegistrationRefusal.NIK_ALREADY_REGISTERED;
        }
        // an operator's email is also taken; that is found when the credential is inserted
        if (row[1]) {
            return RegistrationRefusal.EMAIL_ALREADY_REGISTERED;
        }
        if (row[2]) {
            return RegistrationRefusal.PHONE_ALREADY_REGISTERED;
        }
        return null;
    }

    private void insert(UUID id, RegistrationForm f, String phone, Nik nik, byte[] nikHash, IdentityStatus identity,
            byte[] nikSealed) {
        var d = f.declarations();
        db.sql("""
                INSERT INTO participant (id, email, phone, nik_hash, nik_masked, kk_hash, full_name, birth_date, gender,
                    province, city, education, employment_status, in_school, civil_servant, security_forces,
                    village_official, legislator, created_at, identity_status, nik_sealed, identity_checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, f.email(), phone, nikHash, nik.masked(), hashing.hash("kk", f.kkNumber()),
                        f.fullName().trim(), f.birthDate(), f.gender().name(), f.province().trim(), f.city().trim(),
                        f.education().name(), f.employmentStatus().name(), d.inSchool(), d.civilServant(),
                        d.securityForces(), d.villageOfficial(), d.legislator(), Timestamp.from(clock.instant()),
                        identity.name(), nikSealed,
                        identity == IdentityStatus.VERIFIED ? Timestamp.from(clock.instant()) : null)
                .update();
    }

    /** to the email and phone just registered (the relay finds them by the participant's id). */
    private void sendCodes(UUID id) {
        var issued = codes.issueBoth(id);
        long minutes = codes.lifetime().toMinutes();
        notifications.sendAll(List.of(
                Message.email(id, "email.verification-code", issued.get(VerificationCodes.Channel.EMAIL), minutes)
                        .asSensitive(),
                Message.sms(id, "sms.verification-code", issued.get(VerificationCodes.Channel.SMS), minutes)
                        .asSensitive()));
    }
}
