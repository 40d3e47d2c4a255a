package io.harpou.bridge.vertx.http.impl;

/**
 * Who a request acts as, with the facts it was admitted on, so that an open WebSocket can be judged again when the
 * keys change.
 *
 * @param kind how it was admitted
 * @param keyName the API key's name for {@link Kind#KEY}, else null
 * @param credential the key presented, kept only for {@link Kind#KEY} to check it is still valid, else null
 * @param local true when the peer is this machine (a loopback address, not relayed by a proxy)
 * @param browser true when a browser sent it (it carries an Origin or fetch metadata)
 */
record Access(Kind kind, String keyName, String credential, boolean local, boolean browser) {

  /** How a request was admitted. */
  enum Kind {
    /** With a valid API key. */
    KEY,
    /** With the console token, from this machine. */
    CONSOLE,
    /** A program on this machine while no API key exists (or reading /health and /metrics). */
    LOCAL,
    /** A WebSocket upgrade that must authenticate with its first message. */
    PENDING
  }
}
