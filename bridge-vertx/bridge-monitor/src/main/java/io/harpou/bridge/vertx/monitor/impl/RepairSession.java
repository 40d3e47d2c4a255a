package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.monitor.Problem;
import io.vertx.core.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One alert's repair: the agent is asked, on the {@code monitor} channel in a conversation of its own, to
 * investigate with read-only tools and propose a repair. What the policy lets run without a confirmation runs (and
 * is audited as the monitor's); a protected action's question is passed on to the household, and only a household
 * member's answer, relayed here, settles it. A session takes at most {@code maxActions} actions, then stops.
 */
final class RepairSession {

  private static final Logger LOG = LoggerFactory.getLogger(RepairSession.class);
  /** Who asks, for the policy and the audit: the monitor itself, never a person. */
  static final String ASKER = "harpou-monitor";

  enum State { INVESTIGATING, ASKING, ENDED }

  private final Agent agent;
  private final Consumer<AlertChanged> tell;
  private final int maxActions;
  private final Utterance asker;
  private AlertChanged alert;
  private State state = State.INVESTIGATING;
  private int actions;
  private String question;

  RepairSession(Agent agent, Consumer<AlertChanged> tell, int maxActions, AlertChanged alert, Problem problem,
                String language) {
    this.agent = agent;
    this.tell = tell;
    this.maxActions = maxActions;
    this.alert = alert;
    this.asker = new Utterance(prompt(alert, problem), language, alert.conversationId(), Channel.MONITOR, null,
        null, ASKER);
  }

  /** The request the agent receives: the problem, its figures, and how to go about the repair. */
  static String prompt(AlertChanged alert, Problem problem) {
    return "Monitor alert (" + alert.monitor() + ", " + alert.severity() + "): " + problem.summary() + " Figures: "
        + problem.details().encode() + ". You are repairing the household's server on your own. First investigate"
        + " with read-only tools; then propose one repair and call the tool that does it (the household is asked"
        + " to confirm protected actions). If nothing safe can be done, say what a person should check.";
  }

  State state() {
    return state;
  }

  String key() {
    return alert.key();
  }

  AlertChanged alert() {
    return alert;
  }

  String question() {
    return question;
  }

  /** Asks the agent to investigate and propose. */
  Future<Void> start() {
    return agent.ask(asker).map(this::onReply).recover(this::failed);
  }

  /**
   * Relays a household member's answer to the waiting question. The Future holds what happened, for the one who
   * answered.
   */
  Future<String> answer(String text, String who) {
    if (state != State.ASKING) {
      return Future.succeededFuture("No repair question is waiting for this alert.");
    }
    String asked = question;
    LOG.info("Repair of {}: {} answered '{}' to: {}", alert.key(), who, text, asked);
    return agent.ask(asker.withText(text)).map(reply -> {
      boolean acted = reply.actions().stream().anyMatch(a -> a.success());
      if (acted) {
        actions++;
      }
      end((acted ? "Confirmed by " + who + ": " : "Answered by " + who + ": ") + asked + " " + reply.speech());
      return reply.speech();
    }).recover(e -> failed(e).map("The repair failed: " + e.getMessage()));
  }

  /** Ends the session because the problem is gone; a waiting question is dropped. Nothing is released. */
  void problemCleared() {
    state = State.ENDED;
  }

  private Void onReply(Reply reply) {
    actions += (int) reply.actions().stream().filter(a -> a.success()).count();
    if (state == State.ENDED) {
      return null;
    }
    if (reply.continueConversation() && actions < maxActions) {
      state = State.ASKING;
      question = reply.speech();
      alert = alert.to(AlertChanged.State.ASKING, question);
      tell.accept(alert);
    } else if (reply.continueConversation()) {
      end("The repair stopped after " + actions + " actions, its limit; a person should look. It wanted to ask: "
          + reply.speech());
    } else {
      end(reply.speech());
    }
    return null;
  }

  private Future<Void> failed(Throwable e) {
    LOG.warn("Repair session of {} failed: {}", alert.key(), e.toString());
    end("The repair session failed: " + e.getMessage());
    return Future.succeededFuture();
  }

  private void end(String outcome) {
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    alert = alert.to(AlertChanged.State.REPAIR_ENDED, outcome);
    tell.accept(alert);
  }
}
