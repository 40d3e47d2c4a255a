package io.harpou.bridge.api.agent;

import java.util.Locale;

/** Where an utterance came from, and so where its answers and task results go back to. */
public enum Channel {
  /** A room's satellite, through a voice session. */
  SATELLITE,
  /** Home Assistant's Assist, through the Wyoming {@code handle} service. */
  WYOMING,
  /** The web console. */
  CONSOLE,
  /** The HTTP API ({@code /api/conversation/process}). */
  HTTP,
  /** The OpenAI-compatible endpoint. */
  OPENAI,
  /** A WebSocket client of the events API. */
  WEBSOCKET,
  /** An application embedding Harpou. */
  EMBEDDED,
  /** A scheduled task or timer acting on its own. */
  SCHEDULER,
  /** An MCP client calling Harpou's tools ({@code /mcp}). */
  MCP,
  /**
   * Home Assistant's MQTT entities (the conversation text entity): anyone who may publish on the broker can send
   * them, so by default the policy refuses protected and dangerous actions on this channel.
   */
  MQTT,
  /** A repair session opened by a monitor's alert; {@code agent.policy.channels.monitor} sets what it may do. */
  MONITOR;

  /** The lower-case name used in JSON and configuration. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a name in any case. */
  public static Channel fromJson(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
