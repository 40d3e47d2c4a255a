package io.harpou.tools.home.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Every intent the sentence files may name, by family, and the handler of each. */
final class Intents {

  private static final Map<String, IntentHandler> HANDLERS = new HashMap<>();

  static {
    DeviceIntents.register(HANDLERS);
    ClimateIntents.register(HANDLERS);
    MediaIntents.register(HANDLERS);
    QueryIntents.register(HANDLERS);
    TimerIntents.register(HANDLERS);
    ListIntents.register(HANDLERS);
    TalkIntents.register(HANDLERS);
  }

  private Intents() {
  }

  /** The handler of {@code intent}, or null when there is none. */
  static IntentHandler handler(String intent) {
    return HANDLERS.get(intent);
  }

  /** Every intent name. */
  static Set<String> names() {
    return HANDLERS.keySet();
  }
}
