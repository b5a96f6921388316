package org.prakerja.simulator.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of a registry simulator, made fresh at each start into PKCS12 files: a test CA,
 * the registry's server certificate for 127.0.0.1 and localhost, the service's client certificate,
 * and a client certificate from another CA that the registry must refuse.
 */
public record RegistryPki(Path dir, String password) {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public Path serverKeyStore() {
        return dir.resolve("registry-server.p12");
    }

    /** What the registry trusts: the CA that signs the service's client certificate. */
    public Path serverTrustStore() {
        return dir.resolve("registry-server-trust.p12");
    }

    /** prakerja.civil-registry.key-store */
    public Path clientKeyStore() {
        return dir.resolve("prakerja-client.p12");
    }

    /** prakerja.civil-registry.trust-store */
    public Path clientTrustStore() {
        return dir.resolve("prakerja-trust.p12");
    }

    /** A client certificate signed by another CA. */
    public Path strangerKeyStore() {
        return dir.resolve("stranger-client.p12");
    }

    public static RegistryPki create(Path dir, String password) {
        try {
            Files.createDirectories(dir);
            var pki = new RegistryPki(dir, password);
            KeyPair ca = keyPair();
            X509Certificate caCert = certificate("CN=Dukcapil Test CA", ca, "CN=Dukcapil Test CA", ca, true, null);
            KeyPair server = keyPair();
            X509Certificate serverCert = certificate("CN=localhost", server, "CN=Dukcapil Test CA", ca, false,
                    KeyPurposeId.id_kp_serverAuth);
            KeyPair client = keyPair();
            X509Certificate clientCert = certificate("CN=prakerja", client, "CN=Dukcapil Test CA", ca, false,
                    KeyPurposeId.id_kp_clientAuth);
            KeyPair otherCa = keyPair();
            KeyPair stranger = keyPair();
            X509Certificate strangerCert = certificate("CN=prakerja", stranger, "CN=Other CA", otherCa, false,
                    KeyPurposeId.id_kp_clientAuth);
            pki.write(pki.serverKeyStore(), "registry", server, serverCert, caCert);
            pki.write(pki.clientKeyStore(), "prakerja", client, clientCert, caCert);
            pki.write(pki.strangerKeyStore(), "prakerja", stranger, strangerCert, null);
            pki.trust(pki.serverTrustStore(), caCert);
            pki.trust(pki.clientTrustStore(), caCert);
            return pki;
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean ca, KeyPurposeId purpose)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (purpose == KeyPurposeId.id_kp_serverAuth) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private void write(Path file, String alias, KeyPair keys, X509Certificate cert, X509Certificate caCert)
            throws GeneralSecurityException, IOException {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate[] chain = caCert == null ? new Certificate[] {cert} : new Certificate[] {cert, caCert};
        store.setKeyEntry(alias, keys.getPrivate(), password.toCharArray(), chain);
        save(store, file);
    }

    private void trust(Path file, X509Certificate caCert) throws GeneralSecurityException, IOException {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", caCert);
        save(store, file);
    }

    private void save(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
