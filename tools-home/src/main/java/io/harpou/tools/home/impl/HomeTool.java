package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;

/**
 * The frame of every home tool: a connected home, arguments checked, every action sent through the gateway of the
 * tool's context (so the policy sees the service calls themselves), and Home Assistant's failures as error results
 * that say what happened: never sent (unreachable, token rejected), unconfirmed (sent, answer lost), or refused.
 */
abstract class HomeTool implements Tool {

  protected final HomeAccess access;
  private final ToolSpec spec;

  HomeTool(HomeAccess access, ToolSpec spec) {
    this.access = access;
    this.spec = spec;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  /** Home tools act only through the context's gateway (the announcer's tool says otherwise). */
  @Override
  public boolean actsThroughHome() {
    return true;
  }

  @Override
  public final Future<ToolResult> call(ToolCall call, ToolContext context) {
    if (context.home().isEmpty()) {
      return Tool.done(ToolResult.error(Messages.say(context.language(), "not_connected")));
    }
    ToolRequest request = new ToolRequest(call.arguments(), context, access.home(context.home().get()), access,
        spec);
    Future<ToolResult> result;
    try {
      result = run(request);
    } catch (ToolArgumentsException e) {
      return Future.failedFuture(e);
    } catch (TargetException e) {
      return Tool.done(ToolResult.error(e.getMessage()));
    } catch (RuntimeException e) {
      return Tool.done(ToolResult.error(name() + " failed: " + e.getMessage()));
    }
    return result.recover(err -> {
      if (err instanceof UnconfirmedCall unconfirmed) {
        return Tool.done(ToolResult.unknown(unconfirmed.getMessage()));
      }
      if (err instanceof HomeAssistantException ha) {
        return Tool.done(ToolResult.error(failure(ha, context)));
      }
      if (err instanceof TargetException te) {
        return Tool.done(ToolResult.error(te.getMessage()));
      }
      return Future.failedFuture(err);
    });
  }

  /** What went wrong, as the person asking should hear it: never sent (and why), no answer, or refused. */
  private static String failure(HomeAssistantException ha, ToolContext context) {
    String language = context.language();
    String url = context.home().map(HomeGateway::url).orElse(null);
    String where = url == null ? "" : Messages.say(language, "at_url", url);
    return switch (ha.outcome()) {
      case NOT_SENT -> HomeAssistantException.AUTH_INVALID.equals(ha.code())
          ? Messages.say(language, "ha_token_rejected", where) : Messages.say(language, "ha_unreachable", where);
      case UNKNOWN -> Messages.say(language, "ha_no_answer", ha.getMessage());
      case REFUSED -> Messages.say(language, "ha_error", ha.getMessage());
    };
  }

  /** Runs the call; may throw {@link ToolArgumentsException} or {@link TargetException}. */
  abstract Future<ToolResult> run(ToolRequest request);
}
