package io.harpou.testkit.ha.impl;

import io.harpou.testkit.ha.RecordedServiceCall;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The services of the virtual home, and how a call is checked, targeted, executed and recorded. */
final class ServiceRegistry {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServiceRegistry.class);

  /** What a completed call produced. */
  record Outcome(HaContext context, JsonObject response) {
  }

  private final Map<String, Map<String, ServiceDef>> services = new LinkedHashMap<>();
  private final Home home;

  ServiceRegistry(Home home) {
    this.home = home;
  }

  void register(ServiceDef def) {
    services.computeIfAbsent(def.domain, d -> new LinkedHashMap<>()).put(def.service, def);
  }

  ServiceDef find(String domain, String service) {
    Map<String, ServiceDef> byName = services.get(domain);
    return byName == null ? null : byName.get(service);
  }

  boolean has(String domain, String service) {
    return find(domain, service) != null;
  }

  JsonObject describeAll() {
    JsonObject out = new JsonObject();
    services.forEach((domain, byName) -> {
      JsonObject d = new JsonObject();
      byName.forEach((name, def) -> d.put(name, def.describe()));
      out.put(domain, d);
    });
    return out;
  }

  /**
   * Checks and runs a call. Fails with a {@link ServiceError} carrying Home Assistant's code for an unknown service,
   * a schema error, a response-mode mismatch, an unknown entity (strict mode) or a failing handler.
   */
  Future<Outcome> call(String domain, String service, JsonObject serviceData, HaContext context,
                       boolean returnResponse, String channel) {
    try {
      return Future.succeededFuture().compose(v -> run(domain, service, serviceData, context, returnResponse,
          channel));
    } catch (ServiceError e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Outcome> run(String domain, String service, JsonObject serviceData, HaContext context,
                              boolean returnResponse, String channel) {
    ServiceDef def = find(domain, service);
    if (def == null) {
      throw new ServiceError("not_found", "Service " + domain + "." + service + " not found.", "homeassistant",
          "service_not_found", new JsonObject().put("domain", domain).put("service", service));
    }
    if (returnResponse && def.response == ServiceDef.Response.NONE) {
      throw new ServiceError("service_validation_error",
          "Validation error: An action which does not return responses can't be called with return_response set "
              + "to True", "homeassistant", "service_does_not_support_response", null);
    }
    if (!returnResponse && def.response == ServiceDef.Response.ONLY) {
      throw new ServiceError("service_validation_error",
          "Validation error: The action requires responses and must be called with return_response=True",
          "homeassistant", "service_lacks_response_request", null);
    }
    JsonObject data = def.validate(serviceData == null ? new JsonObject() : serviceData);
    List<String> entityIds = List.of();
    if (def.entityService) {
      List<String> missing = new ArrayList<>();
      String filter = def.targetDomains == null ? domain
          : def.targetDomains.size() == 1 ? def.targetDomains.iterator().next() : null;
      entityIds = Targets.resolve(home.house.registries, home.states, filter, list(data, "entity_id"),
          list(data, "device_id"), list(data, "area_id"), list(data, "floor_id"), missing);
      if (!missing.isEmpty()) {
        String joined = String.join(", ", missing);
        if (home.options.isStrictEntityReferences()) {
          throw new ServiceError("not_found", "Referenced entities " + joined + " are missing or not currently "
              + "available", "homeassistant", "entities_not_found", new JsonObject().put("entity_ids", joined));
        }
        LOG.warn("Referenced entities {} are missing or not currently available", joined);
      }
      if (filter != null) {
        entityIds = entityIds.stream().filter(id -> id.startsWith(filter + ".")).toList();
      }
      if (returnResponse && entityIds.isEmpty()) {
        throw new ServiceError("service_validation_error",
            "Validation error: Service call requested response data but did not match any entities",
            "homeassistant", "service_does_not_support_response", null);
      }
    }
    home.states.fire("call_service", new JsonObject().put("domain", domain).put("service", service)
        .put("service_data", data.copy()), "LOCAL", context);
    home.record(new RecordedServiceCall(domain, service, data, entityIds, context.id(), channel));
    CallContext call = new CallContext(domain, service, data, context, home, returnResponse);
    if (def.entityService) {
      for (String entityId : entityIds) {
        def.entityAction.apply(call, entityId);
      }
    } else {
      def.action.apply(call);
    }
    return Future.all(call.pending).map(v -> new Outcome(context, returnResponse ? call.response : null));
  }

  private static JsonArray list(JsonObject data, String key) {
    JsonArray a = data.getJsonArray(key);
    return a == null ? new JsonArray() : a;
  }
}
