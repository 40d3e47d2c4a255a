package io.harpou.wyoming.impl;

/**
 * What a server adds to a connection it accepted: an idle timeout, reads paused while its writes back up, and the
 * release of the connection's slot once closed. A client has none of these: its peer is a server it chose, and one
 * side always reading is what keeps two peers that both write from waiting on each other.
 *
 * @param idleTimeoutMillis how long the connection may pass without a whole event in or out
 * @param released run once when the socket has closed, whatever closed it
 */
record ServerSide(long idleTimeoutMillis, Runnable released) {
}
