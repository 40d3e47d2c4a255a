package io.harpou.tools.media.impl;

import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.media.ComfyUiOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * generate_image: fills a configured ComfyUI workflow with the prompt, size and seed, runs it as a background task
 * (its progress is the task's), keeps the images as artifacts, and says the image is ready; the console shows it.
 */
public final class GenerateImageTool implements Tool {

  private static final int MAX_PROMPT = 2000;
  private static final Pattern SIZE = Pattern.compile("([0-9]{2,4})\\s*[x×]\\s*([0-9]{2,4})");
  private static final Map<String, int[]> NAMED_SIZES = Map.of("square", new int[] {1024, 1024},
      "portrait", new int[] {832, 1216}, "landscape", new int[] {1216, 832});
  private static final SecureRandom SEEDS = new SecureRandom();

  private final ComfyUiOptions options;
  private final ToolSpec spec;

  /** The tool over {@code options}' server and workflows. */
  public GenerateImageTool(ComfyUiOptions options) {
    this.options = options;
    JsonObject properties = new JsonObject()
        .put("prompt", new JsonObject().put("type", "string").put("maxLength", MAX_PROMPT)
            .put("description", "What the image shows, in English, as a picture description"))
        .put("size", new JsonObject().put("type", "string")
            .put("description", "square, portrait, landscape, or WIDTHxHEIGHT such as 768x512 (64 to 2048)"))
        .put("workflow", new JsonObject().put("type", "string").put("enum", new JsonArray(List.copyOf(
            options.workflows().keySet()))).put("description", "Which workflow; " + options.defaultWorkflow()
            + " when absent"))
        .put("negative", new JsonObject().put("type", "string").put("maxLength", MAX_PROMPT)
            .put("description", "What the image must not show"))
        .put("seed", new JsonObject().put("type", "integer").put("minimum", 0)
            .put("description", "A seed to make the same image again"));
    this.spec = new ToolSpec("generate_image", "Generates an image from a description with ComfyUI. It runs in "
        + "the background; the person is told, and the console shows the image, when it is ready.",
        new JsonObject().put("type", "object").put("properties", properties)
            .put("required", new JsonArray().add("prompt")), Risk.ACT, true);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    JsonObject args = call.arguments();
    String prompt = text(args, "prompt");
    if (prompt == null) {
      throw new ToolArgumentsException("prompt is required");
    }
    ArtifactStore store = context.artifacts().orElse(null);
    if (store == null) {
      return Tool.done(ToolResult.error("this hub keeps no artifacts, so it cannot keep generated images"));
    }
    String name = args.getString("workflow", options.defaultWorkflow());
    JsonObject template = options.workflows().get(name);
    if (template == null) {
      throw new ToolArgumentsException("no workflow '" + name + "'; use one of " + options.workflows().keySet());
    }
    int[] size = size(args.getString("size"));
    long seed = args.getValue("seed") instanceof Number n ? Math.max(0, n.longValue()) : SEEDS.nextLong(1L << 48);
    String negative = text(args, "negative");
    JsonObject workflow = WorkflowTemplate.fill(template, Map.of("prompt", prompt, "negative",
        negative == null ? "" : negative, "seed", seed, "width", size[0], "height", size[1], "checkpoint",
        options.checkpoint()));
    AtomicReference<Double> last = new AtomicReference<>(0.0);
    return new ComfyUiClient(context.vertx(), options).generate(workflow, (fraction, message) -> {
      double now = fraction < 0 ? last.get() : fraction;
      last.set(now);
      context.progress(now, message);
    }).compose(images -> keep(store, images, context)).map(artifacts -> ToolResult.ok(new JsonObject()
        .put("message", ready(context.language(), prompt, artifacts.size()))
        .put("artifacts", new JsonArray(artifacts.stream().map(Artifact::toJson).toList()))
        .put("workflow", name).put("seed", seed).put("width", size[0]).put("height", size[1])))
        .otherwise(e -> ToolResult.error("The image could not be made: " + e.getMessage()));
  }

  private static Future<List<Artifact>> keep(ArtifactStore store, List<ComfyUiClient.Image> images,
                                             ToolContext context) {
    Future<List<Artifact>> all = Future.succeededFuture(new ArrayList<>());
    for (ComfyUiClient.Image image : images) {
      all = all.compose(list -> store.put(image.bytes(), ArtifactMetadata.of(image.contentType(), "comfyui",
          context.utterance())).map(artifact -> {
            list.add(artifact);
            return list;
          }));
    }
    return all;
  }

  private static String ready(String language, String prompt, int count) {
    String subject = prompt.length() > 80 ? prompt.substring(0, 80) + "..." : prompt;
    if (language.startsWith("fr")) {
      return (count > 1 ? "Vos images de « " : "Votre image de « ") + subject + " » " + (count > 1 ? "sont prêtes."
          : "est prête.");
    }
    return "Your image" + (count > 1 ? "s" : "") + " of \"" + subject + "\" " + (count > 1 ? "are" : "is")
        + " ready.";
  }

  /** The size asked for, each side a multiple of 8 from 64 to 2048. */
  static int[] size(String asked) {
    if (asked == null || asked.isBlank()) {
      return NAMED_SIZES.get("square");
    }
    int[] named = NAMED_SIZES.get(asked.strip().toLowerCase(java.util.Locale.ROOT));
    if (named != null) {
      return named;
    }
    Matcher m = SIZE.matcher(asked.strip());
    if (!m.matches()) {
      throw new ToolArgumentsException("size is square, portrait, landscape or WIDTHxHEIGHT, not " + asked);
    }
    return new int[] {side(Integer.parseInt(m.group(1))), side(Integer.parseInt(m.group(2)))};
  }

  private static int side(int pixels) {
    if (pixels < 64 || pixels > 2048) {
      throw new ToolArgumentsException("each side of the image is 64 to 2048 pixels");
    }
    return pixels / 8 * 8;
  }

  private static String text(JsonObject args, String key) {
    if (args.getValue(key) != null && !(args.getValue(key) instanceof String)) {
      throw new ToolArgumentsException(key + " must be a string");
    }
    String value = args.getString(key);
    if (value != null && value.length() > MAX_PROMPT) {
      throw new ToolArgumentsException(key + " is longer than " + MAX_PROMPT + " characters");
    }
    return value == null || value.isBlank() ? null : value.strip();
  }
}
