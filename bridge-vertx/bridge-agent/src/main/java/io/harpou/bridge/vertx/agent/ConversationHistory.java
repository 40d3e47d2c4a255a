package io.harpou.bridge.vertx.agent;

import dev.langchain4j.data.message.ChatMessage;
import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.Future;
import java.util.List;

/**
 * Conversation history per conversation id: what the user said and what the agent answered, with the channel and room
 * it was said in, kept so it survives a restart; it is also the {@link ConversationLog} the console lists and reads
 * back. Futures complete on the caller's context and fail with {@link io.harpou.bridge.api.BridgeException} when the
 * store cannot be reached.
 */
public interface ConversationHistory extends ConversationLog {

  /** The last messages of a conversation, oldest first, at most the history limit the store was opened with. */
  Future<List<ChatMessage>> recent(String conversationId);

  /** Appends one exchange, with the channel and room {@code said} came from; the Future succeeds once it is stored. */
  Future<Void> append(Utterance said, String assistantText);
}
