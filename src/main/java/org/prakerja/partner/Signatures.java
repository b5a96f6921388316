package org.prakerja.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * docs/api.md section 3: Base64(HMAC-SHA512(secret, METHOD:PATH_WITH_QUERY:hex(SHA-256(body)):timestamp)).
 */
public final class Signatures {

    private Signatures() {
    }

    public static String canonical(String method, String pathWithQuery, byte[] body, String timestamp) {
        return method + ":" + pathWithQuery + ":" + sha256Hex(body) + ":" + timestamp;
    }

    public static String sign(String secret, String canonical) {
        try {
            var mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented signature with the expected one. */
    public static boolean matches(String secret, String canonical, String presented) {
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return presented != null
                && MessageDigest.isEqual(expected, presented.trim().getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
