package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.putIfSet;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireStrings;
import static io.harpou.wyoming.impl.Fields.string;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A wake word model.
 *
 * @param artifact name, attribution, installed, description, version
 * @param languages the languages, required (may be empty)
 * @param phrase the spoken phrase (Home Assistant maps detections to it), or {@code null}
 */
public record WakeModel(Artifact artifact, List<String> languages, String phrase) {

  /** Checks the fields are present and copies the languages. */
  public WakeModel {
    requireNonNull(artifact, "artifact");
    languages = List.copyOf(requireNonNull(languages, "languages"));
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return putIfSet(artifact.writeTo(new JsonObject()).put("languages", List.copyOf(languages)), "phrase", phrase);
  }

  /**
   * Reads a wake model.
   *
   * @param json the JSON form
   * @return the model
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static WakeModel fromJson(JsonObject json) {
    return new WakeModel(Artifact.fromJson(json), requireStrings(json, "languages"), string(json, "phrase"));
  }
}
