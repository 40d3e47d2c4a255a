package io.harpou.bridge.api.memory;

import io.harpou.bridge.api.Json;
import java.util.Set;

/**
 * A recall request: text to match by meaning and words, limited to some scopes.
 *
 * @param text what to look for
 * @param scopes the scopes to search; empty means all
 * @param subject only memories about this person or room, or null for any
 * @param limit at most this many results
 */
public record MemoryQuery(String text, Set<MemoryScope> scopes, String subject, int limit) {

  /** Validates the text and a positive limit. */
  public MemoryQuery {
    Json.requireText(text, "recall text");
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    if (limit <= 0) {
      throw new IllegalArgumentException("recall limit must be positive");
    }
  }

  /** The top {@code limit} memories of any scope for {@code text}. */
  public static MemoryQuery of(String text, int limit) {
    return new MemoryQuery(text, Set.of(), null, limit);
  }
}
