package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.objects;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireString;
import static io.harpou.wyoming.impl.Fields.requireStrings;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A text-to-speech voice.
 *
 * @param artifact name, attribution, installed, description, version
 * @param languages the languages, required (may be empty)
 * @param speakers the speaker names of a multi-speaker voice, or {@code null}
 */
public record TtsVoice(Artifact artifact, List<String> languages, List<String> speakers) {

  /** Checks the fields are present and copies the lists. */
  public TtsVoice {
    requireNonNull(artifact, "artifact");
    languages = List.copyOf(requireNonNull(languages, "languages"));
    speakers = speakers == null ? null : List.copyOf(speakers);
  }

  /**
   * Returns the JSON form; speakers are written as {@code [{"name": ...}]}, or {@code null}.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonArray speakerArray = null;
    if (speakers != null) {
      speakerArray = new JsonArray();
      for (String speaker : speakers) {
        speakerArray.add(new JsonObject().put("name", speaker));
      }
    }
    return artifact.writeTo(new JsonObject()).put("languages", List.copyOf(languages)).put("speakers", speakerArray);
  }

  /**
   * Reads a voice.
   *
   * @param json the JSON form
   * @return the voice
   * @throws io.harpou.wyoming.WyomingException when a required key is missing
   */
  public static TtsVoice fromJson(JsonObject json) {
    return new TtsVoice(Artifact.fromJson(json), requireStrings(json, "languages"),
        objects(json, "speakers", s -> requireString(s, "name")));
  }
}
