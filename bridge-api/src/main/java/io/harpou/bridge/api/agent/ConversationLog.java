package io.harpou.bridge.api.agent;

import io.vertx.core.Future;
import java.util.List;

/** The conversations the agent keeps, from every channel: listed newest first, and read back turn by turn. */
public interface ConversationLog {

  /** The most recently active conversations, newest first, at most {@code limit}. */
  Future<List<ConversationSummary>> recent(int limit);

  /** The last {@code limit} turns of a conversation, oldest first; empty when it is unknown. */
  Future<List<ConversationTurn>> turns(String conversationId, int limit);
}
