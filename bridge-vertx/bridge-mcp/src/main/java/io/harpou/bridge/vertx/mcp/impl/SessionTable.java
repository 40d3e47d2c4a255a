package io.harpou.bridge.vertx.mcp.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A transport's sessions, bounded in number and in idle time, each bound to the caller that opened it: a request
 * naming another caller's session finds nothing, as if it did not exist, so a session id seen in a log or a proxy
 * grants nothing to another key.
 *
 * @param <S> the SDK's session type
 */
final class SessionTable<S> {

  private record Entry<S>(S session, Caller owner, long lastUsedNanos) {
  }

  private final Map<String, Entry<S>> sessions = new ConcurrentHashMap<>();
  private final int max;
  private final long idleNanos;
  private final Consumer<S> closer;

  /** A table of at most {@code max} sessions, each closed with {@code closer} after {@code idleSeconds} unused. */
  SessionTable(int max, int idleSeconds, Consumer<S> closer) {
    this.max = max;
    this.idleNanos = idleSeconds * 1_000_000_000L;
    this.closer = closer;
  }

  /** True while another session may open. */
  boolean hasRoom() {
    return sessions.size() < max;
  }

  /** Keeps {@code session} for {@code owner}. */
  void put(String id, S session, Caller owner) {
    sessions.put(id, new Entry<>(session, owner, System.nanoTime()));
  }

  /** The session {@code id} when {@code caller} opened it, marked as used now. */
  Optional<S> find(String id, Caller caller) {
    if (id == null) {
      return Optional.empty();
    }
    Entry<S> entry = sessions.computeIfPresent(id, (k, e) -> e.owner().equals(caller)
        ? new Entry<>(e.session(), e.owner(), System.nanoTime()) : e);
    return entry == null || !entry.owner().equals(caller) ? Optional.empty() : Optional.of(entry.session());
  }

  /** Forgets session {@code id}. */
  void remove(String id) {
    sessions.remove(id);
  }

  /** The sessions kept now. */
  List<S> all() {
    return sessions.values().stream().map(Entry::session).toList();
  }

  /** Closes and forgets the sessions unused for longer than the idle time. */
  void sweep() {
    long now = System.nanoTime();
    List<S> expired = new ArrayList<>();
    sessions.entrySet().removeIf(e -> {
      boolean idle = now - e.getValue().lastUsedNanos() > idleNanos;
      if (idle) {
        expired.add(e.getValue().session());
      }
      return idle;
    });
    expired.forEach(closer);
  }

  /** Closes and forgets every session. */
  void clear() {
    List<S> all = all();
    sessions.clear();
    all.forEach(closer);
  }
}
