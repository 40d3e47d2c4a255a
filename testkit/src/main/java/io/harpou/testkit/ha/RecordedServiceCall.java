package io.harpou.testkit.ha;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Objects;

/**
 * A service call the virtual home received and executed, recorded for tests to assert on.
 *
 * @param domain    the service domain, e.g. {@code light}
 * @param service   the service name, e.g. {@code turn_on}
 * @param data      the service data after the target was merged in (as Home Assistant does)
 * @param entityIds the entities the call resolved to, in order
 * @param contextId the id of the call's context
 * @param channel   {@code websocket}, {@code rest}, {@code conversation}, or {@code internal} for a call made by a
 *                  scene, a script or a {@code homeassistant.*} service on behalf of another call
 */
public record RecordedServiceCall(String domain, String service, JsonObject data, List<String> entityIds, String contextId,
                          String channel) {

  /** Validates and copies the parts. */
  public RecordedServiceCall {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(service, "service");
    data = data == null ? new JsonObject() : data.copy();
    entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
    Objects.requireNonNull(contextId, "contextId");
    Objects.requireNonNull(channel, "channel");
  }

  /** @return this call as JSON */
  public JsonObject toJson() {
    return new JsonObject().put("domain", domain).put("service", service).put("data", data.copy())
        .put("entity_ids", new JsonArray(entityIds)).put("context_id", contextId).put("channel", channel);
  }

  /**
   * Reads a call from JSON; unknown keys are ignored.
   *
   * @param json the JSON written by {@link #toJson()}
   * @return the call
   */
  public static RecordedServiceCall fromJson(JsonObject json) {
    JsonArray ids = json.getJsonArray("entity_ids", new JsonArray());
    return new RecordedServiceCall(json.getString("domain"), json.getString("service"), json.getJsonObject("data"),
        ids.stream().map(String::valueOf).toList(), json.getString("context_id"), json.getString("channel"));
  }
}
