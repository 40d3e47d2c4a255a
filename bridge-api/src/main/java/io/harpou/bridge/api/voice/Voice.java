package io.harpou.bridge.api.voice;

import io.harpou.bridge.api.Json;
import java.util.List;

/**
 * A voice a {@link TtsService} can speak with.
 *
 * @param name the voice's name, for example {@code en} or {@code fr-fr}
 * @param description for people
 * @param languages the languages it speaks
 */
public record Voice(String name, String description, List<String> languages) {

  /** Validates the name and copies the languages. */
  public Voice {
    Json.requireText(name, "voice name");
    description = description == null ? name : description;
    languages = languages == null ? List.of() : List.copyOf(languages);
  }
}
