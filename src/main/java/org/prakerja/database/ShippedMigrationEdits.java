package org.prakerja.database;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.FlywayException;
import org.springframework.stereotype.Component;

/**
 * Comment-only edits of shipped migrations, recognised by their checksums before Flyway validates:
 * a database migrated with the old text of such a file gets the new text's checksum, so the edit
 * does not stop it from starting. Only the exact pairs listed here are rewritten; any other
 * mismatch still fails validation, as Flyway means it to.
 */
@Component
class ShippedMigrationEdits implements Callback {

    /** A migration whose text changed in comments only, from {@code before} to {@code after}. */
    record Edit(String version, int before, int after, String why) {
    }

    static final List<Edit> EDITS = List.of(
            new Edit("18", -1927046636, -1156137373, "its comment points at docs/architecture.md"),
            new Edit("23", 1586163075, -839265298, "its comment points at docs/architecture.md"));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        var configuration = context.getConfiguration();
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        String table = (schema == null ? "" : "\"" + schema + "\".") + "\"" + configuration.getTable() + "\"";
        try (var exists = context.getConnection().prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (var found = exists.executeQuery()) {
                if (!found.next() || !found.getBoolean(1)) {
                    return;
                }
            }
            try (var update = context.getConnection().prepareStatement(
                    "UPDATE " + table + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
                for (Edit edit : EDITS) {
                    update.setInt(1, edit.after());
                    update.setString(2, edit.version());
                    update.setInt(3, edit.before());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("shipped migration edits not applied", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "shipped-migration-edits";
    }
}
