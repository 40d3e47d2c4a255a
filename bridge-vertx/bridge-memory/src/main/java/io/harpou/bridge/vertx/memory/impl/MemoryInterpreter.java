package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles "remember that ...", "what do you know about ...", "forget ..." and their French forms without a model, by
 * calling the memory tools through the executor (so policy and audit apply).
 */
public final class MemoryInterpreter implements Interpreter {

  /** What the utterance asks of memory. */
  enum Intent { REMEMBER, RECALL, FORGET }

  /** A recognised request: the intent, the text it is about, and the language to answer in. */
  record Request(Intent intent, String text, boolean french) {
  }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  // "note" alone is too common a word ("note that down", "note the time"): it needs "that" and a whole statement.
  private static final List<Object[]> PATTERNS = List.of(
      new Object[] {Intent.REMEMBER, false, Pattern.compile("^(?:please\\s+)?(?:remember(?:\\s+that)?|"
          + "(?:make a\\s+|take a\\s+)?note\\s+(?:down\\s+)?that)\\s+(.+)$", FLAGS)},
      new Object[] {Intent.REMEMBER, true, Pattern.compile("^(?:retiens|souviens-toi|rappelle-toi|n'oublie pas|"
          + "n’oublie pas|note)\\s+(?:que\\s+|qu'|qu’)(.+)$|^(?:retiens|souviens-toi|rappelle-toi)\\s+(.+)$",
          FLAGS)},
      new Object[] {Intent.RECALL, false, Pattern.compile("^what do you (?:know|remember) (?:about|of)\\s+(.+)$",
          FLAGS)},
      new Object[] {Intent.RECALL, true, Pattern.compile("^(?:que sais-tu|qu'est-ce que tu sais|que te rappelles-tu)"
          + "\\s+(?:à propos\\s+)?(?:de la\\s+|de l'|du\\s+|des\\s+|de\\s+|d'|sur\\s+)(.+)$", FLAGS)},
      new Object[] {Intent.FORGET, false, Pattern.compile("^(?:please\\s+)?forget\\s+(?:that\\s+|about\\s+)?(.+)$",
          FLAGS)},
      new Object[] {Intent.FORGET, true, Pattern.compile("^oublie\\s+(?:que\\s+|qu'|qu’)?(.+)$", FLAGS)});
  /** What a request may not be about: a bare pronoun or "everything" says nothing to store or to look for. */
  private static final Pattern EMPTY_OBJECT = Pattern.compile("^(?:it|that|this|them|everything|all|all of it|"
      + "about it|that down|this down|it down|down|ça|ca|cela|tout|tout ça|le|la|les)$", FLAGS);
  /**
   * Openings that make a reminder or a question rather than a fact: "remember to buy milk", "remember when we ...",
   * "n'oublie pas de fermer", "souviens-toi de Paris".
   */
  private static final Pattern NOT_A_FACT = Pattern.compile("^(?:to|when|what|who|where|why|how|if|whether|me|"
      + "de|d'|d’|à|quand|comment|pourquoi|si|où)\\b.*", FLAGS);

  @Override
  public String id() {
    return "memory";
  }

  /** True when {@code text} is an explicit memory request this interpreter answers. */
  public static boolean handles(String text) {
    return parse(text).isPresent();
  }

  /** The memory request in {@code text}, if it is one. */
  static Optional<Request> parse(String text) {
    String stripped = text.strip();
    boolean question = stripped.endsWith("?");
    String cleaned = stripped.replaceAll("[\\s.!?]+$", "");
    for (Object[] pattern : PATTERNS) {
      Matcher m = ((Pattern) pattern[2]).matcher(cleaned);
      if (!m.matches()) {
        continue;
      }
      Intent intent = (Intent) pattern[0];
      String object = (m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : "").strip();
      if (object.isEmpty() || EMPTY_OBJECT.matcher(object).matches()
          || (intent == Intent.REMEMBER && (question || NOT_A_FACT.matcher(object).matches()))
          || (intent == Intent.FORGET && question)) {
        return Optional.empty();
      }
      return Optional.of(new Request(intent, object, (Boolean) pattern[1]));
    }
    return Optional.empty();
  }

  @Override
  public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
    Optional<Request> parsed = parse(utterance.text());
    if (parsed.isEmpty() || context.memory().isEmpty()) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    Request request = parsed.get();
    String conversation = utterance.conversationId();
    return switch (request.intent()) {
      case REMEMBER -> tools.execute(ToolCall.of("memory_store", new JsonObject().put("text",
              capitalise(request.text()))), utterance)
          .map(result -> Interpretation.handled(result.error() ? Reply.error(result.text(), conversation)
              : Reply.done(request.french() ? "D'accord, je retiens que " + request.text() + "."
                  : "OK, I'll remember that " + request.text() + ".",
                  List.of(new Action("memory_store", List.of(), true)), conversation)));
      case RECALL -> tools.execute(ToolCall.of("memory_recall", new JsonObject().put("query", request.text())
              .put("limit", 3)), utterance)
          .map(result -> Interpretation.handled(recallReply(request, result, conversation)));
      case FORGET -> tools.execute(ToolCall.of("memory_delete", new JsonObject().put("query", request.text())),
              utterance)
          .map(result -> Interpretation.handled(result.error()
              ? Reply.answer(request.french() ? "Je n'ai rien trouvé de tel à oublier."
                  : "I didn't find anything like that to forget.", conversation)
              : Reply.done(request.french() ? "C'est oublié." : "OK, I've forgotten that.",
                  List.of(new Action("memory_delete", List.of(), true)), conversation)));
    };
  }

  private static Reply recallReply(Request request, ToolResult result, String conversation) {
    if (result.error()) {
      return Reply.error(result.text(), conversation);
    }
    JsonArray memories = result.json() == null ? new JsonArray()
        : result.json().getJsonArray("memories", new JsonArray());
    List<String> facts = new ArrayList<>();
    for (int i = 0; i < memories.size(); i++) {
      facts.add(memories.getJsonObject(i).getString("text").replaceAll("[.!]+$", ""));
    }
    if (facts.isEmpty()) {
      return Reply.answer(request.french() ? "Je ne sais rien sur " + request.text() + "."
          : "I don't know anything about " + request.text() + ".", conversation);
    }
    return Reply.answer((request.french() ? "Voici ce que je sais : " : "Here is what I know: ")
        + String.join(". ", facts) + ".", conversation);
  }

  private static String capitalise(String text) {
    return text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
  }
}
