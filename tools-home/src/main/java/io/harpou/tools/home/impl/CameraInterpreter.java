package io.harpou.tools.home.impl;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Show me the front door camera", "montre-moi la caméra de l'entrée": runs {@code camera_snapshot} through the
 * policy, so the console shows the image, without asking the model. Anything else is not its.
 */
public final class CameraInterpreter implements Interpreter {

  private static final Pattern ENGLISH = Pattern.compile("(?:please\\s+)?(?:show|display|let me see)(?:\\s+me)?"
      + "\\s+(?:the\\s+)?(.+?)\\s+(?:camera|cam)(?:\\s+please)?[.!?]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern FRENCH = Pattern.compile("(?:montre|affiche)(?:[- ]moi)?\\s+(?:la\\s+)?cam[ée]ra"
      + "\\s+(?:de\\s+la\\s+|de\\s+l'|du\\s+|des\\s+|de\\s+)?(.+?)[.!?]*", Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return "cameras";
  }

  @Override
  public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
    boolean french = utterance.language().startsWith("fr");
    Matcher m = (french ? FRENCH : ENGLISH).matcher(utterance.text().strip());
    if (!m.matches()) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    String name = french ? "caméra " + m.group(1) : m.group(1) + " camera";
    ToolCall call = ToolCall.of("camera_snapshot", new JsonObject().put("name", name).put("domain", "camera"));
    String conversation = utterance.conversationId();
    return tools.execute(call, utterance)
        .map(result -> Interpretation.handled(reply(result, conversation)))
        .recover(e -> Future.succeededFuture(e instanceof PolicyException
            ? Interpretation.handled(Reply.error(e.getMessage(), conversation)) : Interpretation.notMine()));
  }

  private static Reply reply(ToolResult result, String conversation) {
    if (result.error() || result.json() == null) {
      return Reply.error(result.content(), conversation);
    }
    return Reply.answer(result.json().getString("message", result.content()), conversation);
  }
}
