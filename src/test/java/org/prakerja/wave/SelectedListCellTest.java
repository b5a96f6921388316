package org.prakerja.wave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The selected list's cells (RFC 4180) are safe to open in a spreadsheet (OWASP CSV injection). */
class SelectedListCellTest {

    @Test
    @DisplayName("a text a spreadsheet would run as a formula gets a leading apostrophe")
    void formulasAreNeutralised() {
        assertThat(SelectedList.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(SelectedList.cell("+62812")).isEqualTo("'+62812");
        assertThat(SelectedList.cell("-5")).isEqualTo("'-5");
        assertThat(SelectedList.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SelectedList.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SelectedList.cell("Budi Santoso")).isEqualTo("Budi Santoso");
        assertThat(SelectedList.cell("Siti-Aminah")).isEqualTo("Siti-Aminah");
    }

    @Test
    @DisplayName("a comma, a quote or a line break is quoted with its quotes doubled; nothing is lost")
    void quoting() {
        assertThat(SelectedList.cell("Santoso, S.Kom")).isEqualTo("\"Santoso, S.Kom\"");
        assertThat(SelectedList.cell("Budi \"Bud\" Santoso")).isEqualTo("\"Budi \"\"Bud\"\" Santoso\"");
        assertThat(SelectedList.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(SelectedList.cell("=HYPERLINK(\"x\"), Budi")).isEqualTo("\"'=HYPERLINK(\"\"x\"\"), Budi\"");
        assertThat(SelectedList.cell(null)).isEmpty();
        assertThat(SelectedList.cell("")).isEmpty();
    }
}
