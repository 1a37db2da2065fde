package dev.reapi.gateway.application.sync;

import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.testing.RequiresPostgres;

/** The batch sync crash test on PostgreSQL, in a fresh schema. */
@RequiresPostgres
class PostgresBatchSyncCrashTest extends BatchSyncCrashContract {

    @Override
    Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
