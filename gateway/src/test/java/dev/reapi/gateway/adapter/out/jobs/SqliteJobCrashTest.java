package dev.reapi.gateway.adapter.out.jobs;

import java.nio.file.Path;

/** The crash test on an embedded SQLite file shared by the test and its child processes. */
class SqliteJobCrashTest extends JobCrashContract {

    @Override
    String freshDatabaseUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("reapi.db");
    }
}
