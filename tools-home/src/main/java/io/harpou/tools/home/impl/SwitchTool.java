package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** turn_on, turn_off and toggle: switches anything that has an on and an off (covers open and close). */
final class SwitchTool extends HomeTool {

  static final Set<String> DOMAINS = Set.of("light", "switch", "fan", "media_player", "climate", "cover", "valve",
      "input_boolean", "humidifier", "siren", "automation", "camera", "scene", "script");

  private final String service;

  SwitchTool(HomeAccess access, String service) {
    super(access, new ToolSpec(service, description(service), Schemas.targeted(), Risk.ACT, false));
    this.service = service;
  }

  private static String description(String service) {
    return switch (service) {
      case "turn_on" -> "Turns on (or opens) lights, switches, fans, media players, climate devices or covers, by "
          + "entity_id or by name and area. Not for locks or garage doors.";
      case "turn_off" -> "Turns off (or closes) lights, switches, fans, media players, climate devices or covers, "
          + "by entity_id or by name and area. Not for locks or garage doors.";
      default -> "Toggles lights, switches, fans, media players or covers between on and off.";
    };
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    Set<String> domains = "turn_on".equals(service) ? DOMAINS
        : DOMAINS.stream().filter(d -> !d.equals("scene")).collect(java.util.stream.Collectors.toSet());
    List<HomeEntity> targets = request.targets(domains);
    Map<String, List<HomeEntity>> byDomain = new LinkedHashMap<>();
    targets.forEach(e -> byDomain.computeIfAbsent(e.domain(), d -> new ArrayList<>()).add(e));
    List<Future<JsonObject>> calls = new ArrayList<>();
    byDomain.forEach((domain, group) -> calls.add(request.call(domain, serviceFor(domain), group, null)));
    return Future.all(calls).map(done -> ToolResult.ok(request.say(messageKey(byDomain), request.names(targets))));
  }

  private String serviceFor(String domain) {
    if ("cover".equals(domain) || "valve".equals(domain)) {
      return switch (service) {
        case "turn_on" -> "open_" + domain;
        case "turn_off" -> "close_" + domain;
        default -> "toggle";
      };
    }
    return service;
  }

  private String messageKey(Map<String, List<HomeEntity>> byDomain) {
    boolean covers = byDomain.keySet().stream().allMatch(d -> d.equals("cover") || d.equals("valve"));
    return switch (service) {
      case "turn_on" -> covers ? "opened" : "turned_on";
      case "turn_off" -> covers ? "closed" : "turned_off";
      default -> "toggled";
    };
  }
}
