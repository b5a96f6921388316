package org.prakerja.registration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of NIK, KK number and one-time codes: equal inputs give equal
 * hashes, so uniqueness and the family cap can be checked, but a leaked table does not give the
 * numbers back without the key.
 */
@Component
class PiiHashing {

    private final SecretKeySpec key;

    PiiHashing(@Value("${prakerja.security.pii-key}") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    byte[] hash(String purpose, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
