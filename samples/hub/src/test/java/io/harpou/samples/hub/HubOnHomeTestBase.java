package io.harpou.samples.hub;

import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub as a household runs it against a Home Assistant of its own (here the virtual home, with its faults), asked
 * over its HTTP API: what a test asserts is what the household hears, sees in {@code /health} and finds in the audit.
 */
abstract class HubOnHomeTestBase {

  protected final Vertx vertx = Vertx.vertx();
  protected final WebClient web = WebClient.create(vertx);
  protected VirtualHomeAssistant home;
  protected HubVerticle hub;

  @TempDir
  Path dataDir;

  @AfterEach
  void stopAll() {
    vertx.close().await();
  }

  protected VirtualHomeAssistant startHome() {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    return home;
  }

  /** The hub's configuration: Home Assistant at {@code url}, with quick reconnection so tests do not wait. */
  protected JsonObject config(String url, String token) {
    return new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false))
        .put("home_assistant", new JsonObject().put("url", url).put("token", token).put("initial_backoff_ms", 100)
            .put("max_backoff_ms", 300).put("max_auth_backoff_ms", 300).put("rest_poll_interval_ms", 100)
            .put("startup_wait_ms", 3_000));
  }

  protected HubVerticle startHub(JsonObject config) {
    hub = new HubVerticle();
    vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config)).await();
    return hub;
  }

  /** Sends a sentence to {@code /api/conversation/process}; the answer comes later. */
  protected Future<JsonObject> converseLater(String text, String language, String conversationId) {
    JsonObject request = new JsonObject().put("text", text).put("language", language)
        .put("conversation_id", conversationId);
    return web.post(hub.bridge().httpPort(), "127.0.0.1", "/api/conversation/process").sendJsonObject(request)
        .map(HttpResponse::bodyAsJsonObject);
  }

  protected JsonObject converse(String text, String language, String conversationId) {
    return converseLater(text, language, conversationId).await();
  }

  protected static String speech(JsonObject answer) {
    return answer.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech");
  }

  protected static String responseType(JsonObject answer) {
    return answer.getJsonObject("response").getString("response_type");
  }

  protected HttpResponse<Buffer> get(String path) {
    return web.get(hub.bridge().httpPort(), "127.0.0.1", path).send().await();
  }

  protected JsonObject health() {
    return get("/health").bodyAsJsonObject();
  }

  /** The audit outcomes of {@code tool}'s calls, newest first. */
  protected List<String> auditOutcomes(String tool) {
    JsonArray entries = get("/api/audit?tool=" + tool).bodyAsJsonObject().getJsonArray("entries");
    return entries.stream().map(e -> ((JsonObject) e).getString("outcome")).toList();
  }

  protected String state(String entityId) {
    return home.state(entityId).getString("state");
  }

  /** Waits (bounded) for something the hub does on its own; fails the test if it never happens. */
  protected static void eventually(String what, BooleanSupplier condition) {
    Await.until(what, Duration.ofSeconds(15), condition::getAsBoolean);
  }

  /** The state {@code /health} shows for Home Assistant. */
  protected String homeAssistantHealth() {
    return health().getJsonObject("components").getJsonObject("home_assistant").getString("state");
  }
}
