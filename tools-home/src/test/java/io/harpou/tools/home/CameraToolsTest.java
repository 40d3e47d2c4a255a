package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.artifact.ArtifactStores;
import io.harpou.tools.home.impl.CameraInterpreter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** camera_snapshot, describe_camera and "show me the front door camera", against the virtual home's cameras. */
class CameraToolsTest {

  @TempDir
  Path data;
  private VirtualHome home;
  private final List<VisionModel.Image> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    home = new VirtualHome();
    home.artifacts = ArtifactStores.open(home.vertx, new ArtifactOptions(), data).await();
  }

  @AfterEach
  void stop() {
    home.artifacts.close().await();
    home.close();
  }

  private static JsonObject camera(String id) {
    return new JsonObject().put("entity_id", id);
  }

  private Buffer proxied(String entityId) {
    return home.client.cameraImage(entityId).await().bytes();
  }

  @Test
  void should_keep_the_camera_image_as_an_artifact_and_cite_it() {
    ToolResult result = home.run("camera_snapshot", camera("camera.garden"), "en", null);

    assertThat(result.error()).as(result.content()).isFalse();
    Artifact cited = Artifact.fromJson(result.json().getJsonObject("artifact"));
    assertThat(cited.contentType()).isEqualTo("image/png");
    assertThat(cited.metadata().source()).isEqualTo("camera.garden");
    assertThat(home.artifacts.read(cited.id()).await()).isEqualTo(proxied("camera.garden"));
    assertThat(result.json().getString("message")).isEqualTo("Here is Garden camera.");
  }

  @Test
  void should_show_nothing_without_an_artifact_store() {
    home.artifacts.close().await();
    var store = home.artifacts;
    home.artifacts = null;
    try {
      ToolResult result = home.run("camera_snapshot", camera("camera.garden"), "en", null);
      assertThat(result.error()).isTrue();
      assertThat(result.text()).contains("keeps no artifacts");
    } finally {
      home.artifacts = store;
    }
  }

  @Test
  void should_answer_about_a_camera_with_the_vision_model_and_cite_the_image_it_saw() {
    home.vision = new VisionModel() {
      @Override
      public Future<String> ask(String question, List<Image> images, String language) {
        seen.addAll(images);
        return Future.succeededFuture(question.contains("package") ? "Yes, a brown box by the door." : "?");
      }

      @Override
      public String description() {
        return "test vision";
      }
    };

    ToolResult result = home.run("describe_camera", camera("camera.front_door")
        .put("question", "Is there a package at the front door?"), "en", null);

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(result.json().getString("answer")).isEqualTo("Yes, a brown box by the door.");
    Artifact cited = Artifact.fromJson(result.json().getJsonObject("artifact"));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).bytes()).isEqualTo(home.artifacts.read(cited.id()).await());
    assertThat(seen.get(0).bytes()).isEqualTo(proxied("camera.front_door"));
  }

  @Test
  void should_say_that_no_vision_model_is_configured() {
    ToolResult result = home.run("describe_camera", camera("camera.front_door"), "en", null);

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("agent.vision.model");
  }

  @Test
  void should_show_the_front_door_camera_when_asked_without_a_model() {
    Utterance asked = new Utterance("show me the front door camera", "en", null, null, "kitchen", null, null);

    Interpretation handled = new CameraInterpreter().interpret(asked, home.context(asked), home.executor()).await();

    Reply reply = handled.handledReply().orElseThrow();
    assertThat(reply.speech()).isEqualTo("Here is Front door camera.");
    assertThat(home.calls).extracting(c -> c.name()).containsExactly("camera_snapshot");
    assertThat(home.artifacts.list(asked.conversationId(), 10).await()).hasSize(1);
  }

  @Test
  void should_show_a_camera_asked_for_in_french() {
    Utterance asked = new Utterance("montre-moi la caméra du jardin", "fr", null, null, null, null, null);

    Interpretation handled = new CameraInterpreter().interpret(asked, home.context(asked), home.executor()).await();

    assertThat(handled.handledReply().orElseThrow().speech()).startsWith("Voici");
  }

  @Test
  void should_leave_other_sentences_to_the_others() {
    Utterance other = Utterance.of("show me the weather");

    assertThat(new CameraInterpreter().interpret(other, home.context(other), home.executor()).await()
        .handledReply()).isEmpty();
    assertThat(home.calls).isEmpty();
  }
}
