package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * call_service (ACT) and call_protected_service (PROTECTED): any service of an entity's own domain, on exposed
 * entities only. Protected entities (locks, alarms, garage doors) are reached only through the protected variant.
 */
final class CallServiceTool extends HomeTool {

  private static final Set<String> TARGET_KEYS = Set.of("entity_id", "device_id", "area_id", "floor_id",
      "label_id");

  CallServiceTool(HomeAccess access, boolean protectedVariant) {
    super(access, protectedVariant
        ? new ToolSpec("call_protected_service", "Calls a Home Assistant service on a protected entity (lock, "
            + "alarm panel, garage door). Needs the user's confirmation.", schema(), Risk.PROTECTED, false)
        : new ToolSpec("call_service", "Calls any Home Assistant service of the entity's domain (e.g. "
            + "fan.set_percentage) when no other tool fits. Only exposed, unprotected entities.", schema(),
            Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "service", Schemas.string("The service, e.g. set_percentage or fan.set_percentage"));
    Schemas.with(s, "data", new JsonObject().put("type", "object").put("description", "Service data"));
    return Schemas.required(s, "service");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String service = request.requireString("service");
    Object dataArg = request.args.getValue("data");
    if (dataArg != null && !(dataArg instanceof JsonObject)) {
      throw new ToolArgumentsException("data must be an object");
    }
    JsonObject data = dataArg == null ? new JsonObject() : ((JsonObject) dataArg).copy();
    for (String key : TARGET_KEYS) {
      if (data.containsKey(key)) {
        throw new ToolArgumentsException("give targets with entity_id, name or area, not inside data");
      }
    }
    String domain = null;
    int dot = service.indexOf('.');
    if (dot >= 0) {
      domain = service.substring(0, dot);
      service = service.substring(dot + 1);
    }
    if (!service.matches("[a-z0-9_]+")) {
      throw new ToolArgumentsException("service must be snake_case");
    }
    List<HomeEntity> targets = request.targets(domain == null ? Set.of() : Set.of(domain));
    String entityDomain = targets.get(0).domain();
    if (targets.stream().anyMatch(e -> !e.domain().equals(entityDomain))) {
      throw new ToolArgumentsException("call one domain at a time");
    }
    if (domain != null && !domain.equals(entityDomain)) {
      throw new ToolArgumentsException("the service's domain must be the entity's domain");
    }
    String fullName = entityDomain + "." + service;
    return request.call(entityDomain, service, targets, data)
        .map(r -> ToolResult.ok(request.say("service_done", fullName, request.names(targets))));
  }
}
