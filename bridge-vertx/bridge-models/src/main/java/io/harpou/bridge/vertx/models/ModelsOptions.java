package io.harpou.bridge.vertx.models;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models an agent may use, read from the {@code agent} section: every entry of {@code models} (name to
 * {@link ModelSpec section}), then the single-model sections kept from before there were several ({@code provider}
 * named by its id, {@code ollama} named {@code ollama}, {@code openai} named {@code openai}, {@code azure_openai}
 * named {@code azure}) when their name is not taken; the {@code routing} section; and how long a failed model rests
 * ({@code model_backoff_ms}, doubling on each failure in a row up to {@code model_max_backoff_ms}).
 *
 * @param models the models, in the order configured
 * @param routing the routing section
 * @param backoffMillis how long a model that failed is passed over at first
 * @param maxBackoffMillis the longest it is passed over
 */
public record ModelsOptions(List<ModelSpec> models, RoutingOptions routing, long backoffMillis,
                            long maxBackoffMillis) {

  /** The first rest of a failed model. */
  public static final long DEFAULT_BACKOFF_MS = 15_000;
  /** The longest rest of a failed model. */
  public static final long DEFAULT_MAX_BACKOFF_MS = 300_000;

  /** Copies the list and checks the values. */
  public ModelsOptions {
    models = List.copyOf(models);
    if (backoffMillis < 0 || maxBackoffMillis < backoffMillis) {
      throw new IllegalArgumentException("model_backoff_ms must be 0..model_max_backoff_ms");
    }
    if (models.stream().map(ModelSpec::name).distinct().count() != models.size()) {
      throw new IllegalArgumentException("two models have the same name");
    }
  }

  /**
   * Reads the models of an {@code agent} section.
   *
   * @throws IllegalArgumentException when a model, the routing or the backoff is malformed
   */
  public static ModelsOptions fromAgentSection(JsonObject agent) {
    Map<String, ModelSpec> models = new LinkedHashMap<>();
    JsonObject named = agent.getJsonObject("models", new JsonObject());
    for (String name : named.fieldNames()) {
      if (!(named.getValue(name) instanceof JsonObject section)) {
        throw new IllegalArgumentException("agent.models." + name + " must be an object");
      }
      models.put(name, ModelSpec.fromJson(name, section));
    }
    JsonObject provider = agent.getJsonObject("provider", new JsonObject());
    if (provider.getString("id") != null) {
      single(models, provider.getString("id"), provider.copy().put("provider", provider.getString("id")));
    }
    single(models, "ollama", withProvider(agent.getJsonObject("ollama"), "ollama", "url"));
    single(models, "openai", withProvider(agent.getJsonObject("openai"), "openai", "url"));
    single(models, "azure", withProvider(agent.getJsonObject("azure_openai"), "azure-openai", "endpoint"));
    return new ModelsOptions(new ArrayList<>(models.values()),
        RoutingOptions.fromJson(agent.getJsonObject("routing", new JsonObject())),
        agent.getLong("model_backoff_ms", DEFAULT_BACKOFF_MS),
        agent.getLong("model_max_backoff_ms", DEFAULT_MAX_BACKOFF_MS));
  }

  /** Whether any model is configured. */
  public boolean hasModels() {
    return !models.isEmpty();
  }

  /**
   * The model an {@code agent.vision} section describes: the model its {@code use} names, as configured; else its
   * {@code model} with the keys it leaves out taken from the first model of its {@code provider} (by default the
   * first model's provider, else {@code ollama}). Empty when it names no model.
   *
   * @throws IllegalArgumentException when {@code use} names no configured model
   */
  public Optional<ModelSpec> vision(JsonObject vision) {
    String use = vision.getString("use");
    if (use != null) {
      return Optional.of(models.stream().filter(model -> model.name().equals(use)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("agent.vision.use names no model: " + use)));
    }
    if (vision.getString("model") == null) {
      return Optional.empty();
    }
    String provider = vision.getString("provider", models.isEmpty() ? "ollama" : models.get(0).provider());
    JsonObject section = models.stream().filter(model -> model.provider().equals(provider)).findFirst()
        .map(model -> model.section().copy()).orElseGet(JsonObject::new).mergeIn(vision).put("provider", provider);
    return Optional.of(ModelSpec.fromJson("vision", section));
  }

  private static JsonObject withProvider(JsonObject section, String provider, String requiredKey) {
    return section == null || section.getString(requiredKey) == null ? null
        : section.copy().put("provider", provider);
  }

  private static void single(Map<String, ModelSpec> models, String name, JsonObject section) {
    if (section != null && !models.containsKey(name)) {
      models.put(name, ModelSpec.fromJson(name, section));
    }
  }
}
