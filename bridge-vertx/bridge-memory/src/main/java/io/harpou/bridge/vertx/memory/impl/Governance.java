package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.vertx.memory.MemoryStorage.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a new memory does to those already known in its scope and subject: it contradicts some (same subject
 * and relation, another value, per {@link Statements}), which it then replaces; or it repeats one (same words, or a
 * cosine similarity at or above the duplicate threshold), which is kept instead; or it is simply new. A contradiction
 * is looked for first, so "the cat is called Pixel" replaces "the cat is called Mochi" even though the two sentences
 * embed close together.
 */
final class Governance {

  private Governance() {
  }

  static Decision decide(Memory fresh, List<Memory> known, List<VectorIndex.Hit> hits, double duplicateSimilarity) {
    Optional<Statements.Claim> claim = Statements.claim(fresh.text());
    String words = Statements.normalize(fresh.text());
    List<Memory> replaced = new ArrayList<>();
    List<Memory> others = new ArrayList<>();
    for (Memory m : known) {
      Optional<Statements.Claim> old = Statements.claim(m.text());
      if (claim.isPresent() && old.isPresent() && claim.get().contradicts(old.get())) {
        replaced.add(m);
      } else {
        others.add(m);
      }
    }
    Map<String, Memory> byId = new HashMap<>();
    for (Memory m : others) {
      if (Statements.normalize(m.text()).equals(words)) {
        return new Decision(m, List.of());
      }
      byId.put(m.id(), m);
    }
    for (VectorIndex.Hit hit : hits) {
      Memory m = byId.get(hit.id());
      if (m != null && hit.similarity() >= duplicateSimilarity) {
        return new Decision(m, List.of());
      }
    }
    return new Decision(null, List.copyOf(replaced));
  }
}
