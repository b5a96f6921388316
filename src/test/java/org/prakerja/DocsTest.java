package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The repository explains itself: its docs name what exists, and nothing points outside it. */
class DocsTest {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "data", "node_modules", ".idea");

    @Test
    @DisplayName("no file of the repository points at requirements outside it")
    void selfContained() throws IOException {
        // spelt in pieces, so that this file does not name them itself
        var outside = Pattern.compile("\\.\\./" + "shared|\\b(SPEC|PORTAL|DESIGN|STYLE)\\." + "md|(?<!docs/)\\bAPI\\." + "md");
        var found = new ArrayList<String>();
        for (Path file : projectFiles()) {
            String name = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
            String text;
            try {
                text = Files.readString(file);
            } catch (MalformedInputException binary) {
                continue;
            }
            var lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (outside.matcher(lines[i]).find()) {
                    found.add(name + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("every class and test that docs/rules.md names exists in the code")
    void rulesNameRealClasses() throws IOException {
        var sources = new TreeSet<String>();
        try (Stream<Path> all = Files.walk(Path.of("src"))) {
            all.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> sources.add(f.getFileName().toString().replace(".java", "")));
        }
        var named = Pattern.compile("`([A-Z][a-z]+[A-Za-z0-9]*)`").matcher(Files.readString(Path.of("docs", "rules.md")));
        var missing = new TreeSet<String>();
        int count = 0;
        while (named.find()) {
            count++;
            if (!sources.contains(named.group(1))) {
                missing.add(named.group(1));
            }
        }
        assertThat(count).as("names in docs/rules.md").isGreaterThan(100);
        assertThat(missing).as("named in docs/rules.md but not in src").isEmpty();
    }

    @Test
    @DisplayName("every rule in docs/rules.md says who holds it and what tests it, or that it is not built yet")
    void everyRuleIsAccountedFor() throws IOException {
        var rules = Files.readString(Path.of("docs", "rules.md")).split("\n(?=- R-\\d+ |## )");
        var unaccounted = new ArrayList<String>();
        int count = 0;
        for (String rule : rules) {
            if (!rule.startsWith("- R-")) {
                continue;
            }
            count++;
            String words = rule.replaceAll("\\s+", " ");
            boolean held = words.contains("Held by") && words.contains("tested by");
            if (!held && !words.contains("Not built yet")) {
                unaccounted.add(rule.substring(0, rule.indexOf(' ', 4)));
            }
        }
        assertThat(count).as("rules in docs/rules.md").isGreaterThan(50);
        assertThat(unaccounted).isEmpty();
    }

    private static List<Path> projectFiles() throws IOException {
        try (Stream<Path> all = Files.walk(Path.of(""))) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> {
                        for (Path part : f) {
                            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(f -> !f.toString().endsWith(".png") && !f.toString().endsWith(".jar"))
                    .toList();
        }
    }
}
