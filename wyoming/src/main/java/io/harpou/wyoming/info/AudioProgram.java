package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireObject;

import io.vertx.core.json.JsonObject;

/**
 * A microphone ({@code mic}) or sound output ({@code snd}) program: which one is decided by the {@code info} list it
 * sits in, and its format travels as {@code mic_format} or {@code snd_format}.
 *
 * @param artifact name, attribution, installed, description, version
 * @param format the audio format it produces or plays, required
 */
public record AudioProgram(Artifact artifact, DeviceFormat format) {

  /** Checks the fields are present. */
  public AudioProgram {
    requireNonNull(artifact, "artifact");
    requireNonNull(format, "format");
  }

  /**
   * Returns the JSON form with the format under the given key.
   *
   * @param formatKey {@code "mic_format"} or {@code "snd_format"}
   * @return a new JSON object
   */
  public JsonObject toJson(String formatKey) {
    return artifact.writeTo(new JsonObject()).put(formatKey, format.toJson());
  }

  /**
   * Reads a program whose format is under the given key.
   *
   * @param json the JSON form
   * @param formatKey {@code "mic_format"} or {@code "snd_format"}
   * @return the program
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static AudioProgram fromJson(JsonObject json, String formatKey) {
    return new AudioProgram(Artifact.fromJson(json), DeviceFormat.fromJson(requireObject(json, formatKey)));
  }
}
