package org.prakerja.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP adapter alone, against a server that refuses every recipient (550), as a provider does
 * for a mailbox it will not take. GreenMail accepts everything, so this one is a few lines of SMTP.
 */
class SmtpEmailTest {

    ServerSocket refusing;
    SmtpEmail email;

    @BeforeEach
    void start() throws IOException {
        refusing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::refuseRecipients);
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(refusing.getLocalPort());
        email = new SmtpEmail(sender, "Kartu Prakerja <no-reply@prakerja.test>");
    }

    @AfterEach
    void stop() throws IOException {
        refusing.close();
    }

    @Test
    @DisplayName("a mail server that refuses the email makes the send fail, so the relay keeps it for a later try")
    void refused() {
        assertThatThrownBy(() -> email.send(new Email(1, "budi@example.id", "Subjek", "teks", "<p>teks</p>")))
                .isInstanceOf(MailException.class);
    }

    private void refuseRecipients() {
        while (!refusing.isClosed()) {
            try (var socket = refusing.accept();
                    var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 refusing.test ESMTP\r\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                    String reply = switch (verb) {
                        case "EHLO", "HELO" -> "250 refusing.test";
                        case "MAIL", "RSET", "NOOP" -> "250 OK";
                        case "RCPT" -> "550 5.1.1 mailbox unavailable";
                        case "QUIT" -> "221 bye";
                        default -> "503 5.5.1 bad sequence of commands";
                    };
                    out.print(reply + "\r\n");
                    out.flush();
                    if (verb.equals("QUIT")) {
                        break;
                    }
                }
            } catch (IOException e) {
                if (!refusing.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
