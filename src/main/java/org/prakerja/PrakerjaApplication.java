package org.prakerja;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// no in-memory user with a generated password (which Boot would print to the log): all logins are ours
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class PrakerjaApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrakerjaApplication.class, args);
    }
}
