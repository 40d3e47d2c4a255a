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
 * named {@code azure}) when their name is not taken; the models that read images ({@code vision}); the
 * {@code routing} section; and how long a failed model rests ({@code model_backoff_ms}, doubling on each failure in a
 * row up to {@code model_max_backoff_ms}).
 *
 * @param models the models that answer turns, in the order configured
 * @param vision the models that read images, in the order a camera question tries them: the one
 *     {@code agent.vision} names first (one of {@code models}, or a model of its own named {@code vision} that answers
 *     no turn), then the other models marked {@code "vision": true}
 * @param routing the routing section
 * @param backoffMillis how long a model that failed is passed over at first
 * @param maxBackoffMillis the longest it is passed over
 */
public record ModelsOptions(List<ModelSpec> models, List<ModelSpec> vision, RoutingOptions routing,
                            long backoffMillis, long maxBackoffMillis) {

  /** The first rest of a failed model. */
  public static final long DEFAULT_BACKOFF_MS = 15_000;
  /** The longest rest of a failed model. */
  public static final long DEFAULT_MAX_BACKOFF_MS = 300_000;
  /** The name of a vision model given by {@code agent.vision.model} rather than among the named models. */
  public static final String VISION_NAME = "vision";

  /** Copies the lists and checks the values. */
  public ModelsOptions {
    models = List.copyOf(models);
    vision = List.copyOf(vision);
    if (backoffMillis < 0 || maxBackoffMillis < backoffMillis) {
      throw new IllegalArgumentException("model_backoff_ms must be 0..model_max_backoff_ms");
    }
    if (models.stream().map(ModelSpec::name).distinct().count() != models.size()) {
      throw new IllegalArgumentException("two models have the same name");
    }
    if (!vision.stream().allMatch(ModelSpec::vision)) {
      throw new IllegalArgumentException("a model that reads images must be marked vision");
    }
  }

  /**
   * Reads the models of an {@code agent} section, its {@code vision} section included.
   *
   * @throws IllegalArgumentException when a model, the vision section, the routing or the backoff is malformed
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
    List<ModelSpec> vision = new ArrayList<>();
    named(models, agent.getJsonObject("vision", new JsonObject())).ifPresent(vision::add);
    models.values().stream().filter(ModelSpec::vision).filter(m -> !vision.contains(m)).forEach(vision::add);
    return new ModelsOptions(new ArrayList<>(models.values()), vision,
        RoutingOptions.fromJson(agent.getJsonObject("routing", new JsonObject())),
        agent.getLong("model_backoff_ms", DEFAULT_BACKOFF_MS),
        agent.getLong("model_max_backoff_ms", DEFAULT_MAX_BACKOFF_MS));
  }

  /** Whether any model answers turns. */
  public boolean hasModels() {
    return !models.isEmpty();
  }

  /** Whether any model is configured, to answer turns or to read images. */
  public boolean hasAnyModel() {
    return hasModels() || !vision.isEmpty();
  }

  /**
   * The model an {@code agent.vision} section names, marked as one that reads images: the model its {@code use}
   * names (marked among {@code models} too); else its {@code model}, a model of its own named {@value #VISION_NAME},
   * with the keys it leaves out taken from the first model of its {@code provider} (by default the first model's
   * provider, else {@code ollama}). Empty when it names no model.
   */
  private static Optional<ModelSpec> named(Map<String, ModelSpec> models, JsonObject vision) {
    String use = vision.getString("use");
    if (use != null) {
      ModelSpec used = Optional.ofNullable(models.get(use))
          .orElseThrow(() -> new IllegalArgumentException("agent.vision.use names no model: " + use)).withVision();
      models.put(use, used);
      return Optional.of(used);
    }
    if (vision.getString("model") == null) {
      return Optional.empty();
    }
    if (models.containsKey(VISION_NAME)) {
      throw new IllegalArgumentException("agent.vision.model: a model is already named " + VISION_NAME + "; name it"
          + " with agent.vision.use instead");
    }
    List<ModelSpec> all = List.copyOf(models.values());
    String provider = vision.getString("provider", all.isEmpty() ? "ollama" : all.get(0).provider());
    JsonObject section = all.stream().filter(model -> model.provider().equals(provider)).findFirst()
        .map(model -> model.section().copy()).orElseGet(JsonObject::new).mergeIn(vision).put("provider", provider);
    return Optional.of(ModelSpec.fromJson(VISION_NAME, section).withVision());
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
