package dev.reapi.gateway.adapter.out.jobs;

import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.testing.RequiresPostgres;
import dev.reapi.gateway.testing.TestPostgres;
import java.nio.file.Path;

/** The job engine on PostgreSQL, in a fresh schema per test. */
@RequiresPostgres
class PostgresJobEngineTest extends JobEngineContract {

    private TestPostgres.PostgresSchema schema;

    @Override
    Database openDatabase(Path dir) {
        schema = TestPostgres.freshSchema();
        return Database.open(schema.jdbcUrl());
    }

    @Override
    void closeDatabase() {
        schema.close();
    }
}
