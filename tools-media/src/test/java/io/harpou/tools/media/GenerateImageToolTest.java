package io.harpou.tools.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.artifact.ArtifactStores;
import io.harpou.testkit.comfyui.ComfyUiSimulator;
import io.harpou.testkit.comfyui.ComfyUiSimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate_image against the ComfyUI simulator, and against ComfyUI servers that misbehave. */
class GenerateImageToolTest {

  @TempDir
  Path data;
  private final Vertx vertx = Vertx.vertx();
  private ComfyUiSimulator comfy;
  private ArtifactStore store;
  private RecordingContext context;

  @BeforeEach
  void start() {
    comfy = ComfyUiSimulator.create(vertx, new ComfyUiSimulatorOptions().setStepDelayMs(1)).start().await();
    store = ArtifactStores.open(vertx, new ArtifactOptions(), data).await();
    Utterance asked = new Utterance("draw a red fox", "en", "studio", null, "office", null, "alice");
    context = new RecordingContext(ToolContext.builder(vertx, asked).artifacts(store).build());
  }

  @AfterEach
  void stop() {
    store.close().await();
    comfy.close().await();
    vertx.close().await();
  }

  private Tool tool(JsonObject comfyui) {
    return new MediaToolProvider().tools(new JsonObject().put("comfyui", comfyui)).stream()
        .filter(t -> t.name().equals("generate_image")).findFirst().orElseThrow();
  }

  private ToolResult generate(Tool tool, JsonObject args) {
    return tool.call(ToolCall.of("generate_image", args), context).await();
  }

  @Test
  void should_make_the_image_on_comfyui_report_its_steps_and_keep_it_as_an_artifact() {
    ToolResult result = generate(tool(new JsonObject().put("url", comfy.url())),
        new JsonObject().put("prompt", "a red fox in the snow").put("size", "768x512").put("seed", 42));

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(result.json().getString("message")).isEqualTo("Your image of \"a red fox in the snow\" is ready.");
    Artifact image = Artifact.fromJson(result.json().getJsonArray("artifacts").getJsonObject(0));
    Buffer png = store.read(image.id()).await();
    assertThat(png.getString(1, 4)).isEqualTo("PNG");
    assertThat(png.getInt(16)).isEqualTo(768);
    assertThat(png.getInt(20)).isEqualTo(512);
    assertThat(image.metadata().user()).isEqualTo("alice");
    assertThat(image.metadata().conversationId()).isEqualTo("studio");
    JsonObject sent = comfy.prompts().get(0);
    assertThat(sent.getJsonObject("6").getJsonObject("inputs").getString("text")).isEqualTo("a red fox in the snow");
    assertThat(sent.getJsonObject("3").getJsonObject("inputs").getLong("seed")).isEqualTo(42L);
    assertThat(context.progress).contains("0.90 step 20 of 20");
  }

  @Test
  void should_place_a_prompt_that_looks_like_json_as_text_and_add_no_node() {
    String sly = "fox\", \"class_type\": \"SaveImage\"}, \"99\": {\"class_type\": \"LoadImage";

    ToolResult result = generate(tool(new JsonObject().put("url", comfy.url())), new JsonObject().put("prompt", sly));

    assertThat(result.error()).as(result.content()).isFalse();
    JsonObject sent = comfy.prompts().get(0);
    assertThat(sent.fieldNames()).containsExactlyInAnyOrder("3", "4", "5", "6", "7", "8", "9");
    assertThat(sent.getJsonObject("6").getJsonObject("inputs").getString("text")).isEqualTo(sly);
  }

  @Test
  void should_say_what_comfyui_refused_and_keep_nothing() {
    ToolResult result = generate(tool(new JsonObject().put("url", comfy.url()).put("checkpoint", "absent.ckpt")),
        new JsonObject().put("prompt", "a fox"));

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("refused the workflow").contains("Value not in list");
    assertThat(store.usedBytes()).isZero();
  }

  @Test
  void should_refuse_a_size_beyond_what_it_allows() {
    Tool tool = tool(new JsonObject().put("url", comfy.url()));

    assertThatThrownBy(() -> generate(tool, new JsonObject().put("prompt", "a fox").put("size", "100000x100000")))
        .isInstanceOf(ToolArgumentsException.class);
    assertThat(comfy.prompts()).isEmpty();
  }

  @Test
  void should_stop_reading_an_image_that_never_ends() {
    AtomicLong sent = new AtomicLong();
    HttpServer endless = fakeComfy((path, response) -> {
      response.setChunked(true).putHeader("content-type", "image/png");
      Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
      vertx.setPeriodic(1, timer -> {
        if (response.closed() || sent.get() > 256L << 20) {
          vertx.cancelTimer(timer);
        } else if (!response.writeQueueFull()) {
          sent.addAndGet(chunk.length());
          response.write(chunk);
        }
      });
    });

    ToolResult result = generate(tool(new JsonObject().put("url", "http://127.0.0.1:" + endless.actualPort())
        .put("max_image_bytes", 1 << 20)), new JsonObject().put("prompt", "a fox"));

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("larger than 1048576");
    assertThat(store.usedBytes()).isZero();
    assertThat(sent.get()).isLessThan(64L << 20);
  }

  @Test
  void should_give_up_on_a_server_that_trickles_one_byte_a_second() {
    HttpServer slow = fakeComfy((path, response) -> {
      response.setChunked(true).putHeader("content-type", "image/png");
      vertx.setPeriodic(1000, timer -> {
        if (response.closed()) {
          vertx.cancelTimer(timer);
        } else {
          response.write(Buffer.buffer(new byte[] {1}));
        }
      });
    });

    ToolResult result = generate(tool(new JsonObject().put("url", "http://127.0.0.1:" + slow.actualPort())
        .put("timeout_ms", 3000)), new JsonObject().put("prompt", "a fox"));

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("could not be made");
    assertThat(store.usedBytes()).isZero();
  }

  /** A ComfyUI without a WebSocket whose run is finished at once, and whose {@code /view} is {@code view}. */
  private HttpServer fakeComfy(java.util.function.BiConsumer<String, HttpServerResponse> view) {
    return vertx.createHttpServer().requestHandler(request -> {
      HttpServerResponse response = request.response();
      String path = request.path();
      if (path.equals("/prompt")) {
        response.putHeader("content-type", "application/json").end(new JsonObject().put("prompt_id", "p1")
            .put("number", 0).put("node_errors", new JsonObject()).encode());
      } else if (path.equals("/history/p1")) {
        JsonObject image = new JsonObject().put("filename", "x.png").put("subfolder", "").put("type", "output");
        response.putHeader("content-type", "application/json").end(new JsonObject().put("p1", new JsonObject()
            .put("outputs", new JsonObject().put("9", new JsonObject().put("images", new JsonArray().add(image))))
            .put("status", new JsonObject().put("completed", true).put("status_str", "success"))).encode());
      } else if (path.equals("/view")) {
        view.accept(path, response);
      } else {
        response.setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").await();
  }
}
