package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireObjects;

import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An intent recognition program.
 *
 * @param artifact name, attribution, installed, description, version
 * @param models its models, required (may be empty)
 */
public record IntentProgram(Artifact artifact, List<Model> models) {

  /** Checks the fields are present and copies the models. */
  public IntentProgram {
    requireNonNull(artifact, "artifact");
    models = List.copyOf(requireNonNull(models, "models"));
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return artifact.writeTo(new JsonObject()).put("models", Fields.toArray(models, Model::toJson));
  }

  /**
   * Reads a program.
   *
   * @param json the JSON form
   * @return the program
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static IntentProgram fromJson(JsonObject json) {
    return new IntentProgram(Artifact.fromJson(json), requireObjects(json, "models", Model::fromJson));
  }
}
