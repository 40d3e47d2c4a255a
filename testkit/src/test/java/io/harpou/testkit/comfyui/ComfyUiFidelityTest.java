package io.harpou.testkit.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.MediaPeers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ComfyUI simulator, judged by {@code @stable-canvas/comfyui-client} and by ComfyUI's own refusals. */
class ComfyUiFidelityTest {

  private final Vertx vertx = Vertx.vertx();
  private ComfyUiSimulator comfy;

  @BeforeEach
  void start() {
    comfy = ComfyUiSimulator.create(vertx, new ComfyUiSimulatorOptions()).start().await();
  }

  @AfterEach
  void stop() {
    comfy.close().await();
    vertx.close().await();
  }

  @Test
  void should_run_a_workflow_for_the_npm_client_follow_its_progress_and_serve_its_image() throws Exception {
    JsonObject run = MediaPeers.run("comfyui-peer.mjs", comfy.url());

    assertThat(run.getString("os")).isEqualTo("posix");
    assertThat(run.getJsonArray("progress")).containsExactly("1/6", "2/6", "3/6", "4/6", "5/6", "6/6");
    assertThat(run.getJsonArray("executing").getList()).startsWith("4").containsSubsequence("3", "8", "9");
    JsonArray images = run.getJsonArray("images");
    assertThat(images).hasSize(1);
    JsonObject image = images.getJsonObject(0);
    assertThat(image.getString("content_type")).isEqualTo("image/png");
    assertThat(image.getString("png")).isEqualTo("PNG");
    assertThat(image.getInteger("width")).isEqualTo(512);
    assertThat(image.getInteger("height")).isEqualTo(384);
    assertThat(image.getString("url")).contains("/view?filename=harpou_00001_.png");
    assertThat(run.getString("refused")).contains("400");
    assertThat(comfy.prompts()).hasSize(1);
    assertThat(comfy.prompts().get(0).getJsonObject("6").getJsonObject("inputs").getString("text"))
        .isEqualTo("a red fox in the snow");
  }

  @Test
  void should_refuse_a_checkpoint_it_does_not_have_with_comfyuis_node_errors() throws Exception {
    JsonObject prompt = new JsonObject()
        .put("1", node("CheckpointLoaderSimple", new JsonObject().put("ckpt_name", "missing.safetensors")))
        .put("2", node("PreviewImage", new JsonObject().put("images", new JsonArray().add("1").add(2))));

    HttpResponse<String> refused = post("/prompt", new JsonObject().put("prompt", prompt));

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonObject body = new JsonObject(refused.body());
    assertThat(body.getJsonObject("error").getString("type")).isEqualTo("prompt_outputs_failed_validation");
    assertThat(body.getJsonObject("node_errors").getJsonObject("1").getJsonArray("errors").getJsonObject(0)
        .getString("type")).isEqualTo("value_not_in_list");
    assertThat(comfy.prompts()).isEmpty();
  }

  @Test
  void should_refuse_a_view_of_a_path_outside_its_folders() throws Exception {
    HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(comfy.url() + "/view?filename=../../etc/passwd&type=output")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(400);
  }

  private static JsonObject node(String type, JsonObject inputs) {
    return new JsonObject().put("class_type", type).put("inputs", inputs);
  }

  private HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(comfy.url() + path))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
