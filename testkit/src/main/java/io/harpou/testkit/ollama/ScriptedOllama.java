package io.harpou.testkit.ollama;

import io.harpou.testkit.ollama.impl.ScriptedOllamaImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * An HTTP server speaking the Ollama API (as LangChain4j's Ollama client uses it), and the OpenAI-compatible chat API
 * Ollama also serves (as LangChain4j's OpenAI client uses it), whose answers come from one script.
 * It is a test double, not a model: chat answers are scripted and embeddings are hashed bags of words.
 *
 * <p>Script methods may be called from any thread, before or after {@link #start()}. Requests are answered on the
 * server's event loop.
 */
public interface ScriptedOllama {

  /** Creates a server; nothing listens until {@link #start()}. */
  static ScriptedOllama create(Vertx vertx, ScriptedOllamaOptions options) {
    return new ScriptedOllamaImpl(vertx, options);
  }

  /**
   * Starts listening.
   *
   * @return this server once bound; fails with the bind error (for example a port in use)
   */
  Future<ScriptedOllama> start();

  /** The port bound, or -1 before {@link #start()} completes. */
  int actualPort();

  /** The base URL clients use, such as {@code http://127.0.0.1:41234}. */
  String baseUrl();

  /** The base URL of the OpenAI-compatible API, {@link #baseUrl()} followed by {@code /v1}. */
  default String openAiBaseUrl() {
    return baseUrl() + "/v1";
  }

  /** Stops listening; the Future completes once the port is released. */
  Future<Void> close();

  /** Appends a reply to the ordered queue; queued replies answer the next chat requests before any rule. */
  ScriptedOllama enqueue(OllamaReply reply);

  /** Appends a rule; rules are tried in the order added and the first match wins. */
  ScriptedOllama addRule(OllamaRule rule);

  /** Replaces the answer used when the queue is empty and no rule matches. */
  ScriptedOllama fallback(OllamaReply reply);

  /** Adds a whole script: its queue and rules after the current ones, and its fallback if it has one. */
  ScriptedOllama load(OllamaScript script);

  /** The number of queued replies and uses left on one-shot rules, to check that a script was played out. */
  int pendingReplies();

  /** Every request received so far, oldest first. */
  List<RecordedRequest> requests();

  /** The number of requests received so far. */
  int requestCount();

  /**
   * Takes the oldest request not taken yet, waiting for it if needed. Blocks: call it from a test thread, never
   * from an event loop.
   *
   * @throws IllegalStateException when no request arrives within the timeout
   */
  RecordedRequest takeRequest(Duration timeout);

  /** {@link #takeRequest(Duration)} with a five-second timeout. */
  default RecordedRequest takeRequest() {
    return takeRequest(Duration.ofSeconds(5));
  }
}
