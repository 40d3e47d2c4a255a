package io.harpou.bridge.vertx.mqtt;

import io.harpou.bridge.api.Json;

/**
 * A satellite as Home Assistant sees it through MQTT: its own device, in its room.
 *
 * @param id the satellite's id
 * @param room its room, or null when unknown
 * @param state its session state ({@code idle}, {@code listening}, ..., {@code disconnected})
 */
public record MqttSatellite(String id, String room, String state) {

  /** Requires the id and the state. */
  public MqttSatellite {
    Json.requireText(id, "satellite id");
    Json.requireText(state, "satellite state");
  }
}
