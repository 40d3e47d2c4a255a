/** The HTTP API: health, the conversation and OpenAI-compatible endpoints, events over WebSocket, the console. */
package io.harpou.bridge.vertx.http;
