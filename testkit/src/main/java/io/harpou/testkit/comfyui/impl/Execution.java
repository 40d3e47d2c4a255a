package io.harpou.testkit.comfyui.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one queued workflow as ComfyUI's executor reports it: {@code execution_start}, {@code execution_cached}, then
 * for each node in dependency order {@code executing}, with {@code progress} for every sampling step and
 * {@code executed} with the saved images of an output node, then {@code execution_success} and
 * {@code executing} with a null node.
 */
final class Execution {

  private final Vertx vertx;
  private final String promptId;
  private final JsonObject prompt;
  private final long stepDelayMs;
  private final Consumer<JsonObject> send;
  private final Map<String, Buffer> files;
  private final JsonObject outputs = new JsonObject();
  private final JsonArray messages = new JsonArray();
  private int counter;

  Execution(Vertx vertx, String promptId, JsonObject prompt, long stepDelayMs, Consumer<JsonObject> send,
            Map<String, Buffer> files, int counter) {
    this.vertx = vertx;
    this.promptId = promptId;
    this.prompt = prompt;
    this.stepDelayMs = stepDelayMs;
    this.send = send;
    this.files = files;
    this.counter = counter;
  }

  /** Runs it; the Future holds the outputs by node id once {@code execution_success} is sent. */
  Future<JsonObject> run() {
    message("execution_start", new JsonObject().put("prompt_id", promptId).put("timestamp", now()));
    message("execution_cached", new JsonObject().put("nodes", new JsonArray()).put("prompt_id", promptId)
        .put("timestamp", now()));
    Future<Void> chain = Future.succeededFuture();
    for (String id : order()) {
      chain = chain.compose(v -> node(id));
    }
    return chain.map(v -> {
      message("execution_success", new JsonObject().put("prompt_id", promptId).put("timestamp", now()));
      send.accept(new JsonObject().put("type", "executing").put("data", new JsonObject().putNull("node")
          .putNull("display_node").put("prompt_id", promptId)));
      return outputs;
    });
  }

  /** The {@code status.messages} of the history entry. */
  JsonArray messages() {
    return messages;
  }

  /** The next file counter, after this run's images. */
  int counter() {
    return counter;
  }

  private Future<Void> node(String id) {
    JsonObject node = prompt.getJsonObject(id);
    send.accept(new JsonObject().put("type", "executing").put("data", new JsonObject().put("node", id)
        .put("display_node", id).put("prompt_id", promptId)));
    String type = node.getString("class_type");
    if (type.equals("KSampler")) {
      return steps(id, inputs(id).getInteger("steps"), 1);
    }
    if (type.equals("SaveImage") || type.equals("PreviewImage")) {
      JsonObject output = new JsonObject().put("images", save(id, type.equals("SaveImage")));
      outputs.put(id, output);
      send.accept(new JsonObject().put("type", "executed").put("data", new JsonObject().put("node", id)
          .put("display_node", id).put("output", output).put("prompt_id", promptId)));
    }
    return pause();
  }

  private Future<Void> steps(String id, int max, int value) {
    if (value > max) {
      return Future.succeededFuture();
    }
    return pause().compose(v -> {
      send.accept(new JsonObject().put("type", "progress").put("data", new JsonObject().put("value", value)
          .put("max", max).put("prompt_id", promptId).put("node", id)));
      return steps(id, max, value + 1);
    });
  }

  private JsonArray save(String id, boolean output) {
    String sampler = upstream(upstream(id, "images"), "samples");
    JsonObject latent = inputs(upstream(sampler, "latent_image"));
    String text = inputs(upstream(sampler, "positive")).getString("text");
    long seed = inputs(sampler).getLong("seed");
    String prefix = output ? inputs(id).getString("filename_prefix") : "ComfyUI_temp";
    String subfolder = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
    String base = prefix.substring(prefix.lastIndexOf('/') + 1);
    JsonArray images = new JsonArray();
    for (int i = 0; i < latent.getInteger("batch_size"); i++) {
      String filename = String.format("%s_%05d_.png", base, ++counter);
      String type = output ? "output" : "temp";
      files.put(key(filename, subfolder, type), Pictures.paint(latent.getInteger("width"),
          latent.getInteger("height"), text, seed + i));
      images.add(new JsonObject().put("filename", filename).put("subfolder", subfolder).put("type", type));
    }
    return images;
  }

  /** The key of a stored file. */
  static String key(String filename, String subfolder, String type) {
    return type + "/" + subfolder + "/" + filename;
  }

  /** Every node the outputs need, each after the nodes it reads from. */
  private List<String> order() {
    Set<String> ordered = new LinkedHashSet<>();
    for (String id : prompt.fieldNames()) {
      if (NodeTypes.TYPES.get(prompt.getJsonObject(id).getString("class_type")).output()) {
        visit(id, ordered, new LinkedHashSet<>());
      }
    }
    return new ArrayList<>(ordered);
  }

  private void visit(String id, Set<String> ordered, Set<String> path) {
    if (ordered.contains(id) || !path.add(id)) {
      return;
    }
    for (String input : inputs(id).fieldNames()) {
      if (inputs(id).getValue(input) instanceof JsonArray link) {
        visit(link.getString(0), ordered, path);
      }
    }
    ordered.add(id);
  }

  private JsonObject inputs(String id) {
    return prompt.getJsonObject(id).getJsonObject("inputs");
  }

  private String upstream(String id, String input) {
    return inputs(id).getJsonArray(input).getString(0);
  }

  private Future<Void> pause() {
    Promise<Void> later = Promise.promise();
    vertx.setTimer(Math.max(1, stepDelayMs), t -> later.complete());
    return later.future();
  }

  private void message(String type, JsonObject data) {
    messages.add(new JsonArray().add(type).add(data));
    send.accept(new JsonObject().put("type", type).put("data", data));
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
