package dev.reapi.gateway.application.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackUrlPolicyTest {

    /** Resolves every host to the literal address in its first label, e.g. {@code 10-0-0-1.x}. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.startsWith("unknown")) {
            throw new UnknownHostException(host);
        }
        String literal =
                host.contains(":") ? host : host.substring(0, host.indexOf('.')).replace('-', '.');
        return new InetAddress[] {InetAddress.getByName(literal)};
    }

    private final CallbackUrlPolicy strict =
            new CallbackUrlPolicy(false, false, CallbackUrlPolicyTest::resolve);

    @ParameterizedTest
    @CsvSource({
        "https://93-184-216-34.example/hook, true",
        "http://93-184-216-34.example/hook, false",
        "https://127-0-0-1.example/hook, false",
        "https://10-1-2-3.example/hook, false",
        "https://192-168-1-1.example/hook, false",
        "https://169-254-169-254.example/latest, false",
        "https://0-0-0-0.example/, false",
        "https://[::1]/hook, false",
        "https://[fd00::1]/hook, false",
        "https://unknown.example/hook, false",
        "https://user:pw@93-184-216-34.example/hook, false",
        "ftp://93-184-216-34.example/hook, false",
        "not a url, false"
    })
    void rejection_strictPolicy_acceptsOnlyHttpsToPublicAddresses(String url, boolean accepted) {
        assertThat(strict.rejection(url).isEmpty()).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({"http://127-0-0-1.example:8080/hook", "https://10-1-2-3.example/hook"})
    void rejection_demoPolicyAllowingPrivate_acceptsLocalHttp(String url) {
        var open = new CallbackUrlPolicy(true, true, CallbackUrlPolicyTest::resolve);

        assertThat(open.rejection(url)).isEmpty();
    }
}
