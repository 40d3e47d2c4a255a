/**
 * Implementations behind the {@code io.harpou.wyoming} interfaces: the decoder state machine, the Python-compatible
 * encoder, the connection, server and client over Vert.x sockets, and JSON field helpers. Not a public API.
 */
package io.harpou.wyoming.impl;
