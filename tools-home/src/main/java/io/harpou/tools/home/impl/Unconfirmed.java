package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.StateWords;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;

/**
 * What to say after an action whose answer was lost: that Home Assistant did not confirm it, and what Home Assistant
 * shows now, read from it again (its calls carry no idempotency key, so only the state can tell).
 */
final class Unconfirmed {

  /** Enough entities to say what matters by voice; an area-wide call is summed up by its first few. */
  private static final int MAX_READ = 5;

  private Unconfirmed() {
  }

  /** "I couldn't confirm that Home Assistant did it; Kitchen light is now on." from the entities' states now. */
  static Future<String> states(ToolRequest request, List<HomeEntity> entities) {
    HomeGateway gateway = request.home.gateway();
    boolean french = request.lang().toLowerCase(Locale.ROOT).startsWith("fr");
    List<Future<String>> reads = entities.stream().limit(MAX_READ)
        .map(e -> gateway.fetchState(e.entityId()).map(state -> Messages.part(request.lang(), "now_state",
            Messages.spoken(request.lang(), e), StateWords.spoken(state.map(EntityState::state).orElse("unknown"),
                french))))
        .toList();
    return Future.all(reads).map(all -> sentence(request, String.join(", ", all.<String>list())))
        .otherwise(e -> request.say("unconfirmed_unchecked"));
  }

  /** The sentence for an unconfirmed action, completed by what is true now. */
  static String sentence(ToolRequest request, String truth) {
    return request.say("unconfirmed", truth);
  }
}
