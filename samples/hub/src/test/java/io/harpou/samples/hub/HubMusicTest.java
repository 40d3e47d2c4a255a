package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Play the album Kind of Blue on the soundbar", through the hub's agent, its policy and the virtual home. */
class HubMusicTest {

  private final Vertx vertx = Vertx.vertx();
  private HubHarness hub;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    hub = HubHarness.start(vertx, dataDir, new JsonObject(), true);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_search_the_album_and_play_it_on_the_soundbar() {
    hub.ollama.addRule(OllamaMatch.userContains("Kind of Blue").thenReply(OllamaReply.toolCall("play_media",
        new JsonObject().put("name", "soundbar").put("query", "Kind of Blue").put("media_class", "album"))));

    hub.say("play the album Kind of Blue on the soundbar", "m1");

    assertThat(hub.state("media_player.soundbar")).isEqualTo("playing");
    assertThat(hub.callsOf("media_player")).isEqualTo(2);
  }
}
