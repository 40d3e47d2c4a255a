package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.voice.Announcer;
import java.util.Optional;

/**
 * How background tasks run and where their results go besides the {@link io.harpou.bridge.api.event.TaskDone} event.
 *
 * @param taskTimeoutMs how long one task may run
 * @param notifyHome whether results are also posted to Home Assistant as persistent notifications
 * @param home Home Assistant, or null
 * @param announcer speaks results in the asking room, or null
 */
public record TaskSettings(long taskTimeoutMs, boolean notifyHome, HomeGateway home, Announcer announcer) {

  /** Checks the timeout. */
  public TaskSettings {
    if (taskTimeoutMs <= 0) {
      throw new IllegalArgumentException("task timeout must be positive");
    }
  }

  /** Home Assistant, when there is one. */
  public Optional<HomeGateway> homeGateway() {
    return Optional.ofNullable(home);
  }

  /** The announcer, when there is one. */
  public Optional<Announcer> roomAnnouncer() {
    return Optional.ofNullable(announcer);
  }
}
