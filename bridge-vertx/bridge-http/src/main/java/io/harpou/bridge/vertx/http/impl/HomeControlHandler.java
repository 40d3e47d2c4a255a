package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * {@code POST /api/home/services}: the console's controls act on the house through the policy point and audit a
 * spoken command goes through. A service call runs as the {@code call_service} tool, or, for a protected entity (a
 * lock, an alarm panel, a garage door), as {@code call_protected_service}, whose confirmation question is answered
 * like any other: a "yes" in the same conversation from the same caller.
 */
public final class HomeControlHandler {

  private static final Pattern SERVICE = Pattern.compile("[a-z_]+\\.[a-z_]+");
  private static final Pattern ENTITY = Pattern.compile("[a-z_]+\\.[a-z0-9_]+");

  private final HttpApiServices bridge;

  /** A handler acting through the bridge's tool gate. */
  public HomeControlHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.post("/api/home/services").handler(this::call);
  }

  private void call(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    String entity = Requests.requiredText(body, "entity_id", 255);
    String service = Requests.requiredText(body, "service", 255);
    if (!ENTITY.matcher(entity).matches() || !SERVICE.matcher(service).matches()) {
      throw ApiError.invalid("entity_id is domain.object_id and service is domain.service");
    }
    Object data = body.getValue("data");
    if (data != null && !(data instanceof JsonObject)) {
      throw ApiError.invalid("data must be a JSON object");
    }
    String conversationId = Requests.optionalId(body, "conversation_id");
    String language = Requests.optionalString(body, "language");
    boolean protectedCall = body.getBoolean("protected", false);
    ToolGate gate = bridge.toolGate().orElseThrow(() -> ApiError.unavailable("the agent"));
    JsonObject arguments = new JsonObject().put("entity_id", entity).put("service", service)
        .put("data", data == null ? new JsonObject() : data);
    Utterance utterance = new Utterance(service + " " + entity, language, conversationId, Channel.HTTP, null, null,
        ctx.get(AccessGuard.KEY_NAME));
    gate.execute(ToolCall.of(protectedCall ? "call_protected_service" : "call_service", arguments), utterance)
        .onSuccess(result -> Requests.json(ctx, new JsonObject().put("ok", !result.error())
            .put("message", result.content()).put("conversation_id", utterance.conversationId())))
        .onFailure(e -> {
          if (e instanceof PolicyException policy && policy.confirmationRequired()) {
            Requests.json(ctx, new JsonObject().put("ok", false).put("confirmation", policy.getMessage())
                .put("conversation_id", utterance.conversationId()));
          } else if (e instanceof PolicyException || e instanceof ToolArgumentsException) {
            new ApiError(403, "refused", e.getMessage()).send(ctx);
          } else {
            ctx.fail(e);
          }
        });
  }
}
