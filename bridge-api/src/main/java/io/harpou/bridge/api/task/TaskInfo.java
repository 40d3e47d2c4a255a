package io.harpou.bridge.api.task;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A background task as stored and listed.
 *
 * @param id the task's id
 * @param title what people see
 * @param status where it is
 * @param origin the utterance that asked for it
 * @param createdAt when it was accepted
 * @param dueAt when it runs or fires, or null for now
 * @param progress from 0 to 1
 * @param result the result or error text once final, or null
 */
public record TaskInfo(String id, String title, TaskStatus status, Utterance origin, Instant createdAt, Instant dueAt,
                       double progress, String result) {

  /** Validates the id, title and status. */
  public TaskInfo {
    Json.requireText(id, "task id");
    Json.requireText(title, "task title");
    if (status == null || origin == null || createdAt == null) {
      throw new IllegalArgumentException("a task needs a status, an origin and a creation time");
    }
  }

  /** The same task in another state. */
  public TaskInfo with(TaskStatus newStatus, double newProgress, String newResult) {
    return new TaskInfo(id, title, newStatus, origin, createdAt, dueAt, newProgress, newResult);
  }

  /** The JSON form, as {@code /api/tasks} lists it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("title", title).put("status", status.jsonName())
        .put("origin", origin.toJson()).put("created_at", createdAt.toString()).put("progress", progress);
    Json.putIfPresent(json, "due_at", dueAt);
    return Json.putIfPresent(json, "result", result);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static TaskInfo fromJson(JsonObject json) {
    return new TaskInfo(json.getString("id"), json.getString("title"), TaskStatus.fromJson(json.getString("status")),
        Utterance.fromJson(json.getJsonObject("origin")), Json.instant(json, "created_at"),
        Json.instant(json, "due_at"), json.getDouble("progress", 0.0), json.getString("result"));
  }
}
