package io.harpou.bridge.vertx.settings;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a household may change while Harpou runs, from the console's Settings: the agent's persona, whether the model
 * thinks before answering, the language replies default to, and the entities hidden from the agent or protected by a
 * confirmation. The agent reads them at each turn.
 *
 * @param persona the agent's instructions, at the head of its system message; not blank, at most
 *     {@link #MAX_PERSONA} characters
 * @param thinking true or false to turn the model's thinking on or off, null to leave the model's own default
 * @param language the language replies default to ({@code en} or {@code fr}) unless the text is clearly in another,
 *     or null for the language of each request
 * @param hiddenEntities entities the agent may not act on, whatever asks (at most {@link #MAX_ENTITIES})
 * @param protectedEntities entities acted on only after a confirmation (at most {@link #MAX_ENTITIES})
 */
public record HouseholdSettings(String persona, Boolean thinking, String language, Set<String> hiddenEntities,
                                Set<String> protectedEntities) {

  /** The longest persona, in characters: enough for a page of instructions, small beside any model's window. */
  public static final int MAX_PERSONA = 4_000;
  /** The most entities either list holds. */
  public static final int MAX_ENTITIES = 500;
  /** The languages a reply may default to. */
  public static final List<String> LANGUAGES = List.of("en", "fr");
  /** The keys of the JSON form. */
  public static final Set<String> KEYS = Set.of("persona", "thinking", "language", "hidden_entities",
      "protected_entities");
  private static final Pattern ENTITY_ID = Pattern.compile("[a-z0-9_]{1,64}\\.[a-z0-9_]{1,128}");

  /**
   * Validates every value.
   *
   * @throws IllegalArgumentException saying which value is wrong and what is allowed
   */
  public HouseholdSettings {
    Objects.requireNonNull(persona, "persona");
    if (persona.isBlank() || persona.length() > MAX_PERSONA) {
      throw new IllegalArgumentException("persona must be 1 to " + MAX_PERSONA + " characters");
    }
    if (language != null && !LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be one of " + LANGUAGES + " or null");
    }
    hiddenEntities = entities("hidden_entities", hiddenEntities);
    protectedEntities = entities("protected_entities", protectedEntities);
  }

  private static Set<String> entities(String key, Set<String> ids) {
    if (ids == null) {
      return Set.of();
    }
    if (ids.size() > MAX_ENTITIES) {
      throw new IllegalArgumentException(key + " may hold at most " + MAX_ENTITIES + " entities");
    }
    for (String id : ids) {
      if (id == null || !ENTITY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(key + ": '" + id + "' is not an entity id such as light.kitchen");
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
  }

  /**
   * These settings with the keys {@code json} holds replaced ({@code thinking} and {@code language} may be null to
   * clear them); other keys are ignored.
   *
   * @throws IllegalArgumentException when a value has the wrong type or is not allowed
   */
  public HouseholdSettings with(JsonObject json) {
    try {
      return new HouseholdSettings(json.containsKey("persona") ? json.getString("persona") : persona,
          json.containsKey("thinking") ? json.getBoolean("thinking") : thinking,
          json.containsKey("language") ? json.getString("language") : language,
          json.containsKey("hidden_entities") ? strings(json.getJsonArray("hidden_entities")) : hiddenEntities,
          json.containsKey("protected_entities") ? strings(json.getJsonArray("protected_entities"))
              : protectedEntities);
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("persona and language are strings, thinking true, false or null, and"
          + " hidden_entities and protected_entities lists of entity ids");
    }
  }

  private static Set<String> strings(JsonArray array) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(array.getString(i));
    }
    return out;
  }

  /** The JSON form; {@code thinking} and {@code language} are null when unset. */
  public JsonObject toJson() {
    return new JsonObject().put("persona", persona).put("thinking", thinking).put("language", language)
        .put("hidden_entities", new JsonArray(List.copyOf(hiddenEntities)))
        .put("protected_entities", new JsonArray(List.copyOf(protectedEntities)));
  }
}
