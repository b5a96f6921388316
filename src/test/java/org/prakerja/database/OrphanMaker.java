package org.prakerja.database;

import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A stand-in for the service in a JVM of its own: starts the embedded database, writes a row, waits to be killed. */
public final class OrphanMaker {

    static final String READY = "orphan-maker-ready";

    private OrphanMaker() {
    }

    public static void main(String[] args) throws Exception {
        var server = EmbeddedDatabaseTest.server(Path.of(args[0]), 0, false).start();
        var db = JdbcClient.create(EmbeddedDatabaseTest.pool(server));
        db.sql("CREATE TABLE kept (v text)").update();
        db.sql("INSERT INTO kept VALUES ('written before the kill')").update();
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
