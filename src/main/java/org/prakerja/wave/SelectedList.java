package org.prakerja.wave;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
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

    SelectedList(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void write(int wave, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        csv.write(HEADER);
        csv.write("\r\n");
        try {
            // the participant's row by its key for each selected applicant; one statement, so the
            // list costs one round trip per FETCH rows instead of one per applicant
            readOnly.executeWithoutResult(s -> jdbc.query("""
                    SELECT a.rank, a.participant_id, p.full_name, p.nik_masked, p.province, p.city
                    FROM application a JOIN participant p ON p.id = a.participant_id
                    WHERE a.wave_number = ? AND a.status = 'SELECTED'
                    ORDER BY a.rank
                    """, rs -> {
                        try {
                            csv.write(Long.toString(rs.getLong(1)));
                            csv.write(',');
                            csv.write(rs.getString(2));
                            for (int column = 3; column <= 6; column++) {
                                csv.write(',');
                                csv.write(cell(rs.getString(column)));
                            }
                            csv.write("\r\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, wave));
        } catch (UncheckedIOException e) {
            // the reader went away mid-download
            throw e.getCause();
        }
        csv.flush();
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
