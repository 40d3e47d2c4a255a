package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.Ulid;
import io.harpou.bridge.api.agent.ChatHistory.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives each OpenAI chat its own conversation id, so that two chats never share state (a pending confirmation above
 * all), however alike they start. Clients send no chat id unless told to, so a chat is recognised by its exchange:
 * after each answer, the exchange so far is remembered with its conversation id, and a request continues that
 * conversation only when everything before its new message is exactly a remembered exchange. A new chat, an edited
 * message, or an exchange that two chats share word for word gets a fresh id, which is the safe side: a "yes" is never
 * taken for an answer to another chat's question. The exchange is scoped by the asker and by the client's own chat id
 * header when it sends one, which can only keep chats apart, never join them. Reasoning blocks that clients fold into
 * assistant messages and differences of white space are ignored.
 */
final class ChatIdentities {

  /** How many answered exchanges are remembered: a household's recent chats, in about two megabytes. */
  private static final int REMEMBERED = 10_000;
  private static final String AMBIGUOUS = "";
  private static final Pattern REASONING = Pattern.compile(
      "(?is)<think>.*?</think>|<details\\s+type=\"reasoning\".*?</details>");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Map<String, String> byExchange = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      });

  /** The conversation that {@code earlier}, the messages before a request's new one, continues; else a fresh id. */
  String conversationFor(String scope, List<Message> earlier) {
    String id = earlier.isEmpty() ? null : byExchange.get(key(scope, earlier));
    return id == null || id.equals(AMBIGUOUS) ? "openai-" + Ulid.next() : id;
  }

  /** Remembers that {@code exchange}, ending with Harpou's answer exactly as sent, belongs to the conversation. */
  void answered(String scope, List<Message> exchange, String conversationId) {
    byExchange.merge(key(scope, exchange), conversationId, (old, now) -> old.equals(now) ? old : AMBIGUOUS);
  }

  private static String key(String scope, List<Message> messages) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update((scope == null ? "" : scope).getBytes(StandardCharsets.UTF_8));
    for (Message message : messages) {
      digest.update((byte) 0);
      digest.update(message.role().name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(normalise(message.text()).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String normalise(String text) {
    return SPACES.matcher(REASONING.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
  }
}
