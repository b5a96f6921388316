package org.prakerja.simulator.snap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/**
 * The SNAP BI simulator on its own (bin/snap-simulator), for a staging service pointed at it:
 * {@code <port> <client-key> <public-key.pem> <client-secret> [token-lifetime-seconds]}, or
 * {@code --generate <dir>}: a test key pair written there (private.pem PKCS#8, public.pem X.509) and the
 * settings to give the service printed.
 */
public final class SnapSimulatorMain {

    private SnapSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--generate")) {
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            KeyPair pair = generate();
            Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            System.out.println("""
                    Key pair written to %1$s (private.pem, public.pem). Start the simulator:
                      bin/snap-simulator 8090 prakerja-test %1$s/public.pem test-secret
                    and give the service:
                      PRAKERJA_PAYMENT_SNAP_BASE_URL=http://localhost:8090
                      PRAKERJA_PAYMENT_SNAP_CLIENT_KEY=prakerja-test
                      PRAKERJA_PAYMENT_SNAP_PRIVATE_KEY=%1$s/private.pem
                      PRAKERJA_PAYMENT_SNAP_CLIENT_SECRET=test-secret
                      PRAKERJA_PAYMENT_SNAP_SOURCE_ACCOUNT=1234567890
                    """.formatted(dir.toAbsolutePath()));
            return;
        }
        if (args.length < 4) {
            System.err.println("usage: snap-simulator <port> <client-key> <public-key.pem> <client-secret> [token-seconds]"
                    + "\n       snap-simulator --generate <dir>");
            System.exit(2);
        }
        var lifetime = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 900);
        var simulator = new SnapSimulator(Integer.parseInt(args[0]), args[1], readPublicKey(Path.of(args[2])), args[3],
                lifetime);
        // a staging service links any account: every number is known, held by "PESERTA"
        simulator.knowEveryone(true);
        System.out.println("SNAP BI simulator on " + simulator.baseUrl() + " for client " + args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("SNAP BI simulator stopped; payments: "
                + simulator.payments())));
        Thread.currentThread().join();
    }

    public static KeyPair generate() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public static PublicKey readPublicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
