package dev.reapi.gateway.application.sync;

import dev.reapi.gateway.adapter.out.persistence.Database;

/** The batch sync crash test on a SQLite file. */
class SqliteBatchSyncCrashTest extends BatchSyncCrashContract {

    @Override
    Database.Dialect dialect() {
        return Database.Dialect.SQLITE;
    }
}
