package org.prakerja.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /**
     * Argon2id, the memory-hard adaptive hash (OWASP's first choice), at OWASP's floor: 19 MiB of
     * memory, 2 iterations, 1 lane (16-byte salt, 32-byte hash). Hashes made with less are
     * upgraded at the next successful login.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }
}
