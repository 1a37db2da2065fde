package dev.reapi.cli;

import dev.reapi.gateway.config.Gateway;
import dev.reapi.gateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reapi serve}: the gateway in front of the configured upstream, until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the gateway in front of the upstream named in the configuration.",
            "Configuration: the YAML file given with --config, then environment variables such as"
                    + " REALESTATEAPI_KEY, REAPI_DATABASE_URL and REAPI_REDIS_URL, which win"
                    + " (docs/operations.md lists every key)."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file.")
    Optional<Path> config = Optional.empty();

    @Override
    public Integer call() throws InterruptedException {
        config.ifPresent(ServeCommand::requireReadable);
        var gateway = Gateway.start(GatewayConfig.load(config, System.getenv()));
        Shutdown.awaitSignal(gateway);
        return 0;
    }

    static void requireReadable(Path file) {
        if (!Files.isReadable(file)) {
            throw new CliErrors.UserError("configuration file " + file + " cannot be read");
        }
    }
}
