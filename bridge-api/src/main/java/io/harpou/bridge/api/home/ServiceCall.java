package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * A Home Assistant service call: {@code domain.service} on a target with service data.
 *
 * @param domain for example {@code light}
 * @param service for example {@code turn_on}
 * @param data service data, never null
 * @param target what to act on, never null
 * @param returnResponse ask for the service's response (for services that return data, such as {@code todo.get_items})
 */
public record ServiceCall(String domain, String service, JsonObject data, Target target, boolean returnResponse) {

  /** Validates the domain and service and defaults the rest. */
  public ServiceCall {
    Json.requireText(domain, "service domain");
    Json.requireText(service, "service name");
    data = data == null ? new JsonObject() : data;
    target = target == null ? new Target(null, null, null, null) : target;
  }

  /** A call without service data or response. */
  public static ServiceCall of(String domain, String service, Target target) {
    return new ServiceCall(domain, service, null, target, false);
  }

  /** The same call with service data. */
  public ServiceCall withData(JsonObject other) {
    return new ServiceCall(domain, service, other, target, returnResponse);
  }

  /** The same call asking for the service's response. */
  public ServiceCall withResponse() {
    return new ServiceCall(domain, service, data, target, true);
  }

  /** The JSON form of the WebSocket {@code call_service} command, without its id. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", "call_service").put("domain", domain).put("service", service);
    if (!data.isEmpty()) {
      json.put("service_data", data.copy());
    }
    if (!target.isEmpty()) {
      json.put("target", target.toJson());
    }
    if (returnResponse) {
      json.put("return_response", true);
    }
    return json;
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static ServiceCall fromJson(JsonObject json) {
    JsonObject target = json.getJsonObject("target");
    return new ServiceCall(json.getString("domain"), json.getString("service"), json.getJsonObject("service_data"),
        target == null ? null : Target.fromJson(target), json.getBoolean("return_response", false));
  }
}
