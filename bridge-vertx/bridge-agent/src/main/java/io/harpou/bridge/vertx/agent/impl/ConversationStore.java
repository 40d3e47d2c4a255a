package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversation history in the embedded database, with the recent turns of active conversations cached in memory (one
 * hub writes this file, so its cache is never stale).
 */
public final class ConversationStore implements ConversationHistory {

  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE conversation_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL,
        role TEXT NOT NULL, content TEXT NOT NULL, created_ms INTEGER NOT NULL);
      CREATE INDEX conversation_messages_conv ON conversation_messages(conversation_id, id);
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
  public Future<Void> append(String conversationId, String userText, String assistantText) {
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
          + " content, created_ms) VALUES(?,?,?,?)")) {
        for (String[] m : new String[][] {{"user", userText}, {"assistant", assistantText}}) {
          insert.setString(1, conversationId);
          insert.setString(2, m[0]);
          insert.setString(3, m[1]);
          insert.setLong(4, now);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }
}
