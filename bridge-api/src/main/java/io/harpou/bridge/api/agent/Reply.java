package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The agent's answer to one utterance.
 *
 * @param speech what to say or show, never null
 * @param type what kind of answer it is, as Home Assistant's {@code response_type}
 * @param actions what the turn did
 * @param tasks ids of background tasks the turn started
 * @param continueConversation true when the agent expects an answer (a question, a confirmation)
 * @param conversationId the conversation the turn belongs to
 * @param cached where the answer came from when the response cache served it, else null
 */
public record Reply(String speech, Type type, List<Action> actions, List<String> tasks,
                    boolean continueConversation, String conversationId, Cached cached) {

  /**
   * An answer served again from the response cache rather than asked of a model.
   *
   * @param model the model that gave the answer when it was first asked
   * @param exact true when the question was the same words, false when it was found by meaning
   * @param similarity how similar the question was to the one first asked (1 for the same words)
   */
  public record Cached(String model, boolean exact, double similarity) {

    /** The JSON form: {@code {"model", "match": "exact"|"similar", "similarity"}}. */
    public JsonObject toJson() {
      return new JsonObject().put("model", model).put("match", exact ? "exact" : "similar")
          .put("similarity", similarity);
    }

    static Cached fromJson(JsonObject json) {
      return json == null ? null : new Cached(json.getString("model"), "exact".equals(json.getString("match")),
          json.getDouble("similarity", 1.0));
    }
  }

  /** The kinds of answer, matching Home Assistant's {@code response_type}. */
  public enum Type {
    /** Something was done. */
    ACTION_DONE,
    /** A question was answered. */
    QUERY_ANSWER,
    /** The request could not be handled. */
    ERROR;

    /** The lower-case name used in JSON. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates the speech and copies the lists. */
  public Reply {
    if (speech == null) {
      throw new IllegalArgumentException("reply speech must not be null");
    }
    type = type == null ? Type.QUERY_ANSWER : type;
    actions = actions == null ? List.of() : List.copyOf(actions);
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }

  /** A reply made by a model or an interpreter, not served from the cache. */
  public Reply(String speech, Type type, List<Action> actions, List<String> tasks, boolean continueConversation,
               String conversationId) {
    this(speech, type, actions, tasks, continueConversation, conversationId, null);
  }

  /** A plain answer to a question. */
  public static Reply answer(String speech, String conversationId) {
    return new Reply(speech, Type.QUERY_ANSWER, List.of(), List.of(), false, conversationId);
  }

  /** An answer that reports something done. */
  public static Reply done(String speech, List<Action> actions, String conversationId) {
    return new Reply(speech, Type.ACTION_DONE, actions, List.of(), false, conversationId);
  }

  /** An answer that says the request could not be handled. */
  public static Reply error(String speech, String conversationId) {
    return new Reply(speech, Type.ERROR, List.of(), List.of(), false, conversationId);
  }

  /** The same reply, now expecting an answer from the user. */
  public Reply expectingAnswer() {
    return new Reply(speech, type, actions, tasks, true, conversationId, cached);
  }

  /** The same reply, marked as served from the response cache. */
  public Reply servedFromCache(Cached from) {
    return new Reply(speech, type, actions, tasks, continueConversation, conversationId, from);
  }

  /** The same reply with {@code suffix} added to its speech after a space. */
  public Reply withSpeechAdded(String suffix) {
    return new Reply(speech + " " + suffix, type, actions, tasks, continueConversation, conversationId, cached);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("speech", speech)
        .put("type", type.jsonName())
        .put("actions", Json.array(actions, Action::toJson))
        .put("tasks", Json.array(tasks, id -> id))
        .put("continue_conversation", continueConversation);
    if (cached != null) {
      json.put("cached", cached.toJson());
    }
    return Json.putIfPresent(json, "conversation_id", conversationId);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static Reply fromJson(JsonObject json) {
    return new Reply(json.getString("speech"), Type.valueOf(json.getString("type", "query_answer")
        .toUpperCase(Locale.ROOT)), Json.objects(json, "actions", Action::fromJson), Json.strings(json, "tasks"),
        json.getBoolean("continue_conversation", false), json.getString("conversation_id"),
        Cached.fromJson(json.getJsonObject("cached")));
  }
}
