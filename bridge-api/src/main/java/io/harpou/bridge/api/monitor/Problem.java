package io.harpou.bridge.api.monitor;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Something a {@link Monitor} sees wrong now.
 *
 * @param key identifies the problem across checks (for example {@code disk:/srv}), so one problem makes one alert
 * @param severity how bad it is
 * @param summary one sentence for people and for the model ("Disk /srv is 95% full (threshold 90%).")
 * @param details the figures behind it, for the repair session and the console
 */
public record Problem(String key, Severity severity, String summary, JsonObject details) {

  /** How bad a problem is. */
  public enum Severity {
    /** Needs attention soon. */
    WARNING,
    /** Something is failing now. */
    CRITICAL;

    /** The lower-case name used in JSON. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates the key and summary and copies the details. */
  public Problem {
    Json.requireText(key, "problem key");
    Json.requireText(summary, "problem summary");
    severity = severity == null ? Severity.WARNING : severity;
    details = details == null ? new JsonObject() : details.copy();
  }

  /** A warning with no details. */
  public static Problem warning(String key, String summary) {
    return new Problem(key, Severity.WARNING, summary, null);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("key", key).put("severity", severity.jsonName()).put("summary", summary)
        .put("details", details.copy());
  }
}
