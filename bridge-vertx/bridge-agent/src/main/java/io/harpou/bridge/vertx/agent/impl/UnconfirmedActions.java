package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateWords;
import io.vertx.core.Future;
import java.util.List;

/**
 * What to say when a confirmed action was sent and its answer lost: that Home Assistant did not confirm it, and what
 * Home Assistant shows now for the entities it reached, read again (its calls carry no idempotency key, so only the
 * state can tell, and the action is never sent twice).
 */
final class UnconfirmedActions {

  /** Enough entities to say what matters by voice. */
  private static final int MAX_READ = 5;

  private UnconfirmedActions() {
  }

  /** "I couldn't confirm that Home Assistant did it; Front door is now unlocked." */
  static Future<String> truth(HomeGateway home, List<ServiceCall> actions, boolean french) {
    List<Future<String>> reads = actions.stream().flatMap(a -> a.target().entityIds().stream()).distinct()
        .limit(MAX_READ)
        .map(id -> home.fetchState(id).map(state -> {
          String name = state.map(EntityState::friendlyName).filter(n -> !n.isBlank()).orElse(id);
          String now = StateWords.spoken(state.map(EntityState::state).orElse("unknown"), french);
          return french ? name + " est maintenant sur « " + now + " »" : name + " is now " + now;
        }))
        .toList();
    return Future.all(reads)
        .map(all -> (french ? "Je n'ai pas pu confirmer que Home Assistant l'a fait ; "
            : "I couldn't confirm that Home Assistant did it; ") + String.join(", ", all.<String>list()) + ".")
        .otherwise(e -> french ? "Je n'ai pas pu confirmer que Home Assistant l'a fait, ni vérifier ensuite."
            : "I couldn't confirm that Home Assistant did it, and couldn't check afterwards.");
  }
}
