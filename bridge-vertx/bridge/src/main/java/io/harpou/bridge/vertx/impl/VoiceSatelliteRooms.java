package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.vertx.http.SatelliteRooms;
import io.harpou.bridge.vertx.voice.Satellite;
import io.harpou.bridge.vertx.voice.Satellites;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The HTTP API's view of the satellites voice knows, read at each call, so it follows voice as it runs. */
final class VoiceSatelliteRooms implements SatelliteRooms {

  private final Supplier<Optional<Satellites>> voice;

  /** A view of the satellites {@code voice} gives, empty while voice does not run. */
  VoiceSatelliteRooms(Supplier<Optional<Satellites>> voice) {
    this.voice = voice;
  }

  @Override
  public Optional<Entry> find(String id) {
    return voice.get().flatMap(known -> known.get(id)).map(satellite -> new Entry(satellite.room()));
  }

  @Override
  public List<JsonObject> list() {
    return voice.get().map(known -> known.list().stream().map(Satellite::toJson).toList()).orElse(List.of());
  }
}
