package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.bool;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireObjects;

import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A text-to-speech program.
 *
 * @param artifact name, attribution, installed, description, version
 * @param voices its voices, required (may be empty)
 * @param supportsSynthesizeStreaming whether it accepts {@code synthesize-start/chunk/stop}
 */
public record TtsProgram(Artifact artifact, List<TtsVoice> voices, boolean supportsSynthesizeStreaming) {

  /** Checks the fields are present and copies the voices. */
  public TtsProgram {
    requireNonNull(artifact, "artifact");
    voices = List.copyOf(requireNonNull(voices, "voices"));
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return artifact.writeTo(new JsonObject()).put("voices", Fields.toArray(voices, TtsVoice::toJson))
        .put("supports_synthesize_streaming", supportsSynthesizeStreaming);
  }

  /**
   * Reads a program.
   *
   * @param json the JSON form
   * @return the program
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static TtsProgram fromJson(JsonObject json) {
    return new TtsProgram(Artifact.fromJson(json), requireObjects(json, "voices", TtsVoice::fromJson),
        bool(json, "supports_synthesize_streaming", false));
  }
}
