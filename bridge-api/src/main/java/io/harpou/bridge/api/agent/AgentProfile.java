package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.Ids;
import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.memory.MemoryScope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An agent made to measure: who it is (persona, language, voice), which model answers, which tools it may use, what
 * it remembers, and where it answers (rooms, satellites, a wake word, and the model id OpenAI clients pick it by).
 *
 * @param id lower-case letters, digits, '-' and '_', 1 to 64 characters; names it in URLs and as {@code agent_id}
 * @param name what people call it, 1 to 80 visible characters
 * @param persona its system prompt, 1 to 8000 characters
 * @param language the language it speaks, a language tag such as {@code fr}
 * @param model the named model that answers (one of {@code agent.models}, as routing names them); null to let the
 *     router choose
 * @param tools the tools it may use: names, or patterns where {@code *} stands for any characters ({@code home_*})
 * @param memoryScope what it remembers and recalls
 * @param voice the text-to-speech voice, or null for the engine's default
 * @param rooms the rooms (area ids or names) whose satellites it answers
 * @param satellites the satellites it answers
 * @param wakeWord the wake word that calls it, or null
 * @param openaiModel the {@code model} id OpenAI clients pick it by on {@code /v1}; its id when null
 * @param updatedAt when it was last saved, null before it is stored
 */
public record AgentProfile(String id, String name, String persona, String language, String model,
                           List<String> tools, MemoryScope memoryScope, String voice, List<String> rooms,
                           List<String> satellites, String wakeWord, String openaiModel, Instant updatedAt) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8}){0,4}");
  private static final Pattern TOOL = Pattern.compile("[a-z0-9_*]{1,64}");
  private static final Pattern SHORT = Pattern.compile("[\\p{L}\\p{N} ._:/-]{1,64}");
  private static final int MAX_PERSONA = 8000;
  private static final int MAX_LIST = 100;

  /**
   * Validates every field and fills the defaults (English, household memory, no tools).
   *
   * @throws IllegalArgumentException naming the first field that is wrong and why
   */
  public AgentProfile {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be 1 to 64 lower-case letters, digits, '-' or '_'");
    }
    name = Ids.require(Json.requireText(name, "name").strip(), "name");
    if (name.length() > 80) {
      throw new IllegalArgumentException("name must be at most 80 characters");
    }
    persona = Json.requireText(persona, "persona").strip();
    if (persona.length() > MAX_PERSONA) {
      throw new IllegalArgumentException("persona must be at most " + MAX_PERSONA + " characters");
    }
    language = language == null || language.isBlank() ? "en" : language;
    if (!LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("language must be a language tag such as en or fr-CA");
    }
    model = optional(model, "model");
    tools = list(tools, "tools", t -> TOOL.matcher(t).matches(), "snake_case tool names or patterns with *");
    memoryScope = memoryScope == null ? MemoryScope.HOUSEHOLD : memoryScope;
    voice = optional(voice, "voice");
    rooms = list(rooms, "rooms", r -> SHORT.matcher(r).matches(), "room names or area ids");
    satellites = list(satellites, "satellites", Ids::isValid, "satellite ids");
    wakeWord = optional(wakeWord, "wake_word");
    openaiModel = optional(openaiModel, "openai_model");
  }

  /** True when the profile lets its agent use {@code toolName}. */
  public boolean allows(String toolName) {
    return tools.stream().anyMatch(t -> matches(t, toolName));
  }

  /** True when {@code pattern} (a name, or a pattern with {@code *}) matches {@code toolName}. */
  public static boolean matches(String pattern, String toolName) {
    if (!pattern.contains("*")) {
      return pattern.equals(toolName);
    }
    return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")).matcher(toolName).matches();
  }

  /** A wake word as compared: lower case, with {@code _} and {@code -} read as spaces, spaces collapsed. */
  public static String wakeWordKey(String wakeWord) {
    return wakeWord.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').strip()
        .replaceAll("\\s+", " ");
  }

  /** The model id OpenAI clients pick this agent by. */
  public String modelId() {
    return openaiModel != null ? openaiModel : id;
  }

  /** The same profile, saved at {@code time}. */
  public AgentProfile savedAt(Instant time) {
    return new AgentProfile(id, name, persona, language, model, tools, memoryScope, voice, rooms, satellites, wakeWord,
        openaiModel, time);
  }

  /** The JSON form, as {@code /api/profiles} serves it; absent optionals are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("name", name).put("persona", persona)
        .put("language", language).put("tools", new JsonArray(tools))
        .put("memory_scope", memoryScope.jsonName()).put("rooms", new JsonArray(rooms))
        .put("satellites", new JsonArray(satellites)).put("openai_model", modelId());
    Json.putIfPresent(json, "model", model);
    Json.putIfPresent(json, "voice", voice);
    Json.putIfPresent(json, "wake_word", wakeWord);
    return Json.putIfPresent(json, "updated_at", updatedAt == null ? null : updatedAt.toString());
  }

  /**
   * Reads the JSON form; unknown keys are ignored.
   *
   * @throws IllegalArgumentException when a field is missing, of the wrong type or invalid
   */
  public static AgentProfile fromJson(JsonObject json) {
    try {
      String scope = json.getString("memory_scope");
      String updated = json.getString("updated_at");
      return new AgentProfile(json.getString("id"), json.getString("name"), json.getString("persona"),
          json.getString("language"), json.getString("model"), strings(json, "tools"),
          scope == null ? null : MemoryScope.fromJson(scope), json.getString("voice"), strings(json, "rooms"),
          strings(json, "satellites"), json.getString("wake_word"), json.getString("openai_model"),
          updated == null ? null : Instant.parse(updated));
    } catch (ClassCastException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("a profile field has the wrong type: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonObject json, String key) {
    JsonArray array = json.getJsonArray(key);
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw new IllegalArgumentException(key + " must be a list of strings");
      }
      out.add(text);
    }
    return out;
  }

  private static String optional(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!SHORT.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be 1 to 64 letters, digits, spaces or . _ : / -");
    }
    return value;
  }

  private static List<String> list(List<String> values, String what, java.util.function.Predicate<String> valid,
                                   String expected) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_LIST) {
      throw new IllegalArgumentException(what + " may hold at most " + MAX_LIST + " entries");
    }
    for (String value : values) {
      if (value == null || !valid.test(value)) {
        throw new IllegalArgumentException(what + " must be " + expected + ": '"
            + (value == null ? "null" : value.length() > 64 ? value.substring(0, 64) : value) + "' is not");
      }
    }
    return List.copyOf(values);
  }
}
