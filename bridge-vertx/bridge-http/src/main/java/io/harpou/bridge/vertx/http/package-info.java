/**
 * The HTTP API and web console: {@code /api/conversation/process} in Home Assistant's shape, OpenAI-compatible
 * {@code /v1/chat/completions} and {@code /v1/models}, tasks, audit, tools, satellites, memory, the home, health and
 * Prometheus metrics, live events over the {@code /api/events} WebSocket, and API keys with per-key rate limits.
 *
 * <p>Authentication: once any key exists ({@link io.harpou.bridge.vertx.http.KeysCommand}), every request needs
 * {@code Authorization: Bearer <key>}. Browsers cannot set headers on a WebSocket, so {@code /api/events} also accepts
 * {@code ?token=<key>} or, without either, a first message {@code {"type":"auth","token":"<key>"}} within ten seconds.
 */
package io.harpou.bridge.vertx.http;
