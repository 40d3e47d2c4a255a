package io.harpou.bridge.api.memory;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One remembered fact, with its scope and source.
 *
 * @param id the memory's id, or null before it is stored
 * @param text the fact, as a sentence
 * @param scope whom it is about
 * @param subject the person or room for those scopes, or null for the household
 * @param conversationId the conversation it came from, or null
 * @param source who said it (a user name), or null
 * @param createdAt when it was stored, or null before
 * @param expiresAt when it is forgotten, or null to keep it
 */
public record Memory(String id, String text, MemoryScope scope, String subject, String conversationId, String source,
                     Instant createdAt, Instant expiresAt) {

  /** Validates the text and defaults the scope to the household. */
  public Memory {
    Json.requireText(text, "memory text");
    scope = scope == null ? MemoryScope.HOUSEHOLD : scope;
  }

  /** A household memory to store. */
  public static Memory of(String text) {
    return new Memory(null, text, MemoryScope.HOUSEHOLD, null, null, null, null, null);
  }

  /** The same memory with its storage id and time. */
  public Memory stored(String newId, Instant at) {
    return new Memory(newId, text, scope, subject, conversationId, source, at, expiresAt);
  }

  /** The JSON form; absent optionals are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("text", text).put("scope", scope.jsonName());
    Json.putIfPresent(json, "id", id);
    Json.putIfPresent(json, "subject", subject);
    Json.putIfPresent(json, "conversation_id", conversationId);
    Json.putIfPresent(json, "source", source);
    Json.putIfPresent(json, "created_at", createdAt);
    return Json.putIfPresent(json, "expires_at", expiresAt);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static Memory fromJson(JsonObject json) {
    String scope = json.getString("scope");
    return new Memory(json.getString("id"), json.getString("text"), scope == null ? null : MemoryScope.fromJson(scope),
        json.getString("subject"), json.getString("conversation_id"), json.getString("source"),
        Json.instant(json, "created_at"), Json.instant(json, "expires_at"));
  }
}
