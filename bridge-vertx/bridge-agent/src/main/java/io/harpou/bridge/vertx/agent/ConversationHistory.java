package io.harpou.bridge.vertx.agent;

import dev.langchain4j.data.message.ChatMessage;
import io.vertx.core.Future;
import java.util.List;

/**
 * Conversation history per conversation id: what the user said and what the agent answered, kept so it survives a
 * restart. Futures complete on the caller's context and fail with {@link io.harpou.bridge.api.BridgeException} when
 * the store cannot be reached.
 */
public interface ConversationHistory {

  /** The last messages of a conversation, oldest first, at most the history limit the store was opened with. */
  Future<List<ChatMessage>> recent(String conversationId);

  /** Appends one exchange; the Future succeeds once it is stored. */
  Future<Void> append(String conversationId, String userText, String assistantText);
}
