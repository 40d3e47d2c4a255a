package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.Ids;
import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.Ulid;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * One thing a person said or typed, with where it came from.
 *
 * <p>The ids (conversation, satellite, user) follow the one rule of {@link Ids}, and the language is a language tag,
 * so nothing a client sends here can forge a log line or an event.
 *
 * @param text what was said, never blank
 * @param language a BCP-47 language tag such as {@code en} or {@code fr}
 * @param conversationId groups turns into a conversation; a new ULID when absent, as Home Assistant does
 * @param channel where it came from
 * @param room the speaker's room (area id or name), or null when unknown
 * @param satellite the satellite that heard it, or null
 * @param user who said it, or null when unknown
 * @param peer the network address (an IP literal) of the unauthenticated peer that sent it, such as Home Assistant
 *     or a satellite connecting to the Wyoming server; null when it came through an authenticated door, a device
 *     the configuration named, or the application itself. The policy decides per channel which peers may act on
 *     locks, alarms and garage doors.
 * @param agentId the agent profile asked for by name ({@code agent_id}, an OpenAI {@code model}), or null to let
 *     the satellite or room decide (see {@link AgentProfiles#forUtterance})
 */
public record Utterance(String text, String language, String conversationId, Channel channel, String room,
                        String satellite, String user, String peer, String agentId) {

  /** Letters, digits, '-' and '_': {@code en}, {@code fr-CA}, {@code zh-Hans}, {@code en_US}. */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8}){0,4}");

  /**
   * Validates the text and the ids and fills the defaults: English, a new conversation id, the embedded channel.
   *
   * @throws IllegalArgumentException when the text is blank, an id breaks the rule of {@link Ids} or the language is
   *     not a language tag
   */
  public Utterance {
    Json.requireText(text, "utterance text");
    language = language == null || language.isBlank() ? "en" : language;
    if (!LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("language must be a language tag such as en or fr-CA");
    }
    conversationId = conversationId == null || conversationId.isBlank()
        ? Ulid.next() : Ids.require(conversationId, "conversation_id");
    if (satellite != null) {
      Ids.require(satellite, "satellite id");
    }
    if (user != null) {
      Ids.require(user, "user");
    }
    channel = channel == null ? Channel.EMBEDDED : channel;
    peer = peer == null || peer.isBlank() ? null : peer;
    agentId = agentId == null || agentId.isBlank() ? null : Ids.require(agentId, "agent_id");
  }

  /** An utterance that names no agent profile. */
  public Utterance(String text, String language, String conversationId, Channel channel, String room,
                   String satellite, String user, String peer) {
    this(text, language, conversationId, channel, room, satellite, user, peer, null);
  }

  /** An utterance that did not come from a network peer. */
  public Utterance(String text, String language, String conversationId, Channel channel, String room,
                   String satellite, String user) {
    this(text, language, conversationId, channel, room, satellite, user, null);
  }

  /** An utterance in English on the embedded channel, in a new conversation. */
  public static Utterance of(String text) {
    return new Utterance(text, null, null, null, null, null, null);
  }

  /** The same utterance with other text, in the same conversation. */
  public Utterance withText(String other) {
    return new Utterance(other, language, conversationId, channel, room, satellite, user, peer, agentId);
  }


  /** The same utterance as sent by the network peer at {@code address}. */
  public Utterance withPeer(String address) {
    return new Utterance(text, language, conversationId, channel, room, satellite, user, address, agentId);
  }

  /** The same utterance addressed to the agent profile {@code id} (null for none). */
  public Utterance withAgent(String id) {
    return new Utterance(text, language, conversationId, channel, room, satellite, user, peer, id);
  }

  /** The JSON form; absent optionals are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("text", text)
        .put("language", language)
        .put("conversation_id", conversationId)
        .put("channel", channel.jsonName());
    Json.putIfPresent(json, "room", room);
    Json.putIfPresent(json, "satellite", satellite);
    Json.putIfPresent(json, "peer", peer);
    Json.putIfPresent(json, "agent_id", agentId);
    return Json.putIfPresent(json, "user", user);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static Utterance fromJson(JsonObject json) {
    String channel = json.getString("channel");
    return new Utterance(json.getString("text"), json.getString("language"), json.getString("conversation_id"),
        channel == null ? null : Channel.fromJson(channel), json.getString("room"), json.getString("satellite"),
        json.getString("user"), json.getString("peer"), json.getString("agent_id"));
  }
}
