/** Ollama as a model provider: chat (streaming and blocking) and embeddings. */
package io.harpou.bridge.vertx.ollama;
