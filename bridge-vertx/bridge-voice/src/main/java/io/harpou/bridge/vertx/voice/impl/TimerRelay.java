package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.message.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells satellites about the timers set through them, as Home Assistant does: {@code timer-started},
 * {@code -updated}, {@code -cancelled} and {@code -finished} go to the satellite that set the timer and to no other.
 * A satellite configured without timer events, or a timer set from a room without a satellite session, hears a
 * spoken sentence when the timer ends instead. Timers carrying a command are not shown: their end runs the command.
 */
final class TimerRelay {

  private static final Logger LOG = LoggerFactory.getLogger(TimerRelay.class);

  private TimerRelay() {
  }

  /** Relays one change; runs on voice's event loop. */
  static void relay(VoiceRuntime runtime, TimerChanged changed) {
    Timer timer = changed.timer();
    if (timer.command() != null) {
      return;
    }
    SatelliteSession session = timer.satellite() == null ? null : runtime.session(timer.satellite());
    if (session != null && session.timersSupported()) {
      session.send(message(changed.change(), timer));
      return;
    }
    if (changed.change() != TimerChanged.Change.FINISHED) {
      return;
    }
    String text = finished(timer);
    if (session != null) {
      session.announce(text, timer.language()).onFailure(e -> LOG.debug("Timer {} not spoken: {}", timer.id(),
          e.getMessage()));
    } else if (timer.room() != null) {
      runtime.announce(new Announcement(timer.room(), text, timer.language()))
          .onFailure(e -> LOG.debug("Timer {} not spoken in {}: {}", timer.id(), timer.room(), e.getMessage()));
    }
  }

  /** The Wyoming event for a change; {@code total_seconds} is the timer's seconds, as Home Assistant sends it. */
  static WyomingMessage message(TimerChanged.Change change, Timer timer) {
    return switch (change) {
      case STARTED -> {
        TimerLength said = timer.length();
        yield new Timers.TimerStarted(timer.id(), (int) timer.seconds(), timer.name(), said.hours(), said.minutes(),
            said.seconds());
      }
      case UPDATED -> new Timers.TimerUpdated(timer.id(), timer.active(), (int) timer.seconds());
      case CANCELLED -> new Timers.TimerCancelled(timer.id());
      case FINISHED -> new Timers.TimerFinished(timer.id());
    };
  }

  /** "The pasta timer is done." in the timer's language. */
  static String finished(Timer timer) {
    boolean french = timer.language().startsWith("fr");
    if (timer.name() == null) {
      return french ? "Le minuteur est terminé." : "Your timer is done.";
    }
    return french ? "Le minuteur " + timer.name() + " est terminé." : "The " + timer.name() + " timer is done.";
  }
}
