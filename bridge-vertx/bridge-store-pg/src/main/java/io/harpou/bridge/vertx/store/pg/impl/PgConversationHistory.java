package io.harpou.bridge.vertx.store.pg.impl;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversation history in PostgreSQL. Nothing is cached: another hub may have added to a conversation since, and the
 * next turn may be answered by either.
 */
final class PgConversationHistory implements ConversationHistory {

  private final Pool pool;
  private final int limit;

  PgConversationHistory(Pool pool, int limit) {
    this.pool = pool;
    this.limit = limit;
  }

  @Override
  public Future<List<ChatMessage>> recent(String conversationId) {
    if (limit == 0) {
      return Future.succeededFuture(List.of());
    }
    return Sql.mapped(pool.preparedQuery("SELECT role, content FROM conversation_messages WHERE conversation_id = $1"
        + " ORDER BY id DESC LIMIT $2").execute(Tuple.of(conversationId, limit)).map(rows -> {
          List<ChatMessage> messages = new ArrayList<>();
          for (Row r : rows) {
            String content = r.getString(1);
            messages.add(0, "user".equals(r.getString(0)) ? UserMessage.from(content) : AiMessage.from(content));
          }
          return messages;
        }));
  }

  @Override
  public Future<Void> append(String conversationId, String userText, String assistantText) {
    // One statement, so the question is never stored without its answer.
    return Sql.mapped(pool.preparedQuery("INSERT INTO conversation_messages(conversation_id, role, content,"
        + " created_ms) VALUES($1, 'user', $2, $4), ($1, 'assistant', $3, $4)")
        .execute(Tuple.of(conversationId, userText, assistantText, System.currentTimeMillis())).mapEmpty());
  }
}
