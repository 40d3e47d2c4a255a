package io.harpou.samples.hub;

import io.harpou.bridge.vertx.http.KeysCommand;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Handle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub as the attacks of the tests meet it: the virtual home, the HTTP API and the Wyoming server on port 0, the
 * scripted Ollama as its model when asked for, and API keys made with {@code harpou keys} before it starts.
 */
final class HubHarness {

  final Vertx vertx;
  final ScriptedOllama ollama;
  final HubVerticle hub = new HubVerticle();
  private final WebClient web;
  private final Map<String, String> keys = new HashMap<>();

  private HubHarness(Vertx vertx, ScriptedOllama ollama) {
    this.vertx = vertx;
    this.ollama = ollama;
    this.web = WebClient.create(vertx);
  }

  /**
   * Starts a hub keeping its data in {@code dataDir}, with {@code config} merged over the test defaults, the scripted
   * model when {@code withModel}, and one API key per name in {@code keyNames}.
   */
  static HubHarness start(Vertx vertx, Path dataDir, JsonObject config, boolean withModel, String... keyNames) {
    ScriptedOllama ollama = withModel
        ? ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await() : null;
    HubHarness harness = new HubHarness(vertx, ollama);
    for (String name : keyNames) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status = KeysCommand.run(dataDir, List.of("create", name),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
      if (status != 0) {
        throw new IllegalStateException("harpou keys create " + name + " failed");
      }
      harness.keys.put(name, out.toString(StandardCharsets.UTF_8).strip());
    }
    JsonObject agent = new JsonObject().put("task_threshold_ms", 10_000);
    if (withModel) {
      agent.put("ollama", new JsonObject().put("url", ollama.baseUrl()).put("model", "llama3.2"));
    }
    JsonObject full = new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false)).put("agent", agent)
        // The monitors watch the machine's real disks; a test about them turns them on.
        .put("monitors", new JsonObject().put("enabled", false))
        .mergeIn(config, true);
    vertx.deployVerticle(harness.hub, new DeploymentOptions().setConfig(full)).await();
    return harness;
  }

  /** The state of an entity in the virtual home. */
  String state(String entityId) {
    return hub.virtualHome().state(entityId).getString("state");
  }

  /** Sets an entity's state in the virtual home. */
  void setState(String entityId, String state) {
    hub.virtualHome().setState(entityId, state);
  }

  /** How many service calls of {@code domain} the virtual home received. */
  long callsOf(String domain) {
    return hub.virtualHome().calls().stream().filter(c -> c.domain().equals(domain)).count();
  }

  /** {@code POST /api/conversation/process} with {@code key} (null for none); the whole JSON answer. */
  JsonObject converse(String text, String language, String conversationId, String key) {
    JsonObject request = new JsonObject().put("text", text).put("language", language)
        .put("conversation_id", conversationId);
    return authorised(web.post(hub.bridge().httpPort(), "127.0.0.1", "/api/conversation/process"), key)
        .sendJsonObject(request).await().bodyAsJsonObject();
  }

  /** What {@link #converse} says, in English, without a key. */
  String say(String text, String conversationId) {
    return speech(converse(text, "en", conversationId, null));
  }

  /** The spoken text of a conversation answer. */
  static String speech(JsonObject answer) {
    return answer.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech");
  }

  /** {@code POST /v1/chat/completions} with {@code key}; the whole JSON answer. */
  JsonObject chat(String key, JsonArray messages) {
    JsonObject body = new JsonObject().put("model", "harpou").put("messages", messages);
    return authorised(web.post(hub.bridge().httpPort(), "127.0.0.1", "/v1/chat/completions"), key)
        .sendJsonObject(body).await().bodyAsJsonObject();
  }

  /** The API key made for {@code name}. */
  String key(String name) {
    return keys.get(name);
  }

  /** The Wyoming server's port, as the voice component reports it. */
  int wyomingPort() {
    String detail = hub.bridge().health().toJson().getJsonObject("components").getJsonObject("voice")
        .getString("detail");
    Matcher port = Pattern.compile("Wyoming on port (\\d+)").matcher(detail);
    if (!port.find()) {
      throw new IllegalStateException("voice does not report its port: " + detail);
    }
    return Integer.parseInt(port.group(1));
  }

  /**
   * Hands a transcript to the Wyoming server at {@code host}, as Home Assistant's conversation agent does; the text
   * of the {@code handled} or {@code not-handled} answer.
   */
  String wyomingTranscript(String host, String text, JsonObject context) throws Exception {
    WyomingConnection connection = WyomingClient.create(vertx, new WyomingClientOptions())
        .connect(host, wyomingPort()).await();
    try {
      Promise<String> answered = Promise.promise();
      connection.handler(event -> {
        if (Handle.Handled.TYPE.equals(event.type())) {
          answered.tryComplete(Handle.Handled.fromEvent(event).text());
        } else if (Handle.NotHandled.TYPE.equals(event.type())) {
          answered.tryComplete(Handle.NotHandled.fromEvent(event).text());
        }
      });
      connection.write(new Asr.Transcript(text, "en", context)).await();
      return answered.future().await(30, TimeUnit.SECONDS);
    } finally {
      connection.close();
    }
  }

  private HttpRequest<Buffer> authorised(HttpRequest<Buffer> request, String key) {
    return key == null ? request : request.putHeader("Authorization", "Bearer " + key);
  }
}
