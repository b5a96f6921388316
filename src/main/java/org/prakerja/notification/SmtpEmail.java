package org.prakerja.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The real email adapter: SMTP through Spring Mail ({@code spring.mail.*}). Each email is
 * multipart/alternative, plain text first and HTML second, so a reader shows the richest part it
 * can. The outbox id goes along as a header a provider or a mailbox can deduplicate on.
 */
class SmtpEmail implements EmailGateway {

    static final String OUTBOX_ID_HEADER = "X-Prakerja-Message-Id";

    private final JavaMailSender sender;
    private final InternetAddress from;

    SmtpEmail(JavaMailSender sender, String from) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("prakerja.mail.from is not an address", e);
        }
    }

    @Override
    public void send(Email email) {
        // a MailException (refused, unreachable, timed out) reaches the relay, which retries later
        sender.send(mime(email));
    }

    private MimeMessage mime(Email email) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            mime.setFrom(from);
            mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(email.to(), true));
            mime.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            mime.setHeader(OUTBOX_ID_HEADER, Long.toString(email.messageId()));
            var text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            var html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
            return mime;
        } catch (MessagingException e) {
            throw new MailPreparationException("email " + email.messageId() + " could not be built", e);
        }
    }
}
