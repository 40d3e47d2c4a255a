package io.harpou.bridge.vertx.monitor;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolProvider;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local interpreter that records every utterance offered to it and takes none. */
public final class SpyInterpreterProvider implements ToolProvider {

  static final List<Utterance> SEEN = new CopyOnWriteArrayList<>();

  @Override
  public String id() {
    return "spy";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of();
  }

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return List.of(new Interpreter() {
      @Override
      public String id() {
        return "spy";
      }

      @Override
      public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
        SEEN.add(utterance);
        return Future.succeededFuture(Interpretation.notMine());
      }
    });
  }
}
