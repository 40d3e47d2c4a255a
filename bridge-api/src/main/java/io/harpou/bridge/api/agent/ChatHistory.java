package io.harpou.bridge.api.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A conversation's history as a chat client holds it: OpenAI-style clients (Open WebUI, SillyTavern) resend the whole
 * chat with every turn, and the user may edit or regenerate any message of it. A turn asked with a history uses it
 * instead of the one the agent stores per conversation id, and adds nothing to the stored one: the client's copy is
 * the truth, so an edited answer is honoured and a regenerated one never repeats the question.
 *
 * @param instructions the client's own instructions (its system prompt), added after the agent's persona; null when
 *     there are none
 * @param messages the messages before the utterance, oldest first
 */
public record ChatHistory(String instructions, List<Message> messages) {

  /**
   * The most messages a history carries between nodes: an agent reads at most its {@code history_limit} (200 at
   * most) of the latest, so older ones would change nothing.
   */
  public static final int MAX_MESSAGES = 200;
  /** The most characters a history carries between nodes, instructions included: the HTTP API's default body limit. */
  public static final int MAX_CHARS = 256 * 1024;

  /** Copies the messages; blank instructions count as none. */
  public ChatHistory {
    instructions = instructions == null || instructions.isBlank() ? null : instructions;
    messages = messages == null ? List.of() : List.copyOf(messages);
  }

  /** The same history with only its latest {@code count} messages, as much as an agent may read of it. */
  public ChatHistory latest(int count) {
    return messages.size() <= count ? this
        : new ChatHistory(instructions, messages.subList(messages.size() - count, messages.size()));
  }

  /** The history as JSON: {@code {"instructions", "messages": [{"role": "user"|"assistant", "text"}]}}. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    messages.forEach(m -> list.add(new JsonObject().put("role", m.role().name().toLowerCase(Locale.ROOT))
        .put("text", m.text())));
    JsonObject json = new JsonObject().put("messages", list);
    return instructions == null ? json : json.put("instructions", instructions);
  }

  /**
   * Reads a history another node sent, within the same bounds as one hub's.
   *
   * @throws IllegalArgumentException when it is malformed, has more than {@value #MAX_MESSAGES} messages or more
   *     than {@value #MAX_CHARS} characters
   */
  public static ChatHistory fromJson(JsonObject json) {
    JsonArray list = json.getJsonArray("messages", new JsonArray());
    if (list.size() > MAX_MESSAGES) {
      throw new IllegalArgumentException("a history has at most " + MAX_MESSAGES + " messages, not " + list.size());
    }
    String instructions = json.getString("instructions");
    long chars = instructions == null ? 0 : instructions.length();
    List<Message> messages = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof JsonObject m) || !(m.getValue("role") instanceof String role)
          || !(m.getValue("text") instanceof String text)) {
        throw new IllegalArgumentException("each history message needs a role and a text");
      }
      chars += text.length();
      messages.add(new Message(switch (role) {
        case "user" -> Role.USER;
        case "assistant" -> Role.ASSISTANT;
        default -> throw new IllegalArgumentException("a history message's role is user or assistant, not " + role);
      }, text));
    }
    if (chars > MAX_CHARS) {
      throw new IllegalArgumentException("a history has at most " + MAX_CHARS + " characters, not " + chars);
    }
    return new ChatHistory(instructions, messages);
  }

  /** Who wrote a message. */
  public enum Role {
    /** The person chatting. */
    USER,
    /** The agent, or whatever the client put in its place. */
    ASSISTANT
  }

  /**
   * One message of the history.
   *
   * @param role who wrote it
   * @param text its text, never null
   */
  public record Message(Role role, String text) {

    /** Checks that both parts are present. */
    public Message {
      if (role == null || text == null) {
        throw new IllegalArgumentException("a history message needs a role and a text");
      }
    }
  }
}
