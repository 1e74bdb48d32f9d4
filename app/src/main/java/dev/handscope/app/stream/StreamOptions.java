package dev.handscope.app.stream;

import java.net.InetSocketAddress;

/**
 * How the event stream is served (--serve, --bind, --allow-origin).
 *
 * @param address where to listen
 * @param origins which web pages may read it
 */
public record StreamOptions(InetSocketAddress address, OriginPolicy origins) {
}
