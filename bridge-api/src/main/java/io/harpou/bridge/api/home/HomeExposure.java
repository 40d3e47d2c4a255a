package io.harpou.bridge.api.home;

import java.util.Objects;

/**
 * Which entities of a home the assistant may see. The home tools decide it from the household's exposure settings
 * ({@code tools.home.exposure}); whatever else reads the home on the assistant's behalf (notification rules, "tell me
 * when") asks the same question, so an entity hidden from the assistant is neither watched nor announced.
 */
@FunctionalInterface
public interface HomeExposure {

  /** Every entity visible: the answer when nothing decides otherwise. */
  HomeExposure EVERYTHING = (home, entityId) -> true;

  /** True when the assistant may see {@code entityId} of {@code home}; cheap enough to ask on every state change. */
  boolean exposed(HomeGateway home, String entityId);

  /** Visible only when both this and {@code other} say so. */
  default HomeExposure and(HomeExposure other) {
    Objects.requireNonNull(other, "other");
    return (home, entityId) -> exposed(home, entityId) && other.exposed(home, entityId);
  }
}
