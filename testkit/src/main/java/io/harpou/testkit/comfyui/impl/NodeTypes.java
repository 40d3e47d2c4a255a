package io.harpou.testkit.comfyui.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The node classes the simulator runs, with their required inputs and outputs as {@code /object_info} shows them. */
final class NodeTypes {

  /** A node class: the inputs it requires (name to ComfyUI type) and the types of its outputs. */
  record NodeType(Map<String, String> required, List<String> outputs, boolean output) {
  }

  static final Map<String, NodeType> TYPES = Map.of(
      "CheckpointLoaderSimple", new NodeType(Map.of("ckpt_name", "COMBO"), List.of("MODEL", "CLIP", "VAE"), false),
      "CLIPTextEncode", new NodeType(Map.of("text", "STRING", "clip", "CLIP"), List.of("CONDITIONING"), false),
      "EmptyLatentImage", new NodeType(Map.of("width", "INT", "height", "INT", "batch_size", "INT"),
          List.of("LATENT"), false),
      "KSampler", new NodeType(Map.of("model", "MODEL", "seed", "INT", "steps", "INT", "cfg", "FLOAT",
          "sampler_name", "COMBO", "scheduler", "COMBO", "positive", "CONDITIONING", "negative", "CONDITIONING",
          "latent_image", "LATENT", "denoise", "FLOAT"), List.of("LATENT"), false),
      "VAEDecode", new NodeType(Map.of("samples", "LATENT", "vae", "VAE"), List.of("IMAGE"), false),
      "SaveImage", new NodeType(Map.of("images", "IMAGE", "filename_prefix", "STRING"), List.of(), true),
      "PreviewImage", new NodeType(Map.of("images", "IMAGE"), List.of(), true));

  private NodeTypes() {
  }

  /** {@code /object_info}, in ComfyUI's shape, for the node classes the simulator runs. */
  static JsonObject objectInfo(List<String> checkpoints) {
    JsonObject info = new JsonObject();
    TYPES.forEach((name, type) -> {
      JsonObject required = new JsonObject();
      type.required().forEach((input, kind) -> required.put(input, "ckpt_name".equals(input)
          ? new JsonArray().add(new JsonArray(checkpoints)) : new JsonArray().add(kind)));
      info.put(name, new JsonObject().put("input", new JsonObject().put("required", required))
          .put("output", new JsonArray(type.outputs())).put("output_is_list", new JsonArray(type.outputs().stream()
              .map(o -> false).toList()))
          .put("output_name", new JsonArray(type.outputs())).put("name", name).put("display_name", name)
          .put("description", "").put("category", "simulated").put("output_node", type.output()));
    });
    return info;
  }
}
