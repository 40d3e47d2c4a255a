package io.harpou.bridge.api;

/**
 * Event-bus addresses: the seams along which Harpou can be spread over several machines. Messages on them are JSON
 * objects (never audio), so they cross a clustered event bus unchanged.
 */
public final class BridgeAddresses {

  /**
   * Every {@link io.harpou.bridge.api.event.BridgeEvent}, published as its JSON form. Harpou's own events reach local
   * consumers as one shared, read-only object: a consumer that wants to change one copies it first.
   */
  public static final String EVENTS = "harpou.events";

  /**
   * Request-reply: an {@link io.harpou.bridge.api.agent.Utterance} as JSON in, a
   * {@link io.harpou.bridge.api.agent.Reply} as JSON out. When the client holds the conversation's history, the
   * utterance carries it in {@link #AGENT_ASK_HISTORY}.
   */
  public static final String AGENT_ASK = "harpou.agent.ask";

  /** The field of an {@link #AGENT_ASK} message holding a client's {@link io.harpou.bridge.api.agent.ChatHistory}. */
  public static final String AGENT_ASK_HISTORY = "history";

  /** Published Home Assistant state changes, as {@link io.harpou.bridge.api.home.StateChange} JSON. */
  public static final String HOME_STATE_CHANGED = "harpou.home.state_changed";

  /**
   * Published when a Home Assistant registry changed while connected (an area, device or entity renamed, added or
   * removed) and was read again: {@code {"registry": "floor"|"area"|"device"|"entity"}}.
   */
  public static final String HOME_REGISTRY_CHANGED = "harpou.home.registry_changed";

  /**
   * Request-reply to the one node that holds the Home Assistant connection: {@code {"op", ...}} in, where op is
   * {@code snapshot}, {@code call_service}, {@code fetch_state}, {@code search_related}, {@code fire_event},
   * {@code render_template} or {@code process_conversation}; {@code {"result"}} or {@code {"error": {"code",
   * "message"}}} out. Served only in a cluster, by the node holding the home lease.
   */
  public static final String HOME_CALL = "harpou.home.call";

  /** Request-reply: an {@link io.harpou.bridge.api.voice.Announcement} as JSON, spoken in its room. */
  public static final String VOICE_ANNOUNCE = "harpou.voice.announce";

  /** Request-reply: the {@link io.harpou.bridge.api.rules.RuleBook}'s list, add and remove. */
  public static final String RULES = "harpou.rules";

  /**
   * Request-reply: a household member's answer to a repair session's question, {@code {"alert_id", "text", "user"}}
   * in, {@code {"speech"}} out (what the session did). Only a door that knows who answers (the console, a
   * configured device) should send here.
   */
  public static final String REPAIR_ANSWER = "harpou.monitor.repair.answer";

  private BridgeAddresses() {
  }
}
