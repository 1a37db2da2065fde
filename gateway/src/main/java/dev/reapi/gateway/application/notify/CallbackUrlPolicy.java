package dev.reapi.gateway.application.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which callback URLs the gateway will POST to. A callback is a request the gateway makes on a
 * user's behalf, so by default it must be {@code https} and must not resolve to a loopback,
 * private, link-local, wildcard or multicast address: otherwise a user could make the gateway call
 * services inside its own network. Demo mode allows {@code http}; tests and closed deployments may
 * allow private addresses.
 *
 * <p>The URL is checked when it is configured and again before each delivery, since a name may
 * resolve differently later. Thread-safe.
 */
public final class CallbackUrlPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    /**
     * A policy.
     *
     * @param allowHttp accept {@code http} URLs (demo mode)
     * @param allowPrivate accept loopback, private and link-local addresses
     * @param resolver looks up a host's addresses
     */
    public CallbackUrlPolicy(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** A strict policy using the system resolver: https only, public addresses only. */
    public static CallbackUrlPolicy strict() {
        return new CallbackUrlPolicy(false, false, InetAddress::getAllByName);
    }

    /** Why {@code url} is not acceptable, or empty when it is. */
    public Optional<String> rejection(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must have a host and no user information or fragment");
        }
        if (url.length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        return addressRejection(uri.getHost());
    }

    private Optional<String> addressRejection(String host) {
        List<InetAddress> addresses;
        try {
            addresses = List.of(resolver.resolve(host));
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()
                    || isUniqueLocal(address)) {
                return Optional.of(
                        "resolves to a loopback, private or link-local address, which is not"
                                + " allowed");
            }
        }
        return Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which {@code isSiteLocalAddress} does not cover. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    /** Looks up a host's addresses. */
    @FunctionalInterface
    public interface Resolver {
        /** All addresses of {@code host}. */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
