package dev.reapi.gateway.adapter.out.jobs;

import dev.reapi.gateway.adapter.out.persistence.Database;
import java.nio.file.Path;

/** The job engine on an embedded SQLite file. */
class SqliteJobEngineTest extends JobEngineContract {

    @Override
    Database openDatabase(Path dir) {
        return Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
    }
}
