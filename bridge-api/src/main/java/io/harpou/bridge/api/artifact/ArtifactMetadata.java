package io.harpou.bridge.api.artifact;

import io.harpou.bridge.api.Ids;
import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an artifact is and where it came from, given when it is stored.
 *
 * @param contentType its media type, such as {@code image/png} (lower-cased; parameters are not kept)
 * @param source what made it: a tool and its subject, such as {@code camera.front_door} or {@code comfyui}
 * @param user who asked for it (an API key's name, a speaker), or null
 * @param conversationId the conversation whose turn made it, or null
 * @param channel the channel of that turn ({@code http}, {@code satellite}, ...), or null
 * @param room the room of that turn, or null
 * @param retention how long to keep it, or null for the store's default (the store caps it at its maximum)
 */
public record ArtifactMetadata(String contentType, String source, String user, String conversationId, String channel,
                               String room, Duration retention) {

  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");

  /**
   * Validates the media type and the ids.
   *
   * @throws IllegalArgumentException when the content type is not {@code type/subtype}, an id breaks the rule of
   *     {@link Ids}, or the retention is not positive
   */
  public ArtifactMetadata {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!MEDIA_TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("an artifact's content type must be type/subtype, such as image/png");
    }
    contentType = type;
    Ids.require(source, "artifact source");
    optionalId(user, "user");
    optionalId(conversationId, "conversation_id");
    optionalId(channel, "channel");
    optionalId(room, "room");
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException("an artifact's retention must be positive");
    }
  }

  /** Metadata for something made on behalf of {@code utterance}, kept for the store's default retention. */
  public static ArtifactMetadata of(String contentType, String source, Utterance utterance) {
    return new ArtifactMetadata(contentType, source, utterance.user(), utterance.conversationId(),
        utterance.channel().jsonName(), utterance.room(), null);
  }

  /** The same metadata with another retention. */
  public ArtifactMetadata withRetention(Duration keep) {
    return new ArtifactMetadata(contentType, source, user, conversationId, channel, room, keep);
  }

  /** True for images, which the console shows and vision models read. */
  public boolean isImage() {
    return contentType.startsWith("image/");
  }

  /** The JSON form; absent optionals are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("content_type", contentType).put("source", source);
    Json.putIfPresent(json, "user", user);
    Json.putIfPresent(json, "conversation_id", conversationId);
    Json.putIfPresent(json, "channel", channel);
    Json.putIfPresent(json, "room", room);
    return Json.putIfPresent(json, "retention_seconds", retention == null ? null : retention.toSeconds());
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static ArtifactMetadata fromJson(JsonObject json) {
    Long seconds = json.getLong("retention_seconds");
    return new ArtifactMetadata(json.getString("content_type"), json.getString("source"), json.getString("user"),
        json.getString("conversation_id"), json.getString("channel"), json.getString("room"),
        seconds == null ? null : Duration.ofSeconds(seconds));
  }

  private static void optionalId(String value, String what) {
    if (value != null) {
      Ids.require(value, "artifact " + what);
    }
  }
}
