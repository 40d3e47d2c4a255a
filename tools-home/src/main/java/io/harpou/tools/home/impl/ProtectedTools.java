package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Which PROTECTED tool an action takes when everything it targets is protected (the user named a lock, the alarm or
 * the garage door itself): the policy then asks for a confirmation. An action that also reaches ordinary devices
 * leaves the protected ones alone instead.
 */
final class ProtectedTools {

  private static final Set<String> PROTECTED = Set.of("lock", "unlock", "set_garage_door", "set_alarm");

  private ProtectedTools() {
  }

  /** True for the tools that act on protected entities. */
  static boolean isProtectedTool(String tool) {
    return PROTECTED.contains(tool);
  }

  /** The protected tool for {@code tool} on {@code targets} (all protected), adjusting {@code args}; or null. */
  static String tool(String tool, List<HomeEntity> targets, JsonObject args) {
    if (PROTECTED.contains(tool)) {
      return tool;
    }
    if (!targets.stream().allMatch(e -> e.domain().equals("cover"))) {
      return null;
    }
    switch (tool) {
      case "turn_on" -> args.put("action", "open");
      case "turn_off" -> args.put("action", "close");
      case "set_cover" -> {
        if (!args.containsKey("action")) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
    return "set_garage_door";
  }
}
