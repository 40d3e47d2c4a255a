package io.harpou.tools.media;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code comfyui} section of the {@code media} tools: the server, its workflows, and the limits on what Harpou
 * reads from it.
 *
 * <pre>{@code
 * "comfyui": {"url": "http://gpu-box:8188", "checkpoint": "v1-5-pruned-emaonly.safetensors",
 *             "default_workflow": "default", "workflows": {"portrait": { ...API-format workflow... }},
 *             "timeout_ms": 600000, "max_image_bytes": 33554432, "max_images": 4}
 * }</pre>
 *
 * <p>A workflow is ComfyUI's API format (what "Save (API)" exports) with its slots marked as whole string values:
 * {@code "{{prompt}}"} (required), {@code "{{negative}}"}, {@code "{{seed}}"}, {@code "{{width}}"},
 * {@code "{{height}}"} and {@code "{{checkpoint}}"}. The built-in {@code default} is a plain text-to-image graph.
 */
public final class ComfyUiOptions {

  private final String url;
  private final String checkpoint;
  private final String defaultWorkflow;
  private final Map<String, JsonObject> workflows = new TreeMap<>();
  private final long timeoutMs;
  private final long maxImageBytes;
  private final int maxImages;

  /**
   * Reads the section.
   *
   * @throws IllegalArgumentException when the URL is not http(s), a workflow has no {@code {{prompt}}} slot, or the
   *     default workflow is not configured
   */
  public ComfyUiOptions(JsonObject json, JsonObject builtIn) {
    JsonObject j = json == null ? new JsonObject() : json;
    url = j.getString("url");
    if (url != null && !url.matches("https?://.+")) {
      throw new IllegalArgumentException("media.comfyui.url must be an http or https URL");
    }
    if (url != null) {
      URI.create(url);
    }
    checkpoint = j.getString("checkpoint", "v1-5-pruned-emaonly.safetensors");
    workflows.put("default", builtIn);
    JsonObject configured = j.getJsonObject("workflows", new JsonObject());
    for (String name : configured.fieldNames()) {
      if (!name.matches("[a-z0-9_-]{1,40}")) {
        throw new IllegalArgumentException("workflow names are 1 to 40 of a-z, 0-9, _ and -: " + name);
      }
      JsonObject workflow = configured.getJsonObject(name);
      if (!workflow.encode().contains("\"{{prompt}}\"")) {
        throw new IllegalArgumentException("workflow '" + name + "' has no \"{{prompt}}\" slot");
      }
      workflows.put(name, workflow.copy());
    }
    defaultWorkflow = j.getString("default_workflow", "default");
    if (!workflows.containsKey(defaultWorkflow)) {
      throw new IllegalArgumentException("media.comfyui.default_workflow names no workflow: " + defaultWorkflow);
    }
    timeoutMs = j.getLong("timeout_ms", 600_000L);
    maxImageBytes = j.getLong("max_image_bytes", 32L << 20);
    maxImages = j.getInteger("max_images", 4);
  }

  /** ComfyUI's base URL, or null when image generation is not configured. */
  public String url() {
    return url;
  }

  /** The checkpoint file the {@code {{checkpoint}}} slot receives. */
  public String checkpoint() {
    return checkpoint;
  }

  /** The workflow used when the request names none. */
  public String defaultWorkflow() {
    return defaultWorkflow;
  }

  /** The workflows by name, the built-in {@code default} included. */
  public Map<String, JsonObject> workflows() {
    return workflows;
  }

  /** How long one generation may take, queueing included (10 minutes). */
  public long timeoutMs() {
    return timeoutMs;
  }

  /** The largest image read from ComfyUI (32 MiB). */
  public long maxImageBytes() {
    return maxImageBytes;
  }

  /** The most images kept from one generation (4). */
  public int maxImages() {
    return maxImages;
  }
}
