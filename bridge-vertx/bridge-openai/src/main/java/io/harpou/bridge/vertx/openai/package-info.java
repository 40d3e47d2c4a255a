/** OpenAI-compatible servers and Azure OpenAI deployments as model providers: chat (streaming and blocking), embeddings, and OpenAI's tokenizers. */
package io.harpou.bridge.vertx.openai;
