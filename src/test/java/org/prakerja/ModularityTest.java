package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PrakerjaApplication.class);
    static final Path DOCS = Path.of("target", "spring-modulith-docs");
    /** The module map as committed: regenerate with {@code ./mvnw verify -Dtest=ModularityTest -Dprakerja.docs.write=true}. */
    static final Path COMMITTED = Path.of("docs", "modules");

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

    @Test
    @DisplayName("the module map in docs/modules is the one the code draws today")
    void committedModuleMapIsCurrent() throws IOException {
        Path fresh = Path.of("target", "module-map");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        if (Boolean.getBoolean("prakerja.docs.write")) {
            Files.createDirectories(COMMITTED);
            try (var old = Files.list(COMMITTED)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".puml")).toList()) {
                    Files.delete(file);
                }
            }
            try (var drawn = Files.list(fresh)) {
                for (Path file : drawn.toList()) {
                    Files.copy(file, COMMITTED.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var drawn = Files.list(fresh); var committed = Files.list(COMMITTED)) {
            var names = drawn.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(committed.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".puml")).sorted())
                    .as("docs/modules lists the modules of the code").containsExactlyElementsOf(names);
            // compared as sets of lines: the Documenter may list modules in another order from run to run
            for (String name : names) {
                assertThat(Files.readAllLines(COMMITTED.resolve(name))).as("docs/modules/" + name + " is stale")
                        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(fresh.resolve(name)));
            }
        }
    }
}
