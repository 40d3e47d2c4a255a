package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;

/**
 * The frame of every home tool: a connected home, arguments checked, Home Assistant's refusals as error results, and
 * every action sent through the gateway of the tool's context, so the policy sees the service calls themselves.
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
      if (err instanceof HomeAssistantException ha) {
        return Tool.done(ToolResult.error(Messages.say(context.language(), "ha_error", ha.getMessage())));
      }
      if (err instanceof TargetException te) {
        return Tool.done(ToolResult.error(te.getMessage()));
      }
      return Future.failedFuture(err);
    });
  }

  /** Runs the call; may throw {@link ToolArgumentsException} or {@link TargetException}. */
  abstract Future<ToolResult> run(ToolRequest request);
}
