package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.Ulid;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.event.TimerChanged.Change;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.vertx.task.VoiceTimers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's voice timers, in memory on Vert.x timers. Each change is published as a {@link TimerChanged} event; a
 * timer's command runs when it ends, through the agent, as the person who set it (same channel, room, satellite and
 * peer), so the policy treats it exactly as if it were said then.
 */
public final class TimerBook implements VoiceTimers {

  private static final Logger LOG = LoggerFactory.getLogger(TimerBook.class);

  private final Vertx vertx;
  private final EventPublisher events;
  private final Supplier<Optional<Agent>> agent;
  private final LongSupplier clock;
  private final Map<String, Running> timers = new LinkedHashMap<>();

  /** One timer: its length now, and since when it counts down (when active). */
  private static final class Running {
    final String id;
    final String name;
    final TimerLength length;
    final String command;
    final Utterance origin;
    long seconds;
    long sinceNanos;
    boolean active = true;
    long vertxTimer = -1;

    Running(String id, String name, TimerLength length, String command, Utterance origin, long seconds,
            long now) {
      this.id = id;
      this.name = name;
      this.length = length;
      this.command = command;
      this.origin = origin;
      this.seconds = seconds;
      this.sinceNanos = now;
    }
  }

  /** Timers on {@code vertx}, whose commands go to the agent {@code agent} returns when they end. */
  public TimerBook(Vertx vertx, Supplier<Optional<Agent>> agent) {
    this(vertx, agent, System::nanoTime);
  }

  TimerBook(Vertx vertx, Supplier<Optional<Agent>> agent, LongSupplier clock) {
    this.vertx = vertx;
    this.events = new EventPublisher(vertx);
    this.agent = agent;
    this.clock = clock;
  }

  @Override
  public synchronized Timer start(TimerLength length, String name, String command, Utterance origin) {
    long seconds = length.totalSeconds();
    if (seconds <= 0 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException("a timer runs from one second to " + MAX_SECONDS / 3600 + " hours");
    }
    if (timers.size() >= MAX_TIMERS) {
      throw new BridgeException("there are already " + MAX_TIMERS + " timers");
    }
    Running timer = new Running(Ulid.next(), name, length, command, origin, seconds, clock.getAsLong());
    timers.put(timer.id, timer);
    schedule(timer);
    return publish(Change.STARTED, timer);
  }

  @Override
  public synchronized List<Timer> list() {
    List<Timer> out = new ArrayList<>();
    timers.values().forEach(t -> out.add(snapshot(t)));
    out.sort(Comparator.comparingLong(Timer::secondsLeft));
    return out;
  }

  @Override
  public synchronized Optional<Timer> cancel(String id) {
    Running timer = timers.remove(id);
    if (timer == null) {
      return Optional.empty();
    }
    unschedule(timer);
    timer.seconds = 0;
    timer.active = false;
    return Optional.of(publish(Change.CANCELLED, timer));
  }

  @Override
  public synchronized Optional<Timer> add(String id, long seconds) {
    Running timer = timers.get(id);
    if (timer == null) {
      return Optional.empty();
    }
    long left = Math.min(MAX_SECONDS, Math.max(0, left(timer) + seconds));
    timer.seconds = left;
    timer.sinceNanos = clock.getAsLong();
    unschedule(timer);
    if (timer.active) {
      schedule(timer);
    }
    return Optional.of(publish(Change.UPDATED, timer));
  }

  @Override
  public synchronized Optional<Timer> pause(String id) {
    Running timer = timers.get(id);
    if (timer == null) {
      return Optional.empty();
    }
    if (timer.active) {
      timer.seconds = left(timer);
      timer.sinceNanos = clock.getAsLong();
      timer.active = false;
      unschedule(timer);
      publish(Change.UPDATED, timer);
    }
    return Optional.of(snapshot(timer));
  }

  @Override
  public synchronized Optional<Timer> resume(String id) {
    Running timer = timers.get(id);
    if (timer == null) {
      return Optional.empty();
    }
    if (!timer.active) {
      timer.active = true;
      timer.sinceNanos = clock.getAsLong();
      schedule(timer);
      publish(Change.UPDATED, timer);
    }
    return Optional.of(snapshot(timer));
  }

  @Override
  public synchronized Future<Void> close() {
    timers.values().forEach(this::unschedule);
    timers.clear();
    return Future.succeededFuture();
  }

  private void schedule(Running timer) {
    timer.vertxTimer = vertx.setTimer(Math.max(1, timer.seconds * 1000), t -> finish(timer.id, t));
  }

  private void unschedule(Running timer) {
    if (timer.vertxTimer >= 0) {
      vertx.cancelTimer(timer.vertxTimer);
      timer.vertxTimer = -1;
    }
  }

  private void finish(String id, long vertxTimer) {
    Running timer;
    synchronized (this) {
      timer = timers.get(id);
      // A timer changed since this one was set has been rescheduled: only its current Vert.x timer finishes it.
      if (timer == null || timer.vertxTimer != vertxTimer) {
        return;
      }
      timers.remove(id);
      timer.seconds = 0;
      timer.active = false;
      publish(Change.FINISHED, timer);
    }
    if (timer.command != null) {
      runCommand(timer);
    }
  }

  private void runCommand(Running timer) {
    Optional<Agent> asked = agent.get();
    if (asked.isEmpty()) {
      LOG.warn("Timer {} ended but no agent runs to do \"{}\"", timer.id, timer.command);
      return;
    }
    Utterance origin = timer.origin;
    Utterance command = new Utterance(timer.command, origin.language(), null, origin.channel(), origin.room(),
        origin.satellite(), origin.user(), origin.peer());
    asked.get().ask(command).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("The command of timer {} failed: {}", timer.id, ar.cause().toString());
      } else {
        LOG.info("Timer {} ran \"{}\": {}", timer.id, timer.command, ar.result().speech());
      }
    });
  }

  private long left(Running timer) {
    if (!timer.active) {
      return timer.seconds;
    }
    long elapsed = (clock.getAsLong() - timer.sinceNanos) / 1_000_000_000L;
    return Math.max(0, timer.seconds - elapsed);
  }

  private Timer snapshot(Running timer) {
    return new Timer(timer.id, timer.name, timer.length, timer.seconds, left(timer), timer.active, timer.command,
        timer.origin);
  }

  private Timer publish(Change change, Running timer) {
    Timer snapshot = snapshot(timer);
    events.publish(new TimerChanged(Instant.now(), change, snapshot));
    return snapshot;
  }
}
