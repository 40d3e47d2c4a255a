package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.bridge.vertx.monitor.MonitorOptions;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The repair sessions, so that a repair never loops: at most one session per problem at a time, at most
 * {@code max_sessions} at once, none for a problem whose last session ended less than the cooldown ago, and each
 * session capped in actions. Without an agent (or with repairs disabled) alerts are only told, and so is an MCP
 * server that is away.
 */
final class RepairSessions {

  private static final String MCP_COMPONENT = "component:mcp:";

  private final Agent agent;
  private final Consumer<AlertChanged> tell;
  private final MonitorOptions options;
  private final LongSupplier clock;
  private final Map<String, RepairSession> byAlert = new HashMap<>();
  private final Map<String, Long> lastEnded = new HashMap<>();

  RepairSessions(Agent agent, Consumer<AlertChanged> tell, MonitorOptions options,
                 LongSupplier clock) {
    this.agent = agent;
    this.tell = tell;
    this.options = options;
    this.clock = clock;
  }

  /** The conversation a session of this alert runs in. */
  String conversationOf(String alertId) {
    return "repair-" + alertId;
  }

  /** Opens a session for a newly raised alert, when the limits allow one and the host can repair the problem. */
  void open(AlertChanged alert, Problem problem) {
    if (!options.repairEnabled() || agent == null || options.maxActions() == 0 || !repairable(alert.key())) {
      return;
    }
    boolean busy = byAlert.values().stream().anyMatch(s -> s.state() != RepairSession.State.ENDED
        && s.key().equals(alert.key()));
    long running = byAlert.values().stream().filter(s -> s.state() != RepairSession.State.ENDED).count();
    Long ended = lastEnded.get(alert.key());
    // Many problems at once (a host with dozens of failing containers) must not flood the model with sessions.
    boolean cooling = ended != null && clock.getAsLong() - ended < options.cooldownMs();
    if (busy || cooling || running >= options.maxSessions()) {
      return;
    }
    RepairSession session = new RepairSession(agent, tell, options.maxActions(), alert, problem,
        options.language());
    byAlert.put(alert.alertId(), session);
    session.start().onComplete(done -> remember(alert));
  }

  /** Ends the session of an alert whose problem cleared. */
  void cleared(AlertChanged alert) {
    RepairSession session = byAlert.remove(alert.alertId());
    if (session != null) {
      session.problemCleared();
      lastEnded.put(alert.key(), clock.getAsLong());
    }
  }

  /** Relays a household member's answer to the session of {@code alertId}; a repair never answers itself. */
  Future<String> answer(String alertId, String text, String who) {
    if (RepairSession.ASKER.equals(who)) {
      return Future.succeededFuture("A repair cannot answer its own question; a person must.");
    }
    RepairSession session = byAlert.get(alertId);
    if (session == null) {
      return Future.succeededFuture("No repair is waiting for alert " + alertId + ".");
    }
    return session.answer(text, who).onComplete(done -> remember(session.alert()));
  }

  /** The question a session of {@code alertId} waits on, if any. */
  Optional<String> question(String alertId) {
    RepairSession session = byAlert.get(alertId);
    return session == null || session.state() != RepairSession.State.ASKING ? Optional.empty()
        : Optional.ofNullable(session.question());
  }

  /**
   * An MCP server being away (the component {@code mcp:<prefix>}) is told, not repaired: it is another program or
   * another machine, which the host's tools neither run nor fix.
   */
  private static boolean repairable(String key) {
    return !key.startsWith(MCP_COMPONENT);
  }

  private void remember(AlertChanged alert) {
    RepairSession session = byAlert.get(alert.alertId());
    if (session != null && session.state() == RepairSession.State.ENDED) {
      lastEnded.put(alert.key(), clock.getAsLong());
    }
  }
}
