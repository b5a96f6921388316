package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PrakerjaApplication.class);
    static final Path DOCS = Path.of("target", "spring-modulith-docs");

    @Test
    @DisplayName("modules talk only through each other's public API, and without cycles")
    void verifiesModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    @DisplayName("the module map documents itself: a C4 component diagram and a canvas per module")
    void writesTheModuleMap() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();

        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        MODULES.forEach(module -> {
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
        });
        assertThat(DOCS.resolve("all-docs.adoc")).isNotEmptyFile();
    }
}
