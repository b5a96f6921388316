package org.prakerja.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The stand-ins' tables, where a stand-in runs and only there: after each migration, when
 * {@code common/OutsideSystems} put any port on its stand-in, the scripts of {@code db/stand-ins}
 * create what is missing ({@code IF NOT EXISTS}). Migration V56 took them out of the shared schema,
 * so a production database never holds what the stand-ins record in plain text.
 */
@Component
class StandInTables implements Callback {

    private final boolean standIns;

    StandInTables(Environment environment) {
        this.standIns = !environment.getProperty("prakerja.adapters.stand-ins", "").isBlank();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && standIns;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (var st = context.getConnection().createStatement()) {
            for (Resource script : scripts()) {
                st.execute(script.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new FlywayException("the stand-ins' tables were not created", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource[] scripts() {
        try {
            var found = new PathMatchingResourcePatternResolver().getResources("classpath:db/stand-ins/*.sql");
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getCallbackName() {
        return "stand-in-tables";
    }
}
