package io.harpou.testkit.ollama.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Approximate token counting (one token per word) and the split of text into streamed chunks. */
final class Tokens {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern BEFORE_SPACE = Pattern.compile("(?<=\\S)(?=\\s)");

  private Tokens() {
  }

  static int words(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    return WHITESPACE.split(text.strip()).length;
  }

  /** Words in every message and tool definition of a chat request, at least one. */
  static int prompt(JsonObject request) {
    int count = 0;
    for (Object message : request.getJsonArray("messages", new JsonArray())) {
      if (message instanceof JsonObject object) {
        Object content = object.getValue("content");
        count += content == null ? 0 : words(String.valueOf(content));
      }
    }
    for (Object tool : request.getJsonArray("tools", new JsonArray())) {
      count += words(String.valueOf(tool).replaceAll("[{}\\[\\]\":,]", " "));
    }
    return Math.max(1, count);
  }

  /** Words generated for a reply, at least one. */
  static int reply(String text, String thinking, String toolCalls) {
    int count = words(text) + words(thinking);
    if (!"[]".equals(toolCalls)) {
      count += words(toolCalls.replaceAll("[{}\\[\\]\":,]", " "));
    }
    return Math.max(1, count);
  }

  /** The text cut before each run of whitespace, so that the chunks join back to the exact text. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return chunks;
    }
    for (String piece : BEFORE_SPACE.split(text)) {
      if (!piece.isEmpty()) {
        chunks.add(piece);
      }
    }
    return chunks;
  }
}
