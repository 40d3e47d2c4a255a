package io.harpou.testkit.ollama;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a scripted rule applies to a chat request.
 *
 * <p>User criteria test the last user message; tool criteria test the tool results at the end of the conversation
 * (the tool name is taken from the message's {@code tool_name} or, as LangChain4j sends none, from the assistant's
 * tool call at the same position). A match with only user criteria applies to a fresh turn (the conversation does not
 * end with a tool result); a match with tool criteria applies only to a turn resumed by tool results; a match with no
 * criteria applies to every chat request.
 *
 * @param userContains text the last user message contains, ignoring case, or {@code null}
 * @param userRegex a regular expression found in the last user message, or {@code null}
 * @param toolName the name of the tool whose result ends the conversation, or {@code null}
 * @param toolResultContains text that result contains, ignoring case, or {@code null}
 */
public record OllamaMatch(String userContains, String userRegex, String toolName, String toolResultContains) {

  /** Checks that the regular expression compiles. */
  public OllamaMatch {
    if (userRegex != null) {
      try {
        Pattern.compile(userRegex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid user_regex: " + e.getDescription(), e);
      }
    }
  }

  /** Matches every chat request. */
  public static OllamaMatch any() {
    return new OllamaMatch(null, null, null, null);
  }

  /** Matches a fresh turn whose last user message contains the text, ignoring case. */
  public static OllamaMatch userContains(String text) {
    return new OllamaMatch(text, null, null, null);
  }

  /** Matches a fresh turn whose last user message contains a match of the regular expression. */
  public static OllamaMatch userMatches(String regex) {
    return new OllamaMatch(null, regex, null, null);
  }

  /** Matches a turn resumed by a result of the named tool. */
  public static OllamaMatch toolResult(String toolName) {
    return new OllamaMatch(null, null, toolName, null);
  }

  /** Matches a turn resumed by a tool result containing the text, ignoring case. */
  public static OllamaMatch toolResultContains(String text) {
    return new OllamaMatch(null, null, null, text);
  }

  /** This match narrowed to a turn resumed by a result of the named tool. */
  public OllamaMatch andToolResult(String name) {
    return new OllamaMatch(userContains, userRegex, name, toolResultContains);
  }

  /** This match narrowed to a turn resumed by a tool result containing the text. */
  public OllamaMatch andToolResultContains(String text) {
    return new OllamaMatch(userContains, userRegex, toolName, text);
  }

  /** A repeating rule answering this match with the reply; see {@link OllamaRule#once()}. */
  public OllamaRule thenReply(OllamaReply reply) {
    return new OllamaRule(this, reply, OllamaRule.REPEAT);
  }

  /** Whether this match has tool criteria, so that it applies only to turns resumed by tool results. */
  public boolean wantsToolResult() {
    return toolName != null || toolResultContains != null;
  }

  /** Whether this match has no criteria at all. */
  public boolean isAny() {
    return userContains == null && userRegex == null && !wantsToolResult();
  }

  /** The script form; absent criteria are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    putIfSet(json, "user_contains", userContains);
    putIfSet(json, "user_regex", userRegex);
    putIfSet(json, "tool", toolName);
    putIfSet(json, "tool_result_contains", toolResultContains);
    return json;
  }

  /** Reads the script form; unknown keys are ignored. */
  public static OllamaMatch fromJson(JsonObject json) {
    return new OllamaMatch(
        json.getString("user_contains"),
        json.getString("user_regex"),
        json.getString("tool"),
        json.getString("tool_result_contains"));
  }

  private static void putIfSet(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
