package org.prakerja.simulator.registry;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The registry simulator on its own, for a staging deployment: {@code bin/registry-simulator PORT DIR}.
 * It makes fresh certificates in DIR and prints the settings that point the service at it.
 */
public final class RegistrySimulatorMain {

    private RegistrySimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: registry-simulator PORT DIR");
            System.exit(2);
        }
        var simulator = RegistrySimulator.start(Integer.parseInt(args[0]), Path.of(args[1]).toAbsolutePath());
        // the sandbox's demo people: NIKs agree with birth date and gender
        simulator.know("3171011501900001", "Budi Santoso", LocalDate.of(1990, 1, 15));
        simulator.know("3171015203950002", "Siti Rahayu", LocalDate.of(1995, 3, 12));
        var pki = simulator.pki();
        System.out.println("registry simulator listening on " + simulator.url());
        System.out.println("PRAKERJA_CIVIL_REGISTRY_URL=" + simulator.url());
        System.out.println("PRAKERJA_CIVIL_REGISTRY_KEY_STORE=" + pki.clientKeyStore());
        System.out.println("PRAKERJA_CIVIL_REGISTRY_KEY_STORE_PASSWORD=" + pki.password());
        System.out.println("PRAKERJA_CIVIL_REGISTRY_TRUST_STORE=" + pki.clientTrustStore());
        System.out.println("PRAKERJA_CIVIL_REGISTRY_TRUST_STORE_PASSWORD=" + pki.password());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
