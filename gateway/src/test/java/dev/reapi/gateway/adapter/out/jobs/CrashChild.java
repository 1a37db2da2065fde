package dev.reapi.gateway.adapter.out.jobs;

import dev.reapi.gateway.adapter.out.persistence.Database;
import java.nio.file.Path;
import java.util.List;

/**
 * A gateway job worker in its own process, for the crash test: opens the database, starts the
 * engine, prints {@code started}, and runs until killed.
 *
 * <p>Arguments: the JDBC URL, the data directory, the instance name.
 */
final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.open(args[0]);
        JobRig rig =
                new JobRig(database, Path.of(args[1]), List.of(new ScriptedHandler()), args[2]);
        rig.engine.start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
