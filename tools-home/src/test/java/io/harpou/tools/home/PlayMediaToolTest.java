package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.RecordedServiceCall;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** play_media against the virtual home: search_media then play_media, or Music Assistant's play_media. */
class PlayMediaToolTest {

  private VirtualHome home;

  @AfterEach
  void stop() {
    if (home != null) {
      home.close();
    }
  }

  private List<RecordedServiceCall> calls(String domain, String service) {
    return home.ha.calls().stream().filter(c -> c.domain().equals(domain) && c.service().equals(service)).toList();
  }

  @Test
  void should_find_the_album_kind_of_blue_and_play_it_on_the_soundbar() {
    home = new VirtualHome();

    ToolResult result = home.run("play_media", new JsonObject().put("name", "soundbar").put("query", "Kind of Blue")
        .put("media_class", "album"), "en", "living_room");

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(result.text()).isEqualTo("Playing Kind of Blue on Soundbar.");
    assertThat(home.state("media_player.soundbar")).isEqualTo("playing");
    assertThat(home.attributes("media_player.soundbar").getString("media_content_id"))
        .isEqualTo("library://album/kind-of-blue");
    assertThat(calls("media_player", "search_media")).singleElement()
        .satisfies(c -> assertThat(c.data().getJsonArray("media_filter_classes")).containsExactly("album"));
  }

  @Test
  void should_play_a_radio_station_through_music_assistant_in_the_kitchen() throws IOException {
    home = new VirtualHome(new JsonObject(), houseWithMusicAssistant());

    ToolResult result = home.run("play_media", new JsonObject().put("name", "kitchen music").put("query", "FIP Jazz")
        .put("media_class", "channel"), "en", "kitchen");

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(home.state("media_player.kitchen_music")).isEqualTo("playing");
    assertThat(calls("music_assistant", "play_media")).singleElement().satisfies(c -> {
      assertThat(c.data().getString("media_id")).isEqualTo("FIP Jazz");
      assertThat(c.data().getString("media_type")).isEqualTo("radio");
      assertThat(c.entityIds()).containsExactly("media_player.kitchen_music");
    });
    assertThat(calls("media_player", "search_media")).isEmpty();
  }

  @Test
  void should_say_that_a_player_that_cannot_search_cannot_and_play_nothing() throws InterruptedException {
    home = new VirtualHome();
    home.ha.setState("media_player.living_room_tv", "off", home.attributes("media_player.living_room_tv")
        .put("supported_features", 1 | 4 | 128 | 256 | 512 | 16384));
    awaitClientSees("media_player.living_room_tv", 1 | 4 | 128 | 256 | 512 | 16384);

    ToolResult result = home.run("play_media", new JsonObject().put("name", "TV").put("query", "Kind of Blue"),
        "en", "living_room");

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("TV cannot search for music");
    assertThat(home.state("media_player.living_room_tv")).isEqualTo("off");
    assertThat(calls("media_player", "play_media")).isEmpty();
  }

  @Test
  void should_say_nothing_was_found_and_leave_the_player_as_it_was() {
    home = new VirtualHome();

    ToolResult result = home.run("play_media", new JsonObject().put("name", "soundbar")
        .put("query", "polka from the moon"), "fr", "living_room");

    assertThat(result.error()).isTrue();
    assertThat(result.text()).isEqualTo("Je n'ai rien trouvé qui s'appelle « polka from the moon ».");
    assertThat(home.state("media_player.soundbar")).isEqualTo("idle");
  }

  /** Waits until the client's copy of the state shows {@code features}. */
  private void awaitClientSees(String entityId, int features) {
    Await.until("the client sees the new state of " + entityId, () -> home.client.state(entityId)
        .map(s -> s.attributes().getInteger("supported_features", 0)).orElse(0) == features);
  }

  /** The demo house with a Music Assistant player in the kitchen. */
  private static JsonObject houseWithMusicAssistant() throws IOException {
    try (InputStream in = PlayMediaToolTest.class.getResourceAsStream("/io/harpou/testkit/ha/demo-house.json")) {
      JsonObject house = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      house.getJsonArray("entities").add(new JsonObject().put("entity_id", "media_player.kitchen_music")
          .put("name", "Kitchen music").put("platform", "music_assistant").put("area_id", "kitchen")
          .put("state", "idle"));
      return house;
    }
  }
}
