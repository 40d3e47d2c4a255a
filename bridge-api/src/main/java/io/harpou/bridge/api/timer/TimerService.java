package io.harpou.bridge.api.timer;

import io.harpou.bridge.api.agent.Utterance;
import java.util.List;
import java.util.Optional;

/**
 * The household's voice timers. Every change is published as a
 * {@link io.harpou.bridge.api.event.TimerChanged} event, which the satellite that set a timer turns into Wyoming
 * {@code timer-*} events. Timers live in memory, as Home Assistant's do. The methods touch nothing but memory: they
 * are thread-safe and return at once.
 */
public interface TimerService {

  /** The most timers kept at once; starting another fails. */
  int MAX_TIMERS = 100;
  /** The longest timer, in seconds (24 hours). */
  long MAX_SECONDS = 24L * 3600;

  /**
   * Starts a timer.
   *
   * @param length how long, as said
   * @param name its name, or null
   * @param command a sentence to run when it ends, or null
   * @param origin the request that asked for it
   * @throws IllegalArgumentException when the length is zero or longer than {@link #MAX_SECONDS}
   * @throws io.harpou.bridge.api.BridgeException when {@link #MAX_TIMERS} timers are already running
   */
  Timer start(TimerLength length, String name, String command, Utterance origin);

  /** Every timer, the one ending soonest first. */
  List<Timer> list();

  /** Cancels a timer; empty when there is no such timer. */
  Optional<Timer> cancel(String id);

  /**
   * Adds {@code seconds} to a timer (removes them when negative; a timer cannot go below zero, and one brought to zero
   * ends at once); empty when there is no such timer.
   */
  Optional<Timer> add(String id, long seconds);

  /** Pauses a timer (a paused one stays paused); empty when there is no such timer. */
  Optional<Timer> pause(String id);

  /** Resumes a paused timer (a running one keeps running); empty when there is no such timer. */
  Optional<Timer> resume(String id);
}
