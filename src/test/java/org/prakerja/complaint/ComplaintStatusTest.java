package org.prakerja.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.complaint.ComplaintStatus.IN_PROGRESS;
import static org.prakerja.complaint.ComplaintStatus.OPEN;
import static org.prakerja.complaint.ComplaintStatus.REJECTED;
import static org.prakerja.complaint.ComplaintStatus.RESOLVED;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-80 the complaint statuses and their moves, read off the enum alone. */
class ComplaintStatusTest {

    @Test
    @DisplayName("R-80 an operator takes up, answers, resolves or rejects an open complaint; nothing moves a closed one but the filer")
    void operatorMoves() {
        assertThat(EnumSet.allOf(ComplaintStatus.class).stream().filter(OPEN::operatorMayMoveTo))
                .containsExactlyInAnyOrder(IN_PROGRESS, RESOLVED, REJECTED);
        assertThat(EnumSet.allOf(ComplaintStatus.class).stream().filter(IN_PROGRESS::operatorMayMoveTo))
                .containsExactlyInAnyOrder(IN_PROGRESS, RESOLVED, REJECTED);
        assertThat(EnumSet.allOf(ComplaintStatus.class).stream().filter(RESOLVED::operatorMayMoveTo)).isEmpty();
        assertThat(EnumSet.allOf(ComplaintStatus.class).stream().filter(REJECTED::operatorMayMoveTo)).isEmpty();
    }

    @Test
    @DisplayName("R-80 the filer's reply reopens a resolved or rejected complaint and leaves an open one as it is")
    void filerReply() {
        assertThat(RESOLVED.afterFilerReply()).isEqualTo(OPEN);
        assertThat(REJECTED.afterFilerReply()).isEqualTo(OPEN);
        assertThat(OPEN.afterFilerReply()).isEqualTo(OPEN);
        assertThat(IN_PROGRESS.afterFilerReply()).isEqualTo(IN_PROGRESS);
        assertThat(EnumSet.allOf(ComplaintStatus.class).stream().filter(ComplaintStatus::needsResponse))
                .containsExactlyInAnyOrder(RESOLVED, REJECTED);
    }

    @Test
    @DisplayName("R-80 every status an operator can set has its in-app notice and its email in both languages")
    void everyAnswerHasItsTexts() throws Exception {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            var texts = new Properties();
            try (var in = getClass().getResourceAsStream("/" + bundle)) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (var status : ComplaintStatus.values()) {
                if (!OPEN.operatorMayMoveTo(status) && !IN_PROGRESS.operatorMayMoveTo(status)) {
                    continue;
                }
                String email = "email.complaint-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
                assertThat(texts).as(bundle).containsKeys("notice.COMPLAINT_" + status.name(), email + ".subject",
                        email + ".body");
            }
        }
    }

    @Test
    @DisplayName("R-80 files are judged by their first bytes: JPEG, PNG and PDF only")
    void fileKinds() {
        assertThat(FileKind.of(Files.jpeg())).contains(FileKind.JPEG);
        assertThat(FileKind.of(Files.png())).contains(FileKind.PNG);
        assertThat(FileKind.of(Files.pdf())).contains(FileKind.PDF);
        assertThat(FileKind.of(Files.text())).isEmpty();
        assertThat(FileKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(FileKind.of("GIF89a-------".getBytes())).isEmpty();
    }
}
