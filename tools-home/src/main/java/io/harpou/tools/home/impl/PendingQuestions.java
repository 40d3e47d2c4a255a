package io.harpou.tools.home.impl;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The question last asked in each conversation, kept for a short while so that a short answer ("the kitchen one")
 * can finish the request. Bounded: beyond {@code capacity} conversations the oldest question is forgotten.
 *
 * @param <T> what is remembered about a question
 */
final class PendingQuestions<T> {

  private final int capacity;
  private final long ttlNanos;
  private final LongSupplier clock;
  private final LinkedHashMap<String, Entry<T>> byConversation = new LinkedHashMap<>();

  private record Entry<T>(T value, long at) {
  }

  /** A store keeping at most {@code capacity} questions, each for {@code ttlNanos} measured by {@code clock}. */
  PendingQuestions(int capacity, long ttlNanos, LongSupplier clock) {
    if (capacity < 1 || ttlNanos <= 0) {
      throw new IllegalArgumentException("capacity and time to live must be positive");
    }
    this.capacity = capacity;
    this.ttlNanos = ttlNanos;
    this.clock = clock;
  }

  /** Remembers {@code value} as the question pending in {@code conversation}, replacing any earlier one. */
  synchronized void put(String conversation, T value) {
    if (conversation == null) {
      return;
    }
    purge();
    byConversation.remove(conversation);
    byConversation.put(conversation, new Entry<>(value, clock.getAsLong()));
    while (byConversation.size() > capacity) {
      Iterator<String> oldest = byConversation.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** Removes and returns the question pending in {@code conversation}, or null when there is none or it expired. */
  synchronized T take(String conversation) {
    if (conversation == null) {
      return null;
    }
    Entry<T> e = byConversation.remove(conversation);
    return e == null || clock.getAsLong() - e.at() > ttlNanos ? null : e.value();
  }

  /** Forgets the question pending in {@code conversation}. */
  synchronized void clear(String conversation) {
    if (conversation != null) {
      byConversation.remove(conversation);
    }
  }

  /** How many questions are pending and not expired. */
  synchronized int size() {
    purge();
    return byConversation.size();
  }

  private void purge() {
    long now = clock.getAsLong();
    // Insertion order is age order, so expired entries are at the head.
    Iterator<Map.Entry<String, Entry<T>>> it = byConversation.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue().at() > ttlNanos) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
