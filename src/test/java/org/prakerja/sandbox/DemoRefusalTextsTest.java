package org.prakerja.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.common.Refusal;
import org.prakerja.web.Refuses;

/** The demo pages explain every refusal the partner API's endpoints declare, in both languages. */
class DemoRefusalTextsTest {

    @Test
    @DisplayName("every code a platform or institution endpoint may answer has a sandbox.refusal text in Indonesian and English")
    void everyDeclaredCodeHasAText() throws Exception {
        var codes = new TreeSet<String>();
        for (String controller : new String[] {"org.prakerja.purchase.PlatformController",
                "org.prakerja.training.InstitutionController"}) {
            for (var method : Class.forName(controller).getDeclaredMethods()) {
                var refuses = method.getAnnotation(Refuses.class);
                if (refuses != null) {
                    codes.addAll(refuses.codes().length > 0 ? Arrays.asList(refuses.codes())
                            : Arrays.stream(refuses.value().getEnumConstants()).map(Refusal::code).toList());
                }
            }
        }
        assertThat(codes).contains("CARD_NOT_FOUND", "OTP_INVALID", "INSUFFICIENT_BALANCE", "PREVIOUS_TRAINING_NOT_COMPLETED");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            var texts = load(bundle);
            for (String code : codes) {
                assertThat(texts.getProperty("sandbox.refusal." + code)).as(bundle + " " + code).isNotBlank();
            }
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = DemoRefusalTextsTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
