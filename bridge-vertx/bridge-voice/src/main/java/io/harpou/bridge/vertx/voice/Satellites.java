package io.harpou.bridge.vertx.voice;

import java.util.List;
import java.util.Optional;

/** A read-only view of the satellites voice knows: configured ones, connected or not, and those that dialed in. */
public interface Satellites {

  /** Every satellite, sorted by id; safe to call from any thread. */
  List<Satellite> list();

  /** One satellite by id. */
  default Optional<Satellite> get(String id) {
    return list().stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
