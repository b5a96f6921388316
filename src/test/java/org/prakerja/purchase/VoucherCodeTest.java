package org.prakerja.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VoucherCodeTest {

    @Test
    @DisplayName("R-52 a voucher code reads PK-XXXXX-XXXXX in Crockford's base32, without I, L, O or U")
    void form() {
        for (int i = 0; i < 1000; i++) {
            String code = VoucherCode.random().value();
            assertThat(code).matches("^PK-[0-9A-Z]{5}-[0-9A-Z]{5}$").doesNotContain("I", "L", "O", "U");
            assertThat(VoucherCode.isWellFormed(code)).isTrue();
        }
    }

    @Test
    @DisplayName("R-52 voucher codes are drawn at random: a thousand draws do not repeat")
    void unguessable() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            seen.add(VoucherCode.random().value());
        }
        assertThat(seen).hasSize(1000);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"PK-7M3QD-XH9K", "PK-7M3QD-XH9KAA", "pk-7m3qd-xh9ka", "PK-7M3QD-XH9KI", "PK-7M3QO-XH9KA",
            "XX-7M3QD-XH9KA", "PK7M3QDXH9KA", "PK-7M3QD-XH9KA "})
    @DisplayName("R-52 anything else is no voucher code, so it is never looked up")
    void malformed(String value) {
        assertThat(VoucherCode.isWellFormed(value)).isFalse();
        assertThatThrownBy(() -> new VoucherCode(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
