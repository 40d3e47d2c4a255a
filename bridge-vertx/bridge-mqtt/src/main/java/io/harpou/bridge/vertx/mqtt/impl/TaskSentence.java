package io.harpou.bridge.vertx.mqtt.impl;

import io.harpou.bridge.api.task.TaskInfo;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * How a finished task reads on Home Assistant's "Last task result" sensor: one short sentence ("Backup of the photos:
 * 1,204 files copied.", "Render the garden failed: ComfyUI is unreachable."), never a tool's raw JSON, which stays
 * whole in the sensor's attributes.
 */
final class TaskSentence {

  private TaskSentence() {
  }

  /** The sentence, at most Home Assistant's 255 characters, on one line. */
  static String of(TaskInfo task) {
    Object result = result(task.result());
    String message = result instanceof JsonObject json ? said(json, "message") : null;
    String told = message != null ? message : result instanceof JsonObject json ? said(json, "error")
        : result instanceof String text ? text : null;
    String sentence = switch (task.status()) {
      case DONE -> message != null ? message : task.title() + (told == null ? ": done." : ": " + told);
      case FAILED -> task.title() + " failed" + (told == null ? "." : ": " + told);
      case CANCELLED -> task.title() + " was cancelled.";
      case INTERRUPTED -> task.title() + " was interrupted by a restart.";
      default -> task.title() + ": " + task.status().jsonName() + ".";
    };
    return Text.cap(sentence.replaceAll("\\s+", " ").strip());
  }

  /** The result as the attributes carry it: a tool's JSON as JSON, text as text, or null. */
  static Object result(String result) {
    if (result == null || result.isBlank()) {
      return null;
    }
    String trimmed = result.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return Json.decodeValue(trimmed);
      } catch (DecodeException notJson) {
        return result;
      }
    }
    return result;
  }

  /** A tool's JSON result's text under {@code key}, or null. */
  private static String said(JsonObject json, String key) {
    return json.getValue(key) instanceof String text && !text.isBlank() ? text : null;
  }
}
