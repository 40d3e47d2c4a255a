package io.harpou.bridge.vertx.memory.impl;

import dev.langchain4j.model.chat.ChatModel;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.memory.FactExtractor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks a chat model (any {@link io.harpou.bridge.vertx.model.ModelProvider}'s blocking client, on a one-thread pool)
 * for the durable personal facts in an utterance, as JSON. An answer that is not the expected JSON yields no facts rather than an error.
 */
public final class ModelFactExtractor implements FactExtractor {

  static final int MAX_FACTS = 5;
  private static final String INSTRUCTIONS = """
      You maintain the long-term memory of a home assistant. From the message below, extract only durable, personal \
      facts worth remembering for months: names, relationships, preferences, allergies, routines, where things are. \
      Leave out requests, commands, questions, small talk and anything that will soon stop being true. \
      Answer with JSON only, in this shape: \
      {"facts": [{"text": "a short third-person sentence", "scope": "household|person|room", \
      "subject": "the person or room it is about, or null"}]}. Answer {"facts": []} when nothing is durable.
      """;

  private final ChatModel model;
  private final WorkerExecutor pool;

  /** Creates the extractor asking {@code model}. */
  public ModelFactExtractor(Vertx vertx, ChatModel model) {
    this.model = model;
    this.pool = vertx.createSharedWorkerExecutor("harpou-fact-extraction", 1, 2, TimeUnit.MINUTES);
  }

  @Override
  public Future<List<Memory>> extract(Utterance utterance) {
    String prompt = INSTRUCTIONS + "\nSpeaker: " + (utterance.user() == null ? "unknown" : utterance.user())
        + "\nRoom: " + (utterance.room() == null ? "unknown" : utterance.room())
        + "\nMessage: " + utterance.text();
    return pool.executeBlocking(() -> parse(model.chat(prompt)), false)
        .recover(e -> Future.failedFuture(new BridgeException("fact extraction failed: " + e.getMessage(), e)));
  }

  /** The facts in a model's answer; anything unreadable counts as none. */
  static List<Memory> parse(String answer) {
    List<Memory> out = new ArrayList<>();
    if (answer == null) {
      return out;
    }
    int open = answer.indexOf('{');
    int close = answer.lastIndexOf('}');
    if (open < 0 || close <= open) {
      return out;
    }
    JsonArray facts;
    try {
      facts = new JsonObject(answer.substring(open, close + 1)).getJsonArray("facts", new JsonArray());
    } catch (DecodeException | ClassCastException e) {
      return out;
    }
    for (int i = 0; i < facts.size() && out.size() < MAX_FACTS; i++) {
      if (!(facts.getValue(i) instanceof JsonObject fact)) {
        continue;
      }
      String text = fact.getValue("text") instanceof String s ? s.strip() : "";
      if (text.isEmpty() || Boolean.FALSE.equals(fact.getValue("durable"))) {
        continue;
      }
      MemoryScope scope;
      try {
        scope = MemoryScope.fromJson(fact.getString("scope", "household"));
      } catch (IllegalArgumentException | ClassCastException e) {
        scope = MemoryScope.HOUSEHOLD;
      }
      Object subject = fact.getValue("subject");
      String about = subject instanceof String s && !s.isBlank() && !"null".equals(s) ? s : null;
      out.add(new Memory(null, text, scope, scope == MemoryScope.HOUSEHOLD ? null : about, null, null, null, null));
    }
    return out;
  }
}
