package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.ChatHistory.Message;
import io.harpou.bridge.api.agent.ChatHistory.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What an OpenAI chat request says, read from its {@code messages} alone: the client's system prompt, the exchange
 * before the new user message, and that message. Clients such as Open WebUI and SillyTavern resend the whole chat on
 * every turn, edits included, so this (not anything Harpou stored) is the chat's history.
 *
 * @param instructions the system and developer messages, joined; null when there are none
 * @param earlier the user and assistant messages before the new one, oldest first
 * @param text the new (last) user message
 */
record OpenAiChat(String instructions, List<Message> earlier, String text) {

  /**
   * Reads a request's messages.
   *
   * @throws ApiError 400 when a message is malformed or no user message has text
   */
  static OpenAiChat parse(JsonArray messages) {
    int last = -1;
    for (int i = 0; i < messages.size(); i++) {
      if ("user".equals(role(messages.getValue(i)))) {
        last = i;
      }
    }
    if (last < 0) {
      throw ApiError.invalid("'messages' has no user message");
    }
    String text = contentText(((JsonObject) messages.getValue(last)).getValue("content"));
    if (text.isBlank()) {
      throw ApiError.invalid("the last user message has no text");
    }
    if (text.length() > ConversationHandler.MAX_TEXT) {
      throw ApiError.invalid("the last user message is longer than " + ConversationHandler.MAX_TEXT + " characters");
    }
    List<String> system = new ArrayList<>();
    List<Message> earlier = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      String role = role(messages.getValue(i));
      String content = contentText(((JsonObject) messages.getValue(i)).getValue("content"));
      if (content.isBlank()) {
        continue;
      }
      if (role.equals("system") || role.equals("developer")) {
        system.add(content);
      } else if (i < last && (role.equals("user") || role.equals("assistant"))) {
        earlier.add(new Message(role.equals("user") ? Role.USER : Role.ASSISTANT, content));
      }
    }
    return new OpenAiChat(system.isEmpty() ? null : String.join("\n\n", system), earlier, text);
  }

  /** The history the agent gets: the client's instructions and the exchange before the new message. */
  ChatHistory history() {
    return new ChatHistory(instructions, earlier);
  }

  /** The exchange once Harpou has answered: what the client will send back before its next message. */
  List<Message> answeredWith(String reply) {
    List<Message> exchange = new ArrayList<>(earlier);
    exchange.add(new Message(Role.USER, text));
    exchange.add(new Message(Role.ASSISTANT, reply));
    return exchange;
  }

  /** Text of a message content: a string, or the text parts of an array of parts. */
  static String contentText(Object content) {
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof JsonArray parts) {
      StringBuilder text = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof JsonObject p && "text".equals(p.getValue("type"))
            && p.getValue("text") instanceof String s) {
          text.append(text.length() == 0 ? "" : "\n").append(s);
        }
      }
      return text.toString();
    }
    return "";
  }

  private static String role(Object message) {
    if (!(message instanceof JsonObject json) || !(json.getValue("role") instanceof String role)) {
      throw ApiError.invalid("each entry of 'messages' must be an object with a 'role'");
    }
    return role;
  }
}
