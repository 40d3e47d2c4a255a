package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** "Never mind" (ends the exchange, acts on nothing) and broadcasts to every satellite. */
final class TalkIntents {

  private TalkIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("nevermind", (c, e, s) -> IntentMatch.say(e.intent(), c.say("cancelled"), false));
    handlers.put("broadcast", (c, e, s) -> {
      String message = s.original("message");
      return message == null || message.isBlank() ? null : IntentMatch.call(e.intent(),
          ToolCall.of("broadcast", new JsonObject().put("message", message)), List.of(), null);
    });
  }
}
