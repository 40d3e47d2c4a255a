package io.harpou.bridge.vertx.mcp.impl;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Prompts for the common household requests, written the way people ask the agent, so an MCP client offers them as
 * one-click starting points and its model calls Harpou's tools to answer.
 */
final class PromptFeatures {

  private PromptFeatures() {
  }

  /** The household prompts. */
  static List<McpServerFeatures.AsyncPromptSpecification> prompts() {
    return List.of(
        prompt("home_status", "What is on in the house, which doors and windows are open, and whether the locks"
            + " are locked.", List.of(), args -> "Tell me what is on in the house, which doors and windows are"
            + " open, and whether the locks are locked. Read the home; change nothing."),
        prompt("room_off", "Turns off everything in one room.",
            List.of(new McpSchema.PromptArgument("room", "Room", "the room, as the household names it", true)),
            args -> "Turn off every light, fan and media player in the " + args.getOrDefault("room", "room")
                + ". Leave locks, alarms and covers as they are."),
        prompt("good_night", "Gets the house ready for the night.", List.of(), args -> "Get the house ready for the"
            + " night: turn off the lights and media players that are on, then tell me which doors or windows are"
            + " still open and which locks are unlocked, and ask me before locking anything."));
  }

  private static McpServerFeatures.AsyncPromptSpecification prompt(String name, String description,
      List<McpSchema.PromptArgument> arguments, java.util.function.Function<Map<String, Object>, String> text) {
    McpSchema.Prompt prompt = new McpSchema.Prompt(name, name.replace('_', ' '), description, arguments);
    return new McpServerFeatures.AsyncPromptSpecification(prompt, (exchange, request) -> {
      Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
      McpSchema.PromptMessage message = new McpSchema.PromptMessage(McpSchema.Role.USER,
          new McpSchema.TextContent(text.apply(args)));
      return Mono.just(new McpSchema.GetPromptResult(description, List.of(message)));
    });
  }
}
