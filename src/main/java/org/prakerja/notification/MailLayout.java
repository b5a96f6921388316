package org.prakerja.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML version of an email: its text (already rendered from the bundles in the participant's
 * language) in a small layout whose own words come from the bundles in the same language. Blank
 * lines separate paragraphs. Everything from the text is escaped.
 */
@Component
class MailLayout {

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="%s">
            <head><meta charset="UTF-8"><title>%s</title></head>
            <body style="font-family: sans-serif; color: #1f2933; max-width: 36em; margin: 0 auto; padding: 1em">
            <h1 style="font-size: 1.2em; color: #0b5394">%s</h1>
            %s
            <hr style="border: none; border-top: 1px solid #ccc">
            <p style="font-size: 0.85em; color: #616e7c">%s</p>
            </body>
            </html>
            """;

    private final Texts texts;

    MailLayout(Texts texts) {
        this.texts = texts;
    }

    Email email(long messageId, String to, String subject, String text, Locale language) {
        String paragraphs = Arrays.stream(text.split("\\R\\s*\\R"))
                .map(p -> "<p>" + escape(p.strip()).replaceAll("\\R", "<br>\n") + "</p>")
                .collect(Collectors.joining("\n"));
        String footer = texts.render("mail.footer", List.of(), language);
        String html = LAYOUT.formatted(language.toLanguageTag(), escape(subject), escape(subject), paragraphs,
                escape(footer));
        // "-- " on its own line is the signature delimiter mail readers recognise
        String plain = text + "\n\n-- \n" + footer;
        return new Email(messageId, to, subject, plain, html);
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
