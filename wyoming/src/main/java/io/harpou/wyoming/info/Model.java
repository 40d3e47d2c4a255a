package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireStrings;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A model of a speech-to-text, intent or handle program.
 *
 * @param artifact name, attribution, installed, description, version
 * @param languages the languages it understands, required (may be empty)
 */
public record Model(Artifact artifact, List<String> languages) {

  /** Checks the fields are present and copies the languages. */
  public Model {
    requireNonNull(artifact, "artifact");
    languages = List.copyOf(requireNonNull(languages, "languages"));
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return artifact.writeTo(new JsonObject()).put("languages", List.copyOf(languages));
  }

  /**
   * Reads a model.
   *
   * @param json the JSON form
   * @return the model
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static Model fromJson(JsonObject json) {
    return new Model(Artifact.fromJson(json), requireStrings(json, "languages"));
  }
}
