package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.bool;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireObjects;

import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A speech-to-text program.
 *
 * @param artifact name, attribution, installed, description, version
 * @param models its models, required (may be empty)
 * @param supportsTranscriptStreaming whether it sends {@code transcript-chunk} events
 * @param requiresExternalVad whether the client must cut the audio at the end of speech (default true)
 * @param prefersAutoGainEnabled whether it wants the client's auto gain on (default true)
 * @param prefersNoiseReductionEnabled whether it wants the client's noise reduction on (default true)
 */
public record AsrProgram(Artifact artifact, List<Model> models, boolean supportsTranscriptStreaming,
    boolean requiresExternalVad, boolean prefersAutoGainEnabled, boolean prefersNoiseReductionEnabled) {

  /** Checks the fields are present and copies the models. */
  public AsrProgram {
    requireNonNull(artifact, "artifact");
    models = List.copyOf(requireNonNull(models, "models"));
  }

  /**
   * Creates a program with the reference defaults for the audio preferences and no streaming.
   *
   * @param artifact the shared fields
   * @param models the models
   */
  public AsrProgram(Artifact artifact, List<Model> models) {
    this(artifact, models, false, true, true, true);
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return artifact.writeTo(new JsonObject()).put("models", Fields.toArray(models, Model::toJson))
        .put("supports_transcript_streaming", supportsTranscriptStreaming)
        .put("requires_external_vad", requiresExternalVad)
        .put("prefers_auto_gain_enabled", prefersAutoGainEnabled)
        .put("prefers_noise_reduction_enabled", prefersNoiseReductionEnabled);
  }

  /**
   * Reads a program.
   *
   * @param json the JSON form
   * @return the program
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static AsrProgram fromJson(JsonObject json) {
    return new AsrProgram(Artifact.fromJson(json), requireObjects(json, "models", Model::fromJson),
        bool(json, "supports_transcript_streaming", false), bool(json, "requires_external_vad", true),
        bool(json, "prefers_auto_gain_enabled", true), bool(json, "prefers_noise_reduction_enabled", true));
  }
}
