package io.harpou.samples.embedded;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Answers "how warm is the pool" without a model, by running the tool through the executor (so the policy and the
 * audit see it like any other call).
 */
public final class PoolQuestionInterpreter implements Interpreter {

  private static final Pattern QUESTION =
      Pattern.compile(".*\\b(temperature|warm|cold|hot)\\b.*\\bpool\\b.*|.*\\bpool\\b.*\\b(temperature|warm|cold)\\b.*");

  @Override
  public String id() {
    return "pool";
  }

  @Override
  public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
    if (!QUESTION.matcher(utterance.text().toLowerCase(Locale.ROOT)).matches()) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    return tools.execute(ToolCall.of("get_pool_temperature", new JsonObject()), utterance).map(result -> {
      if (result.error()) {
        return Interpretation.handled(Reply.error("I could not read the pool thermometer.",
            utterance.conversationId()));
      }
      double celsius = result.json().getDouble("celsius");
      return Interpretation.handled(Reply.answer(String.format(Locale.ROOT, "The pool is at %.1f degrees.", celsius),
          utterance.conversationId()));
    });
  }
}
