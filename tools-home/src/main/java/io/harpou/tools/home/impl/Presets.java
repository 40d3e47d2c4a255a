package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import io.vertx.core.json.JsonArray;
import java.util.List;

/** Preset modes of thermostats and fans, as said ("eco", "absent") and as the devices list them ("away"). */
final class Presets {

  private Presets() {
  }

  /**
   * True when some device of {@code domain} offers the preset said: "put the garden to sleep" is not about presets in
   * a house where nothing has a "sleep" preset.
   */
  static boolean anyOffers(MatchContext c, String domain, String said) {
    for (HomeEntity entity : c.index.ofDomain(domain)) {
      if (offered(c, List.of(entity), said) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the sentence's target is devices (found, or a choice among some), not a room or an unknown name: "put
   * the garden to sleep" is a figure of speech for the model, not a preset for the garden's fans.
   */
  static boolean namesDevices(MatchContext c, IntentEntry e, Slots s) {
    Resolution r = c.target(e, DeviceIntents.target(s));
    return r != null && (r.found() || r.status() == Resolution.Status.AMBIGUOUS);
  }

  /**
   * The preset every one of {@code entities} offers under the name said, or its usual meaning ("absent" → "away"),
   * as the devices spell it; null when one of them does not offer it.
   */
  static String offered(MatchContext c, List<HomeEntity> entities, String said) {
    String key = Text.key(said);
    String meant = c.vocabulary.preset(Text.normalize(said));
    String chosen = null;
    for (HomeEntity entity : entities) {
      JsonArray presets = c.home.gateway().state(entity.entityId())
          .map(st -> st.attributes().getJsonArray("preset_modes")).orElse(null);
      String found = presets == null ? null : presets.stream().map(String::valueOf)
          .filter(p -> Text.key(p).equals(key) || meant != null && Text.key(p).equals(meant))
          .findFirst().orElse(null);
      if (found == null) {
        return null;
      }
      chosen = found;
    }
    return chosen;
  }
}
