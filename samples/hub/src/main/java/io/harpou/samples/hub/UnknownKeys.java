package io.harpou.samples.hub;

import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.bridge.vertx.mcp.McpServerOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.monitor.MonitorOptions;
import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.wyoming.WyomingServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the keys of a hub configuration that nothing reads, each with the nearest key that exists, so a misspelt
 * setting ({@code frameTimeoutMillis} for {@code frame_timeout_ms}) is reported instead of silently ignored.
 *
 * <p>The known keys are those of every part's options in their JSON form, plus the few that form leaves out while
 * they are unset. An empty object among them is a section its owner reads as a whole (a tool provider's, a model
 * provider's, a speech engine's, an artifact backend's): keys inside it are not checked.
 */
final class UnknownKeys {

  /** Keys the options' JSON forms leave out while unset, and the sections plug-ins own. */
  private static final JsonObject UNSET_OR_OWNED = new JsonObject()
      .put("data_dir", "")
      .put("database", new JsonObject().put("url", "").put("max_pool_size", 0))
      .put("http", new JsonObject().put("enabled", true))
      .put("home_assistant", new JsonObject().put("token", "").put("startup_wait_ms", 0))
      .put("agent", new JsonObject().put("enabled", true).put("azure_openai", new JsonObject()))
      .put("memory", new JsonObject().put("docs_dir", "")
          .put("chroma", new JsonObject().put("url", ""))
          .put("embeddings", new JsonObject().put("url", "").put("ollama_url", "").put("api_key", ""))
          .put("facts", new JsonObject().put("url", "").put("ollama_url", "").put("api_key", "")))
      .put("voice", new JsonObject().put("enabled", true).put("whisper", new JsonObject())
          .put("espeak", new JsonObject()).put("remote_stt", new JsonObject()).put("remote_tts", new JsonObject()))
      .put("wyoming", new JsonObject().put("enabled", true))
      .put("virtual_home", new JsonObject().put("house", new JsonObject()))
      .put("artifacts", new JsonObject().put("s3", new JsonObject()))
      .put("monitors", new JsonObject().put("notify_service", "")
          .put("quiet_hours", new JsonObject().put("from", "").put("to", "")))
      .put("mqtt", new JsonObject().put("enabled", true).put("username", "").put("password_file", "")
          .put("ca_file", ""))
      .put("notifications", new JsonObject().put("enabled", true))
      .put("tools", new JsonObject());

  private UnknownKeys() {
  }

  /**
   * Describes each key of {@code config} that no part reads, as "{@code wyoming.frameTimeoutMillis} (did you mean
   * {@code wyoming.frame_timeout_ms}?)", in the configuration's order.
   */
  static List<String> find(JsonObject config) {
    JsonObject known = known();
    List<String> paths = new ArrayList<>();
    collectPaths(known, "", paths);
    List<String> out = new ArrayList<>();
    walk(config, known, "", paths, out);
    return out;
  }

  /** Every key some part reads, as a tree. */
  static JsonObject known() {
    JsonObject known = new JsonObject()
        .put("http", new HttpApiOptions().toJson())
        .put("home_assistant", new HomeAssistantOptions().toJson())
        .put("agent", new AgentOptions().toJson())
        .put("memory", new MemoryOptions().toJson())
        .put("voice", new VoiceOptions().toJson())
        .put("wyoming", new WyomingServerOptions().toJson())
        .put("virtual_home", new VirtualHomeOptions().toJson())
        .put("artifacts", new ArtifactOptions().toJson())
        .put("monitors", new MonitorOptions(new JsonObject()).toJson())
        .put("mqtt", new MqttOptions(new JsonObject().put("url", "mqtt://broker")).toJson())
        .put("notifications", new NotificationOptions().toJson())
        .put("mcp", new JsonObject().put("server", new McpServerOptions().toJson()).put("servers", new JsonArray()))
        .put("cluster", knownCluster());
    return merge(known, UNSET_OR_OWNED);
  }

  private static JsonObject knownCluster() {
    ClusterOptions cluster = new ClusterOptions().setRoles("").setHost("").setKubernetesDns("");
    cluster.trust().setSecret("").setTls("", "", "");
    return cluster.toJson();
  }

  private static JsonObject merge(JsonObject into, JsonObject more) {
    for (Map.Entry<String, Object> entry : more) {
      if (entry.getValue() instanceof JsonObject section && into.getValue(entry.getKey()) instanceof JsonObject mine
          && !section.isEmpty()) {
        merge(mine, section);
      } else if (!into.containsKey(entry.getKey())) {
        into.put(entry.getKey(), entry.getValue());
      }
    }
    return into;
  }

  private static void walk(JsonObject config, JsonObject known, String prefix, List<String> paths, List<String> out) {
    for (Map.Entry<String, Object> entry : config) {
      String path = prefix + entry.getKey();
      if (!known.containsKey(entry.getKey())) {
        out.add(path + nearest(entry.getKey(), known, prefix, paths));
      } else if (entry.getValue() instanceof JsonObject section && known.getValue(entry.getKey()) instanceof JsonObject
          inner && !inner.isEmpty()) {
        walk(section, inner, path + ".", paths, out);
      }
    }
  }

  /** " (did you mean x?)" with the nearest sibling, or the nearest key anywhere when no sibling is near. */
  private static String nearest(String key, JsonObject siblings, String prefix, List<String> paths) {
    String word = normal(key);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String sibling : siblings.fieldNames()) {
      int distance = distance(word, normal(sibling));
      if (distance < bestDistance) {
        best = prefix + sibling;
        bestDistance = distance;
      }
    }
    if (bestDistance > word.length() / 3) {
      for (String path : paths) {
        int distance = distance(word, normal(path.substring(path.lastIndexOf('.') + 1)));
        if (distance < bestDistance) {
          best = path;
          bestDistance = distance;
        }
      }
    }
    return best == null || bestDistance > Math.max(2, word.length() / 2) ? "" : " (did you mean " + best + "?)";
  }

  private static void collectPaths(JsonObject known, String prefix, List<String> paths) {
    for (Map.Entry<String, Object> entry : known) {
      paths.add(prefix + entry.getKey());
      if (entry.getValue() instanceof JsonObject section) {
        collectPaths(section, prefix + entry.getKey() + ".", paths);
      }
    }
  }

  /** Case and separators do not count: {@code frameTimeout}, {@code frame-timeout} and {@code frame_timeout} agree. */
  private static String normal(String key) {
    return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
