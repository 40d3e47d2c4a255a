package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.vertx.task.impl.TimerBook;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hub's voice timers: in memory on Vert.x timers, each change published as a
 * {@link io.harpou.bridge.api.event.TimerChanged} event, and a timer's command run through the agent when it ends,
 * as the person who set it.
 */
public interface VoiceTimers extends TimerService {

  /** Timers on {@code vertx}, whose commands go to the agent {@code agent} returns when they end. */
  static VoiceTimers create(Vertx vertx, Supplier<Optional<Agent>> agent) {
    return new TimerBook(vertx, agent);
  }

  /**
   * Stops every timer without announcing anything (the hub is stopping); nothing is left to release once the
   * Future completes.
   */
  Future<Void> close();
}
