package dev.reapi.gateway.adapter.out.jobs;

import dev.reapi.gateway.testing.RequiresPostgres;
import dev.reapi.gateway.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The crash test on PostgreSQL, in a fresh schema. */
@RequiresPostgres
class PostgresJobCrashTest extends JobCrashContract {

    private TestPostgres.PostgresSchema schema;

    @Override
    String freshDatabaseUrl(Path dir) {
        schema = TestPostgres.freshSchema();
        return schema.jdbcUrl();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
