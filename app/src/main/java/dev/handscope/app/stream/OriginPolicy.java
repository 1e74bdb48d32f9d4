package dev.handscope.app.stream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may read the stream. A browser names the page that opens a WebSocket in the
 * Origin header, and any page may try, so only pages on this computer are allowed by default:
 * http(s) on localhost, 127.0.0.1 or [::1], and "null" (a page opened from a file, like
 * examples/pinch-cursor.html). No Origin at all means a client that is not a browser; those could
 * read the stream through any other local means too, so they are allowed. Others are added with
 * --allow-origin.
 */
public final class OriginPolicy {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> added;

    /** @param added origins allowed besides the local ones, e.g. "https://dashboard.example.org" */
    public OriginPolicy(Collection<String> added) {
        this.added = added.stream().map(OriginPolicy::normalised).collect(Collectors.toUnmodifiableSet());
    }

    public static OriginPolicy localOnly() {
        return new OriginPolicy(Set.of());
    }

    /** @param origin the handshake's Origin header, or null when there is none */
    public boolean allows(String origin) {
        if (origin == null) {
            return true;
        }
        String normalised = normalised(origin);
        return normalised.equals("null") || isLocalPage(normalised) || added.contains(normalised);
    }

    private static boolean isLocalPage(String origin) {
        try {
            URI uri = new URI(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getRawUserInfo() == null
                    && LOCAL_HOSTS.contains(uri.getHost()) && uri.getRawPath().isEmpty() && uri.getRawQuery() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Origins compare case-insensitively; a trailing slash, as people often type one, is dropped. */
    private static String normalised(String origin) {
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
