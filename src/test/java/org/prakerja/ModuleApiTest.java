package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.common.Refusal;

/**
 * A module's public types are its API: what other modules call. A type that no other module uses is
 * package-private (or lives in a sub-package), so a reader of a module sees its few doors at once.
 */
class ModuleApiTest {

    private static final String ROOT = "org.prakerja.";

    /** Public for a reader the class files do not show, each with its reason. */
    private static final Map<String, String> PUBLIC_FOR_OTHER_READERS = Map.of(
            "org.prakerja.web.PageFormat", "every module's templates format money and dates with it as @fmt",
            "org.prakerja.notification.OutboxRelay", "tests of every module deliver the outbox with it",
            "org.prakerja.wave.Selection", "bench/selection.sh runs it directly",
            "org.prakerja.wave.Announcement", "bench/selection.sh runs it directly",
            "org.prakerja.incentive.Disbursement", "bench/disbursement.sh runs it directly",
            "org.prakerja.database.EmbeddedServer", "bench/purchases.sh runs pgbench against it",
            "org.prakerja.card.CardNumber", "tests check issued card numbers with it",
            "org.prakerja.notification.SmsText", "the SMSC simulator (bin/smsc-simulator) decodes what it receives with it");

    @Test
    @DisplayName("every public type of a module's base package is used by another module")
    void publicMeansUsedOutside() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.prakerja");
        var unused = new TreeSet<String>();
        for (JavaClass type : classes) {
            String module = moduleOf(type);
            boolean inBase = module != null && type.getPackageName().equals(ROOT + module);
            if (!inBase || !type.isTopLevelClass() || !type.getModifiers().contains(JavaModifier.PUBLIC)
                    || type.getSimpleName().equals("package-info")) {
                continue;
            }
            // a use of a nested type (a sealed outcome's case) is a use of the type; a refusal's codes
            // are the HTTP contract's, published in the OpenAPI document
            boolean usedOutside = Stream.concat(Stream.of(type), nested(type, classes))
                    .flatMap(t -> t.getDirectDependenciesToSelf().stream())
                    .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
            boolean refusal = type.isAssignableTo(Refusal.class);
            if (!usedOutside && !refusal && !inPublicSignature(type, classes)
                    && !PUBLIC_FOR_OTHER_READERS.containsKey(type.getName())) {
                unused.add(type.getName());
            }
        }
        assertThat(unused).as("public types no other module uses: make them package-private").isEmpty();
    }

    @Test
    @DisplayName("every type kept public for another reader exists and is public")
    void exceptionsAreReal() {
        var classes = new ClassFileImporter().importPackages("org.prakerja");
        PUBLIC_FOR_OTHER_READERS.keySet().forEach(name ->
                assertThat(classes.get(name).getModifiers()).as(name).contains(JavaModifier.PUBLIC));
    }

    /** Part of the API all the same: what a public method of the module's API takes or answers. */
    private static boolean inPublicSignature(JavaClass type, JavaClasses classes) {
        return classes.stream()
                .filter(c -> c != type && c.getPackageName().equals(type.getPackageName())
                        && c.getModifiers().contains(JavaModifier.PUBLIC))
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .anyMatch(m -> m.getRawReturnType().equals(type) || m.getRawParameterTypes().contains(type));
    }

    private static Stream<JavaClass> nested(JavaClass type, JavaClasses classes) {
        return classes.stream().filter(c -> c.getName().startsWith(type.getName() + "$"));
    }

    private static String moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
