package org.prakerja.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "12345678", "        ", "aaaaaaaa", "abababab", "qwertyuiop",
            "iloveyou", "sunshine", "abcdefgh", "87654321", "rahasia123", "bismillah", "1234567890", "\t\t\t\t\t\t\t\t",
            "\t\t\n\n\r\r  x", "   abc   "})
    @DisplayName("Hardening 3 (ASVS 2.1.7): common and trivial passwords are refused")
    void refused(String password) {
        assertThat(PasswordPolicy.refusal(password, "budi@example.id")).as(password).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rahasia-123", "Kopi tubruk pagi hari", "t9#Lm2!qZr", "bandung-lautan-api-1946"})
    @DisplayName("Hardening 3: an uncommon password of eight characters or more is accepted")
    void accepted(String password) {
        assertThat(PasswordPolicy.refusal(password, "budi@example.id")).as(password).isEmpty();
    }

    @Test
    @DisplayName("Hardening 3: a password holding the account's own email is refused")
    void notTheEmail() {
        assertThat(PasswordPolicy.refusal("budi.santoso@example.id", "budi.santoso@example.id")).isPresent();
        assertThat(PasswordPolicy.refusal("budi.santoso-2024", "budi.santoso@example.id")).isPresent();
        assertThat(PasswordPolicy.refusal("budi.santoso-2024", "siti@example.id")).isEmpty();
    }
}
