package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.bool;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireObjects;

import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An intent handling program: Home Assistant makes it a conversation agent.
 *
 * @param artifact name, attribution, installed, description, version
 * @param models its models, required (may be empty)
 * @param supportsHandledStreaming whether it sends {@code handled-chunk} events
 * @param supportsHomeControl whether it controls the home (Home Assistant then grants it the control feature)
 */
public record HandleProgram(Artifact artifact, List<Model> models, boolean supportsHandledStreaming,
    boolean supportsHomeControl) {

  /** Checks the fields are present and copies the models. */
  public HandleProgram {
    requireNonNull(artifact, "artifact");
    models = List.copyOf(requireNonNull(models, "models"));
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return artifact.writeTo(new JsonObject()).put("models", Fields.toArray(models, Model::toJson))
        .put("supports_handled_streaming", supportsHandledStreaming)
        .put("supports_home_control", supportsHomeControl);
  }

  /**
   * Reads a program.
   *
   * @param json the JSON form
   * @return the program
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static HandleProgram fromJson(JsonObject json) {
    return new HandleProgram(Artifact.fromJson(json), requireObjects(json, "models", Model::fromJson),
        bool(json, "supports_handled_streaming", false), bool(json, "supports_home_control", false));
  }
}
