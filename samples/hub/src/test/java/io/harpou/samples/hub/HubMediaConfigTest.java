package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The media settings reach the sections that read them, from the environment or from flags. */
class HubMediaConfigTest {

  @Test
  void should_point_the_media_tools_and_the_vision_model_where_the_environment_says() {
    JsonObject file = new JsonObject().put("tools", new JsonObject().put("media", new JsonObject()
        .put("comfyui", new JsonObject().put("max_images", 2))));

    JsonObject config = HubConfig.resolve(file, Map.of("HARPOU_COMFYUI_URL", "http://gpu-box:8188",
        "HARPOU_VISION_MODEL", "qwen2.5vl:7b"), Map.of("--mopidy-url", "http://music-box:6680"));

    JsonObject media = config.getJsonObject("tools").getJsonObject("media");
    assertThat(media.getJsonObject("comfyui").getString("url")).isEqualTo("http://gpu-box:8188");
    assertThat(media.getJsonObject("comfyui").getInteger("max_images")).isEqualTo(2);
    assertThat(media.getJsonObject("mopidy").getString("url")).isEqualTo("http://music-box:6680");
    assertThat(config.getJsonObject("agent").getJsonObject("vision").getString("model")).isEqualTo("qwen2.5vl:7b");
  }
}
