package org.prakerja.wave;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.prakerja.registration.Participants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A wave's selected applicants as CSV (RFC 4180, UTF-8, CRLF), written row by row as PostgreSQL
 * hands them over: the driver fetches {@value #FETCH} rows at a time through a cursor, which it only
 * does inside a transaction, so the export runs in a read-only one. Nothing holds the whole list.
 *
 * <p>What an operator gets: rank, participant id, full name, the NIK as registration masked it
 * (never whole), province and city: enough to find a person, answer a complaint or check a region's
 * share, and nothing that would let a leaked file be used to impersonate anyone (no whole NIK, family
 * card, birth date, phone or email).
 */
@Component
class SelectedList {

    static final int FETCH = 2_000;
    static final String HEADER = "rank,participantId,fullName,nikMasked,province,city";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Participants participants;

    SelectedList(DataSource dataSource, PlatformTransactionManager transactions, Participants participants) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.participants = participants;
    }

    void write(int wave, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        csv.write(HEADER);
        csv.write("\r\n");
        var ranked = new LinkedHashMap<UUID, Long>(FETCH * 2);
        try {
            // the ranks come from this module's table through the cursor; registration answers for
            // each batch of FETCH people in one query: one round trip more per FETCH rows, none per row
            readOnly.executeWithoutResult(s -> {
                jdbc.query("""
                        SELECT rank, participant_id FROM application
                        WHERE wave_number = ? AND status = ?
                        ORDER BY rank
                        """, rs -> {
                            ranked.put(rs.getObject(2, UUID.class), rs.getLong(1));
                            if (ranked.size() == FETCH) {
                                writeBatch(ranked, csv);
                            }
                        }, wave, ApplicationStatus.SELECTED.name());
                writeBatch(ranked, csv);
            });
        } catch (UncheckedIOException e) {
            // the reader went away mid-download
            throw e.getCause();
        }
        csv.flush();
    }

    private void writeBatch(Map<UUID, Long> ranked, Writer csv) {
        var listings = participants.listings(ranked.keySet());
        try {
            for (var row : ranked.entrySet()) {
                var person = listings.get(row.getKey());
                csv.write(Long.toString(row.getValue()));
                csv.write(',');
                csv.write(row.getKey().toString());
                for (String text : new String[] {person.fullName(), person.nikMasked(), person.province(), person.city()}) {
                    csv.write(',');
                    csv.write(cell(text));
                }
                csv.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ranked.clear();
    }

    /**
     * One text cell, safe to open in a spreadsheet: a text starting with = + - @ (or a tab or carriage
     * return) would be read as a formula, so it gets a leading apostrophe (OWASP's advice); a cell
     * holding a comma, a quote or a line break is quoted, its quotes doubled.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
