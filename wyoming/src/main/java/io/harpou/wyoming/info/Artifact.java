package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.requireBool;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireObject;
import static io.harpou.wyoming.impl.Fields.requireString;
import static io.harpou.wyoming.impl.Fields.string;

import io.vertx.core.json.JsonObject;

/**
 * The fields every program, model and voice of an {@code info} shares.
 *
 * @param name the name, required
 * @param attribution who made it, required
 * @param installed whether it can be used now; Home Assistant only uses installed things
 * @param description a human description, or {@code null}
 * @param version a version, or {@code null}
 */
public record Artifact(String name, Attribution attribution, boolean installed, String description,
    String version) {

  /** Checks the required fields. */
  public Artifact {
    requireNonNull(name, "name");
    requireNonNull(attribution, "attribution");
  }

  /**
   * Creates an installed artifact without description or version.
   *
   * @param name the name
   * @param attribution who made it
   * @return the artifact
   */
  public static Artifact installed(String name, Attribution attribution) {
    return new Artifact(name, attribution, true, null, null);
  }

  /**
   * Writes the shared fields into a JSON object, {@code description} and {@code version} included even when null,
   * as the reference writer does.
   *
   * @param json the object to fill
   * @return the same object
   */
  public JsonObject writeTo(JsonObject json) {
    return json.put("name", name).put("attribution", attribution.toJson()).put("installed", installed)
        .put("description", description).put("version", version);
  }

  /**
   * Reads the shared fields of a program, model or voice.
   *
   * @param json its JSON form
   * @return the artifact
   * @throws io.harpou.wyoming.WyomingException when {@code name}, {@code attribution} or {@code installed} is
   *     missing
   */
  public static Artifact fromJson(JsonObject json) {
    return new Artifact(requireString(json, "name"), Attribution.fromJson(requireObject(json, "attribution")),
        requireBool(json, "installed"), string(json, "description"), string(json, "version"));
  }
}
