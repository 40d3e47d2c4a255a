package io.harpou.testkit.ollama.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/** The listed models and the JSON of {@code /api/tags}, {@code /api/show} and {@code /api/ps}. */
final class ModelCatalog {

  private static final long SIZE = 2_019_393_189L;
  private static final int CONTEXT_LENGTH = 131_072;

  private final List<String> names;
  private final int embeddingDimension;
  private final String modifiedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

  ModelCatalog(List<String> configured, int embeddingDimension) {
    this.names = configured.stream().map(ModelCatalog::withTag).toList();
    this.embeddingDimension = embeddingDimension;
  }

  String defaultModel() {
    return names.get(0);
  }

  /** Whether the name, with or without its {@code :latest} tag, is listed. */
  boolean knows(String name) {
    return name != null && names.contains(withTag(name));
  }

  JsonObject tags() {
    JsonArray models = new JsonArray();
    for (String name : names) {
      models.add(new JsonObject()
          .put("name", name)
          .put("model", name)
          .put("modified_at", modifiedAt)
          .put("size", SIZE)
          .put("digest", digest(name))
          .put("details", details(name)));
    }
    return new JsonObject().put("models", models);
  }

  JsonObject running() {
    JsonArray models = new JsonArray();
    String expires = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    for (String name : names) {
      models.add(new JsonObject()
          .put("name", name)
          .put("model", name)
          .put("size", SIZE)
          .put("digest", digest(name))
          .put("details", details(name))
          .put("expires_at", expires)
          .put("size_vram", 0L)
          .put("context_length", 4096));
    }
    return new JsonObject().put("models", models);
  }

  JsonObject show(String name) {
    String family = family(name);
    return new JsonObject()
        .put("license", "Scripted test model; no weights.")
        .put("modelfile", "# Modelfile of a scripted test model\nFROM " + withTag(name) + "\n")
        .put("parameters", "temperature 0")
        .put("template", "{{ .Prompt }}")
        .put("details", details(name))
        .put("model_info", new JsonObject()
            .put("general.architecture", family)
            .put("general.parameter_count", 3_212_749_888L)
            .put(family + ".context_length", CONTEXT_LENGTH)
            .put(family + ".embedding_length", embeddingDimension))
        .put("capabilities", new JsonArray().add("completion").add("tools").add("thinking").add("embedding"))
        .put("modified_at", modifiedAt);
  }

  private JsonObject details(String name) {
    String family = family(name);
    return new JsonObject()
        .put("parent_model", "")
        .put("format", "gguf")
        .put("family", family)
        .put("families", new JsonArray().add(family))
        .put("parameter_size", "3.2B")
        .put("quantization_level", "Q4_K_M");
  }

  private static String family(String name) {
    String base = withTag(name).substring(0, withTag(name).indexOf(':')).replaceAll("[^a-z]", "");
    return base.isEmpty() ? "llama" : base;
  }

  static String withTag(String name) {
    return name.contains(":") ? name : name + ":latest";
  }

  private static String digest(String name) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
