package io.harpou.bridge.vertx.mqtt.impl;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command from the broker passes before it is read: not retained (Home Assistant never retains a command,
 * so a retained one is someone's leftover that would replay on every connection), at most 1 KiB, valid UTF-8 without
 * control characters, and within the commands allowed per minute on its topic (so a flood of sentences never keeps a
 * switch from working). A refusal is logged at most once a minute.
 */
final class CommandDoor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandDoor.class);
  /** Longest command payload: 255 characters of text take at most 1020 bytes of UTF-8. */
  static final int MAX_BYTES = 1024;
  private static final long MINUTE_NANOS = 60_000_000_000L;

  /** Topics whose rate is tracked at most; past that the oldest counts are forgotten. */
  private static final int MAX_TOPICS = 256;

  private final int perMinute;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>();
  private long lastWarning;
  private long refused;

  CommandDoor(int perMinute) {
    this.perMinute = perMinute;
  }

  /** The payload as text when the command may pass; empty (and counted) when refused. */
  Optional<String> admit(String topic, Buffer payload, boolean retained) {
    String why = null;
    String text = null;
    if (retained) {
      why = "it was retained";
    } else if (payload.length() > MAX_BYTES) {
      why = "its payload has " + payload.length() + " bytes (at most " + MAX_BYTES + ")";
    } else {
      text = decode(payload);
      if (text == null) {
        why = "its payload is not text";
      } else if (!take(topic)) {
        why = "more than " + perMinute + " commands came within a minute on this topic";
      }
    }
    if (why != null) {
      refuse(topic, why);
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** How many commands were refused since start. */
  long refused() {
    return refused;
  }

  private boolean take(String topic) {
    Bucket bucket = buckets.get(topic);
    if (bucket == null) {
      if (buckets.size() >= MAX_TOPICS) {
        buckets.remove(buckets.keySet().iterator().next());
      }
      bucket = new Bucket(perMinute);
      buckets.put(topic, bucket);
    }
    return bucket.take(perMinute);
  }

  /** A token bucket refilled at {@code perMinute} a minute. */
  private static final class Bucket {
    private double tokens;
    private long refilledAt = System.nanoTime();

    Bucket(int perMinute) {
      tokens = perMinute;
    }

    boolean take(int perMinute) {
      long now = System.nanoTime();
      tokens = Math.min(perMinute, tokens + (now - refilledAt) * (double) perMinute / MINUTE_NANOS);
      refilledAt = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  private void refuse(String topic, String why) {
    refused++;
    long now = System.nanoTime();
    if (lastWarning == 0 || now - lastWarning > MINUTE_NANOS) {
      lastWarning = now;
      LOG.warn("Ignored an MQTT command on {}: {} ({} refused so far)", topic.length() > 200 ? topic.substring(0, 200)
          : topic, why, refused);
    }
  }

  /** Strict UTF-8 without control characters, or null. */
  private static String decode(Buffer payload) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload.getBytes())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return null;
      }
    }
    return text;
  }
}
