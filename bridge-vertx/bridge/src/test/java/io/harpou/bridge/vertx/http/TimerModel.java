package io.harpou.bridge.vertx.http;

import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A scripted model that sets the voice timers the console tests ask for, through the test tools' {@code start_timer}:
 * the test house has no local matcher, so a spoken timer reaches the voice timers the way a model's call does.
 */
final class TimerModel {

  private TimerModel() {
  }

  /** The sections of a house whose model sets timers of 2 seconds, 5 and 10 minutes; it stops with vertx. */
  static JsonObject sections(Vertx vertx) {
    ScriptedOllama ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.userContains("timer for 2 seconds")
        .thenReply(OllamaReply.toolCall("start_timer", new JsonObject().put("seconds", 2))));
    ollama.addRule(OllamaMatch.userContains("timer for 5 minutes")
        .thenReply(OllamaReply.toolCall("start_timer", new JsonObject().put("minutes", 5))));
    ollama.addRule(OllamaMatch.userContains("timer for 10 minutes")
        .thenReply(OllamaReply.toolCall("start_timer", new JsonObject().put("minutes", 10))));
    ollama.addRule(OllamaMatch.toolResult("start_timer").thenReply(OllamaReply.text("Timer set.")));
    return new JsonObject().put("tools", new JsonObject().put("agent_test", new JsonObject().put("active", true)))
        .put("agent", new JsonObject().put("ollama", new JsonObject().put("url", ollama.baseUrl())
            .put("model", "llama3.2")));
  }
}
