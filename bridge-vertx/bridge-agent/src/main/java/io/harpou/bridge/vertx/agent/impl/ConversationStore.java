package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.agent.ConversationSummary;
import io.harpou.bridge.api.agent.ConversationTurn;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversation history in the embedded database: what the user said and what the agent answered, with the channel
 * and room it was said in, with the recent turns of active conversations cached in memory (one hub writes this file,
 * so its cache is never stale). It is also the {@link ConversationLog} the console lists and reads back.
 */
public final class ConversationStore implements ConversationHistory, ConversationLog {

  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE conversation_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL,
        role TEXT NOT NULL, content TEXT NOT NULL, created_ms INTEGER NOT NULL);
      CREATE INDEX conversation_messages_conv ON conversation_messages(conversation_id, id);
      """, """
      ALTER TABLE conversation_messages ADD COLUMN channel TEXT;
      ALTER TABLE conversation_messages ADD COLUMN room TEXT;
      """);
  private static final int CACHED_CONVERSATIONS = 1_000;

  /** One stored message. */
  record Message(String role, String content) {
    ChatMessage toChat() {
      return "user".equals(role) ? UserMessage.from(content) : AiMessage.from(content);
    }
  }

  private final Database database;
  private final int limit;
  private final Map<String, Deque<Message>> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Message>> eldest) {
          return size() > CACHED_CONVERSATIONS;
        }
      });

  private ConversationStore(Database database, int limit) {
    this.database = database;
    this.limit = limit;
  }

  /** Creates the table if needed; {@code limit} is how many recent messages {@link #recent} returns. */
  public static Future<ConversationStore> open(Database database, int limit) {
    return database.migrate("conversations", MIGRATIONS).map(v -> new ConversationStore(database, limit));
  }

  @Override
  public Future<List<ChatMessage>> recent(String conversationId) {
    if (limit == 0) {
      return Future.succeededFuture(List.of());
    }
    Deque<Message> cached = cache.get(conversationId);
    if (cached != null) {
      synchronized (cached) {
        return Future.succeededFuture(cached.stream().map(Message::toChat).toList());
      }
    }
    return database.run(c -> {
      List<Message> rows = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("SELECT role, content FROM conversation_messages"
          + " WHERE conversation_id = ? ORDER BY id DESC LIMIT ?")) {
        select.setString(1, conversationId);
        select.setInt(2, limit);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            rows.add(0, new Message(r.getString(1), r.getString(2)));
          }
        }
      }
      return rows;
    }).map(rows -> {
      Deque<Message> loaded = cache.computeIfAbsent(conversationId, id -> new ArrayDeque<>(rows));
      synchronized (loaded) {
        return loaded.stream().map(Message::toChat).toList();
      }
    });
  }

  @Override
  public Future<Void> append(Utterance said, String assistantText) {
    String conversationId = said.conversationId();
    String userText = said.text();
    Deque<Message> cached = cache.get(conversationId);
    if (cached != null) {
      synchronized (cached) {
        cached.addLast(new Message("user", userText));
        cached.addLast(new Message("assistant", assistantText));
        while (cached.size() > limit) {
          cached.removeFirst();
        }
      }
    }
    long now = System.currentTimeMillis();
    return database.write(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversation_messages(conversation_id, role,"
          + " content, created_ms, channel, room) VALUES(?,?,?,?,?,?)")) {
        for (String[] m : new String[][] {{"user", userText}, {"assistant", assistantText}}) {
          insert.setString(1, conversationId);
          insert.setString(2, m[0]);
          insert.setString(3, m[1]);
          insert.setLong(4, now);
          insert.setString(5, said.channel().jsonName());
          insert.setString(6, said.room());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Future<List<ConversationSummary>> recent(int limit) {
    return database.run(c -> {
      List<ConversationSummary> list = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("SELECT m.conversation_id, m.created_ms, m.channel, m.room,"
          + " (SELECT content FROM conversation_messages f WHERE f.conversation_id = m.conversation_id"
          + " AND f.role = 'user' ORDER BY f.id LIMIT 1),"
          + " (SELECT COUNT(*) FROM conversation_messages n WHERE n.conversation_id = m.conversation_id"
          + " AND n.role = 'user')"
          + " FROM conversation_messages m WHERE m.id IN (SELECT MAX(id) FROM conversation_messages"
          + " GROUP BY conversation_id) ORDER BY m.id DESC LIMIT ?")) {
        select.setInt(1, limit);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            list.add(new ConversationSummary(r.getString(1), r.getString(5), r.getString(3), r.getString(4),
                r.getInt(6), Instant.ofEpochMilli(r.getLong(2))));
          }
        }
      }
      return list;
    });
  }

  @Override
  public Future<List<ConversationTurn>> turns(String conversationId, int limit) {
    return database.run(c -> {
      List<ConversationTurn> turns = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("SELECT role, content, created_ms, channel, room"
          + " FROM conversation_messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?")) {
        select.setString(1, conversationId);
        select.setInt(2, limit * 2);
        try (ResultSet r = select.executeQuery()) {
          String answer = null;
          while (r.next()) {
            if ("assistant".equals(r.getString(1))) {
              answer = r.getString(2);
            } else if (answer != null) {
              turns.add(0, new ConversationTurn(Instant.ofEpochMilli(r.getLong(3)), r.getString(4), r.getString(5),
                  r.getString(2), answer));
              answer = null;
            }
          }
        }
      }
      return turns;
    });
  }
}
