package io.harpou.bridge.vertx.store.pg.impl;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.api.agent.ConversationSummary;
import io.harpou.bridge.api.agent.ConversationTurn;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversation history in PostgreSQL, with the channel and room each exchange was said in, as the embedded database
 * keeps it. Nothing is cached: another hub may have added to a conversation since, and the next turn may be answered
 * by either.
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
  public Future<Void> append(Utterance said, String assistantText) {
    // One statement, so the question is never stored without its answer.
    return Sql.mapped(pool.preparedQuery("INSERT INTO conversation_messages(conversation_id, role, content,"
        + " created_ms, channel, room) VALUES($1, 'user', $2, $4, $5, $6), ($1, 'assistant', $3, $4, $5, $6)")
        .execute(Tuple.of(said.conversationId(), said.text(), assistantText, System.currentTimeMillis(),
            said.channel().jsonName(), said.room())).mapEmpty());
  }

  @Override
  public Future<List<ConversationSummary>> recent(int limit) {
    return Sql.mapped(pool.preparedQuery("SELECT m.conversation_id, m.created_ms, m.channel, m.room,"
        + " (SELECT content FROM conversation_messages f WHERE f.conversation_id = m.conversation_id"
        + " AND f.role = 'user' ORDER BY f.id LIMIT 1),"
        + " (SELECT COUNT(*) FROM conversation_messages n WHERE n.conversation_id = m.conversation_id"
        + " AND n.role = 'user')"
        + " FROM conversation_messages m WHERE m.id IN (SELECT MAX(id) FROM conversation_messages"
        + " GROUP BY conversation_id) ORDER BY m.id DESC LIMIT $1").execute(Tuple.of(limit)).map(rows -> {
          List<ConversationSummary> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(new ConversationSummary(r.getString(0), r.getString(4), r.getString(2), r.getString(3),
                r.getLong(5).intValue(), Instant.ofEpochMilli(r.getLong(1))));
          }
          return list;
        }));
  }

  @Override
  public Future<List<ConversationTurn>> turns(String conversationId, int limit) {
    return Sql.mapped(pool.preparedQuery("SELECT role, content, created_ms, channel, room FROM conversation_messages"
        + " WHERE conversation_id = $1 ORDER BY id DESC LIMIT $2").execute(Tuple.of(conversationId, limit * 2))
        .map(rows -> {
          List<ConversationTurn> turns = new ArrayList<>();
          String answer = null;
          for (Row r : rows) {
            if ("assistant".equals(r.getString(0))) {
              answer = r.getString(1);
            } else if (answer != null) {
              turns.add(0, new ConversationTurn(Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4),
                  r.getString(1), answer));
              answer = null;
            }
          }
          return turns;
        }));
  }
}
