package io.harpou.bridge.vertx.profiles.impl;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import java.util.Set;

/**
 * What a profile must agree with beyond its own fields: each tool entry names or matches a tool this hub has (a typo
 * would silently grant nothing, a stale name would grant a future tool), and its model is one of the named models.
 */
final class ProfileRules {

  private final ToolRegistry tools;
  private final Set<String> models;

  ProfileRules(ToolRegistry tools, Set<String> models) {
    this.tools = tools;
    this.models = models;
  }

  /** Why {@code profile} cannot be stored here, or null when it can. */
  String problem(AgentProfile profile) {
    for (String entry : profile.tools()) {
      boolean known = tools.specs().stream().map(ToolSpec::name).anyMatch(name -> AgentProfile.matches(entry, name));
      if (!known) {
        return "tools: '" + entry + "' names no tool of this hub (see GET /api/profiles/options)";
      }
    }
    if (profile.model() != null && !models.contains(profile.model())) {
      return "model: '" + profile.model() + "' is not one of the configured models ("
          + String.join(", ", models.stream().sorted().toList()) + ")";
    }
    return null;
  }
}
