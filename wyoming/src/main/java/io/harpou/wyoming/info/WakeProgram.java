package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireObjects;

import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A wake word detection program.
 *
 * @param artifact name, attribution, installed, description, version
 * @param models its wake word models, required (may be empty)
 */
public record WakeProgram(Artifact artifact, List<WakeModel> models) {

  /** Checks the fields are present and copies the models. */
  public WakeProgram {
    requireNonNull(artifact, "artifact");
    models = List.copyOf(requireNonNull(models, "models"));
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return artifact.writeTo(new JsonObject()).put("models", Fields.toArray(models, WakeModel::toJson));
  }

  /**
   * Reads a program.
   *
   * @param json the JSON form
   * @return the program
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static WakeProgram fromJson(JsonObject json) {
    return new WakeProgram(Artifact.fromJson(json), requireObjects(json, "models", WakeModel::fromJson));
  }
}
