package org.prakerja.card;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps card numbers secret at rest: AES-256-GCM for the number its holder may see, and an
 * HMAC-SHA256 for finding a card by the number a platform sends.
 */
@Component
class CardVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec aes;
    private final SecretKeySpec mac;

    CardVault(@Value("${prakerja.security.card-key}") String base64Key) {
        byte[] key = Base64.getDecoder().decode(base64Key);
        if (key.length != 32) {
            throw new IllegalStateException("prakerja.security.card-key must be 32 bytes, base64");
        }
        this.aes = new SecretKeySpec(key, "AES");
        this.mac = new SecretKeySpec(key, "HmacSHA256");
    }

    byte[] hash(String number) {
        try {
            var m = Mac.getInstance("HmacSHA256");
            m.init(mac);
            return m.doFinal(("card:" + number).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] encrypt(String number) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(number.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(byte[] stored) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, stored, 0, 12));
            return new String(cipher.doFinal(stored, 12, stored.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
