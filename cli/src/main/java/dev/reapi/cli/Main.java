package dev.reapi.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code reapi} command: one entry point for the sandbox, the gateway and their tools. */
@Command(
        name = "reapi",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A gateway, SDK and sandbox for paid property-data APIs.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            SandboxCommand.class,
            KeysCommand.class,
            SyncCommand.class,
            HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree with reapi's error handling: one line on stderr, a non-zero exit. */
    static CommandLine commandLine() {
        var commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler(Main::badParameters);
        commandLine.setExecutionExceptionHandler(
                (error, cmd, parsed) -> CliErrors.report(error, cmd.getErr()));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int badParameters(CommandLine.ParameterException error, String[] args) {
        CommandLine cmd = error.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("reapi: " + error.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return 2;
    }
}
