package dev.handscope.app.osc;

import java.net.InetSocketAddress;

/**
 * Where a UDP output sends: parsed from {@code HOST:PORT}, {@code :PORT} or {@code PORT} (host
 * 127.0.0.1), or {@code HOST} alone where the protocol has a default port (VMC's 39539).
 *
 * @param text    as the user typed it
 * @param address resolved
 */
public record UdpTarget(String text, InetSocketAddress address) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * @param defaultPort the port when none is given, or 0 when one must be
     * @throws IllegalArgumentException with a one-line message for the user
     */
    public static UdpTarget parse(String text, int defaultPort) {
        HostAndPort parts = split(text, defaultPort);
        InetSocketAddress address = new InetSocketAddress(parts.host(), parts.port());
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("host '" + parts.host() + "' in '" + text + "' does not resolve");
        }
        return new UdpTarget(text.trim(), address);
    }

    /**
     * Checks a target's form (host, port in range) without looking the host up, which may take
     * seconds: what a text field can check as the user types.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void checkForm(String text, int defaultPort) {
        split(text, defaultPort);
    }

    private record HostAndPort(String host, int port) {
    }

    private static HostAndPort split(String text, int defaultPort) {
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        String host;
        String port;
        if (colon >= 0) {
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        } else if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            host = "";
            port = value;
        } else {
            host = value;
            port = defaultPort > 0 ? Integer.toString(defaultPort) : "";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' needs a port: HOST:PORT, :PORT or PORT (1 to 65535)");
        }
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("port " + number + " in '" + text + "' is out of range (1 to 65535)");
        }
        return new HostAndPort(host.isEmpty() ? DEFAULT_HOST : host, number);
    }

    /** Whether only this machine receives it. */
    public boolean isLoopback() {
        return address.getAddress().isLoopbackAddress();
    }
}
