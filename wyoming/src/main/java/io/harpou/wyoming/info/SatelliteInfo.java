package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.bool;
import static io.harpou.wyoming.impl.Fields.integer;
import static io.harpou.wyoming.impl.Fields.putIfSet;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.string;
import static io.harpou.wyoming.impl.Fields.strings;

import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The satellite part of an {@code info}: present when the service is a satellite.
 *
 * @param artifact name, attribution, installed, description, version
 * @param area the room it sits in, or {@code null}
 * @param hasVad whether it detects speech itself, or {@code null}
 * @param activeWakeWords the wake words it listens for, or {@code null}
 * @param maxActiveWakeWords how many wake words it can listen for at once, or {@code null}
 * @param supportsTrigger whether it can be started remotely, or {@code null}
 */
public record SatelliteInfo(Artifact artifact, String area, Boolean hasVad, List<String> activeWakeWords,
    Integer maxActiveWakeWords, Boolean supportsTrigger) {

  /** Checks the artifact is present and copies the wake words. */
  public SatelliteInfo {
    requireNonNull(artifact, "artifact");
    activeWakeWords = Fields.copy(activeWakeWords);
  }

  /**
   * Returns the JSON form; unset optional fields are left out.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonObject json = artifact.writeTo(new JsonObject());
    putIfSet(json, "area", area);
    putIfSet(json, "has_vad", hasVad);
    putIfSet(json, "active_wake_words", Fields.toArray(activeWakeWords));
    putIfSet(json, "max_active_wake_words", maxActiveWakeWords);
    putIfSet(json, "supports_trigger", supportsTrigger);
    return json;
  }

  /**
   * Reads the satellite part.
   *
   * @param json the JSON form
   * @return the satellite
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static SatelliteInfo fromJson(JsonObject json) {
    return new SatelliteInfo(Artifact.fromJson(json), string(json, "area"), bool(json, "has_vad"),
        strings(json, "active_wake_words"), integer(json, "max_active_wake_words"), bool(json, "supports_trigger"));
  }
}
