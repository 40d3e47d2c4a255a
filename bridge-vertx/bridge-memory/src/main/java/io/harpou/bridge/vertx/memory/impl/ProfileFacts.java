package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.memory.FactExtractor;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Facts learned from a turn an agent profile answered go where that profile remembers: its {@code memory_scope},
 * about the person speaking or the room spoken in as the scope asks, whatever scope the fact model chose. A turn that
 * does not name the person or room its profile's scope needs teaches nothing, as the profile itself remembers nothing
 * then. Turns of the hub's own agent keep the fact model's choice.
 */
public final class ProfileFacts implements FactExtractor {

  private final FactExtractor extractor;
  private final AgentProfiles profiles;

  /** The facts {@code extractor} finds, placed by the profile of {@code profiles} answering each turn. */
  public ProfileFacts(FactExtractor extractor, AgentProfiles profiles) {
    this.extractor = extractor;
    this.profiles = profiles;
  }

  @Override
  public Future<List<Memory>> extract(Utterance utterance) {
    Optional<AgentProfile> profile = profiles.forUtterance(utterance);
    if (profile.isEmpty()) {
      return extractor.extract(utterance);
    }
    MemoryScope scope = profile.get().memoryScope();
    String subject = switch (scope) {
      case HOUSEHOLD -> null;
      case PERSON -> utterance.user();
      case ROOM -> utterance.room();
    };
    if (scope != MemoryScope.HOUSEHOLD && subject == null) {
      return Future.succeededFuture(List.of());
    }
    return extractor.extract(utterance).map(facts -> facts.stream()
        .map(f -> new Memory(null, f.text(), scope, subject, f.conversationId(), f.source(), null, f.expiresAt()))
        .toList());
  }
}
