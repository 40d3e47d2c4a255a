package io.harpou.bridge.vertx.cluster;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a node of a Harpou cluster runs. The single-process hub runs every role; a cluster spreads them over nodes that
 * reach one another on the event-bus addresses of {@link io.harpou.bridge.api.BridgeAddresses}.
 */
public enum NodeRole {
  /** The Wyoming server and the satellite sessions, with their own speech engines: audio stays on this node. */
  EDGE,
  /** The agent loop, its tools and model calls, the tasks and the timers. */
  AGENT,
  /** The HTTP API, the console and MCP. */
  API,
  /** A candidate for the one Home Assistant connection: the node that holds the home lease connects. */
  HOME;

  /** The role's name in configuration: {@code edge}, {@code agent}, {@code api}, {@code home}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a comma-separated list such as {@code edge,agent}; blank means every role.
   *
   * @throws IllegalArgumentException naming an unknown role
   */
  public static Set<NodeRole> parse(String roles) {
    if (roles == null || roles.isBlank()) {
      return EnumSet.allOf(NodeRole.class);
    }
    Set<NodeRole> parsed = EnumSet.noneOf(NodeRole.class);
    for (String role : roles.split(",")) {
      String name = role.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      try {
        parsed.add(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown role '" + name + "': roles are edge, agent, api and home");
      }
    }
    return parsed.isEmpty() ? EnumSet.allOf(NodeRole.class) : parsed;
  }
}
