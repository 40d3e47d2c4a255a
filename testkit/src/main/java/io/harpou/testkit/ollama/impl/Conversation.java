package io.harpou.testkit.ollama.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The parts of a chat request's messages that script rules look at. */
record Conversation(String lastUserMessage, List<ToolResult> trailingToolResults) {

  /** One tool result at the end of the conversation. */
  record ToolResult(String toolName, String content) {
  }

  boolean endsWithToolResult() {
    return !trailingToolResults.isEmpty();
  }

  /** Reads the messages; entries that are not objects are skipped. */
  static Conversation of(JsonArray messages) {
    List<JsonObject> list = new ArrayList<>();
    for (Object entry : messages) {
      if (entry instanceof JsonObject message) {
        list.add(message);
      }
    }
    String lastUser = null;
    for (int i = list.size() - 1; i >= 0 && lastUser == null; i--) {
      if ("user".equals(list.get(i).getString("role"))) {
        lastUser = text(list.get(i));
      }
    }
    int first = list.size();
    while (first > 0 && "tool".equals(list.get(first - 1).getString("role"))) {
      first--;
    }
    JsonArray calls = first > 0 ? callsOf(list.get(first - 1)) : new JsonArray();
    List<ToolResult> results = new ArrayList<>();
    for (int i = first; i < list.size(); i++) {
      JsonObject message = list.get(i);
      String name = message.getString("tool_name");
      if (name == null && message.getString("tool_call_id") != null) {
        name = nameOfCall(calls, message.getString("tool_call_id"));
      }
      if (name == null && calls.getValue(i - first) instanceof JsonObject call) {
        name = call.getJsonObject("function", new JsonObject()).getString("name");
      }
      results.add(new ToolResult(name, text(message)));
    }
    return new Conversation(lastUser, List.copyOf(results));
  }

  /** The message's text; OpenAI's content may also be an array of parts, whose text parts are joined. */
  private static String text(JsonObject message) {
    Object content = message.getValue("content");
    if (content instanceof JsonArray parts) {
      StringBuilder text = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof JsonObject object && object.getValue("text") instanceof String piece) {
          text.append(text.length() == 0 ? "" : "\n").append(piece);
        }
      }
      return text.toString();
    }
    return content == null ? "" : String.valueOf(content);
  }

  /** The tool name of the call with this id (OpenAI's tool messages name the call, not the tool). */
  private static String nameOfCall(JsonArray calls, String id) {
    for (Object entry : calls) {
      if (entry instanceof JsonObject call && id.equals(call.getString("id"))) {
        return call.getJsonObject("function", new JsonObject()).getString("name");
      }
    }
    return null;
  }

  private static JsonArray callsOf(JsonObject message) {
    if ("assistant".equals(message.getString("role")) && message.getValue("tool_calls") instanceof JsonArray calls) {
      return calls;
    }
    return new JsonArray();
  }
}
