package dev.reapi.cli;

import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.config.GatewayConfig;
import dev.reapi.gateway.config.KeyAdministration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reapi keys}: create, list and revoke users' API keys in the gateway's database. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Manages users' API keys in the gateway's database (REAPI_DATABASE_URL).",
        subcommands = {
            KeysCommand.Create.class,
            KeysCommand.ListKeys.class,
            KeysCommand.Revoke.class
        })
final class KeysCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the configuration comes from; shared by every subcommand. */
    static final class ConfigOption {
        @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file.")
        Optional<Path> config = Optional.empty();

        KeyAdministration open() {
            config.ifPresent(ServeCommand::requireReadable);
            return KeyAdministration.open(
                    GatewayConfig.loadAdministration(config, System.getenv()));
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Creates a key for a user (and the user if new); prints the key once.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ConfigOption config;

        @Option(names = "--user", required = true, description = "The user's name.")
        String user = "";

        @Option(
                names = "--plan",
                description = "The user's plan (default: the configured default).")
        Optional<String> plan = Optional.empty();

        @Option(names = "--admin", description = "Whether the key may use admin routes.")
        boolean admin;

        @Override
        public Integer call() {
            try (var keys = config.open()) {
                ApiKeys.IssuedKey issued =
                        keys.apiKeys().issue(user, plan.orElse(keys.defaultPlan()), admin);
                PrintWriter out = spec.commandLine().getOut();
                out.println(issued.rawKey());
                out.flush();
                PrintWriter err = spec.commandLine().getErr();
                err.println(
                        "Key "
                                + issued.summary().prefix()
                                + " created for user '"
                                + user
                                + "' on plan "
                                + issued.summary().plan()
                                + ". It is shown only now: store it safely.");
                err.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists keys (never the keys themselves), newest first.")
    static final class ListKeys implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ConfigOption config;

        @Option(names = "--prefix", description = "Only keys whose prefix starts with this.")
        String prefix = "";

        @Override
        public Integer call() {
            try (var keys = config.open()) {
                print(spec.commandLine().getOut(), keys.apiKeys().list(prefix));
            }
            return 0;
        }

        private static void print(PrintWriter out, List<ApiKeys.KeySummary> summaries) {
            out.printf(
                    "%-10s %-20s %-8s %-5s %-20s %s%n",
                    "PREFIX", "USER", "PLAN", "ADMIN", "CREATED", "REVOKED");
            for (ApiKeys.KeySummary key : summaries) {
                out.printf(
                        "%-10s %-20s %-8s %-5s %-20s %s%n",
                        key.prefix(),
                        key.userName(),
                        key.plan(),
                        key.admin() ? "yes" : "no",
                        key.createdAt(),
                        key.revokedAt().map(Instant::toString).orElse("-"));
            }
            out.flush();
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revokes the key with this prefix.")
    static final class Revoke implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ConfigOption config;

        @Parameters(paramLabel = "PREFIX", description = "The key's public prefix.")
        String prefix = "";

        @Override
        public Integer call() {
            try (var keys = config.open()) {
                if (!keys.apiKeys().revoke(prefix)) {
                    throw new CliErrors.UserError("no key with prefix '" + prefix + "'");
                }
            }
            spec.commandLine().getOut().println("Key " + prefix + " revoked.");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
