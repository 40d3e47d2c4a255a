package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.memory.Passage;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The memory an agent profile sees: only its {@code memory_scope}, about whom that scope names for the turn (the
 * household; the person speaking; the room spoken in). What it remembers is written there whatever scope was asked,
 * and it recalls, lists and forgets nothing else, so a household helper never recites one person's memories and a
 * person's diary never leaks into the kitchen. The household's documents are shared by every profile.
 */
final class ProfileMemory implements MemoryStore {

  // Enough to find a memory by id among a scope's for forgetting; a scope holds far fewer in a household.
  private static final int SCAN_LIMIT = 1000;

  private final MemoryStore store;
  private final MemoryScope scope;
  private final String subject;

  private ProfileMemory(MemoryStore store, MemoryScope scope, String subject) {
    this.store = store;
    this.scope = scope;
    this.subject = subject;
  }

  /** The memory {@code u} works with: {@code store} itself for the hub's own agent, else its profile's part of it. */
  static MemoryStore of(MemoryStore store, Optional<AgentProfile> profile, Utterance u) {
    return profile.<MemoryStore>map(p -> new ProfileMemory(store, p.memoryScope(), switch (p.memoryScope()) {
      case HOUSEHOLD -> null;
      case PERSON -> u.user();
      case ROOM -> u.room();
    })).orElse(store);
  }

  /** False when the scope needs a person or a room this turn does not name: nothing is read or written then. */
  private boolean placed() {
    return scope == MemoryScope.HOUSEHOLD || subject != null;
  }

  private boolean mine(Memory memory) {
    return memory.scope() == scope && Objects.equals(memory.subject(), subject);
  }

  @Override
  public Future<Memory> remember(Memory memory) {
    if (!placed()) {
      return Future.failedFuture(new BridgeException("this agent remembers per " + scope.jsonName()
          + ", and this conversation names no " + scope.jsonName()));
    }
    return store.remember(new Memory(null, memory.text(), scope, subject, memory.conversationId(), memory.source(),
        null, memory.expiresAt()));
  }

  @Override
  public Future<List<RecalledMemory>> recall(MemoryQuery query) {
    if (!placed() || !query.scopes().isEmpty() && !query.scopes().contains(scope)) {
      return Future.succeededFuture(List.of());
    }
    return store.recall(new MemoryQuery(query.text(), Set.of(scope), subject, query.limit()))
        .map(found -> found.stream().filter(r -> mine(r.memory())).toList());
  }

  @Override
  public Future<List<Memory>> list(MemoryScope asked, int limit) {
    if (!placed() || asked != null && asked != scope) {
      return Future.succeededFuture(List.of());
    }
    return store.list(scope, SCAN_LIMIT).map(all -> all.stream().filter(this::mine).limit(limit).toList());
  }

  @Override
  public Future<Boolean> forget(String id) {
    return list(scope, SCAN_LIMIT).compose(mine -> mine.stream().anyMatch(m -> m.id().equals(id))
        ? store.forget(id) : Future.succeededFuture(false));
  }

  @Override
  public Future<List<Memory>> forgetMatching(String text, MemoryScope asked, String about) {
    if (!placed() || asked != null && asked != scope) {
      return Future.succeededFuture(List.of());
    }
    return store.forgetMatching(text, scope, scope == MemoryScope.HOUSEHOLD ? null : subject);
  }

  @Override
  public Future<Integer> forgetScope(MemoryScope asked, String about) {
    if (!placed() || asked != scope) {
      return Future.succeededFuture(0);
    }
    return store.forgetScope(scope, subject);
  }

  @Override
  public Future<List<Passage>> searchDocuments(String text, int limit) {
    return store.searchDocuments(text, limit);
  }
}
