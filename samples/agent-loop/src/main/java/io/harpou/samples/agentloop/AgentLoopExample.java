package io.harpou.samples.agentloop;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.AgentRuntime;
import io.harpou.bridge.vertx.agent.AgentServices;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** Runs Harpou's agent loop alone: no Home Assistant, no memory, no voice, no HTTP. */
public final class AgentLoopExample {

  private AgentLoopExample() {
  }

  // tag::agent-loop[]
  /** Asks a model on Ollama one question, with the tools found on the class path; the audit log goes to dataDir. */
  public static Future<String> ask(Vertx vertx, Path dataDir, String ollamaUrl, String question) {
    AgentOptions options = new AgentOptions(new JsonObject()
        .put("ollama", new JsonObject().put("url", ollamaUrl).put("model", "qwen3:8b")));
    return Database.open(vertx, dataDir.resolve("agent.db")).compose(database -> {
      AgentServices services = AgentServices.of(ToolRegistry.load(new JsonObject()), database, dataDir);
      return AgentRuntime.start(vertx, options, services)
          .compose(agent -> agent.agent().ask(question).eventually(agent::close))
          .map(Reply::speech)
          .eventually(database::close);
    });
  }
  // end::agent-loop[]
}
