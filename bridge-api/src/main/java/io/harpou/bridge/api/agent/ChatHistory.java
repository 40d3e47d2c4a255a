package io.harpou.bridge.api.agent;

import java.util.List;

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

  /** Copies the messages; blank instructions count as none. */
  public ChatHistory {
    instructions = instructions == null || instructions.isBlank() ? null : instructions;
    messages = messages == null ? List.of() : List.copyOf(messages);
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
