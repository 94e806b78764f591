package com.drivenow.gateway.guards;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.RoutingRequest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a request really comes from. {@code X-Forwarded-For} is believed only when the
 * connection comes from a configured trusted proxy (address or CIDR range); then the client is the
 * right-most address of that header that is not itself a trusted proxy. Anyone else's header is
 * ignored, so a client cannot pick its own rate-limit bucket.
 */
public final class ClientAddress {

    private static final HeaderName FORWARDED_FOR = HeaderNames.X_FORWARDED_FOR;

    private record Range(BigInteger network, BigInteger mask, int length) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == length && new BigInteger(1, bytes).and(mask).equals(network);
        }
    }

    private final List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(ClientAddress::range).toList();
    }

    /** From the comma-separated {@code limits.trustedproxies}. */
    public static ClientAddress of(String trustedProxies) {
        return new ClientAddress(java.util.Arrays.stream(trustedProxies.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** True when some proxy is trusted: the gateway then runs behind one. */
    public boolean behindProxy() {
        return !trusted.isEmpty();
    }

    public String of(RoutingRequest req) {
        InetAddress peer = req.remotePeer().address() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (peer == null) {
            return String.valueOf(req.remotePeer().address());
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = req.headers().all(FORWARDED_FOR, List::of).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break;
            }
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    public boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** An IP literal, never a name lookup; null when the text is not one. */
    private static InetAddress literal(String text) {
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!value.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Range range(String cidr) {
        String[] parts = cidr.trim().split("/");
        InetAddress address = literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("limits.trustedproxies: '" + cidr + "' is not an IP address or CIDR range");
        }
        int bits = address.getAddress().length * 8;
        int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("limits.trustedproxies: bad prefix in '" + cidr + "'");
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new Range(new BigInteger(1, address.getAddress()).and(mask), mask, address.getAddress().length);
    }
}
