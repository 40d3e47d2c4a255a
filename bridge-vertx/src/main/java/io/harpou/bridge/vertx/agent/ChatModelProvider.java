package io.harpou.bridge.vertx.agent;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Supplies the agent's model from any LangChain4j streaming client (another provider, a local engine, a test stub).
 * Providers are found with {@link java.util.ServiceLoader}; the agent uses the one whose {@link #id()} the
 * {@code agent.provider.id} setting names, before Ollama and the OpenAI-compatible client:
 *
 * <pre>{@code
 * "agent": {"provider": {"id": "my-model", "anything": "else the provider reads"}}
 * }</pre>
 */
public interface ChatModelProvider {

  /** The name configurations use to choose this provider. */
  String id();

  /**
   * Builds the model. The agent calls it once at start, on an event loop, so it must not block; the model's own calls
   * may block or stream from any thread, the agent moves their callbacks back to its context.
   *
   * @param config the whole {@code agent.provider} section
   * @throws IllegalArgumentException when the section is unusable; the agent then fails to start with the reason
   */
  StreamingChatModel create(Vertx vertx, JsonObject config);
}
