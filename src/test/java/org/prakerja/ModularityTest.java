package org.prakerja;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    @DisplayName("modules talk only through each other's public API, and without cycles")
    void verifiesModuleBoundaries() {
        ApplicationModules.of(PrakerjaApplication.class).verify();
    }
}
