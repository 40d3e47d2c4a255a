package io.harpou.tools.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.testkit.mopidy.MopidySimulator;
import io.harpou.testkit.mopidy.MopidySimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** play_music, music_control and now_playing against the Mopidy simulator, and against a Mopidy that misbehaves. */
class MusicToolsTest {

  private final Vertx vertx = Vertx.vertx();
  private MopidySimulator mopidy;
  private ToolContext english;

  @BeforeEach
  void start() {
    mopidy = MopidySimulator.create(vertx, new MopidySimulatorOptions()).start().await();
    english = ToolContext.builder(vertx, Utterance.of("play some jazz in the kitchen")).build();
  }

  @AfterEach
  void stop() {
    mopidy.close().await();
    vertx.close().await();
  }

  private Tool tool(String name, JsonObject section) {
    return new MediaToolProvider().tools(new JsonObject().put("mopidy", section)).stream()
        .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private Tool tool(String name) {
    return tool(name, new JsonObject().put("url", mopidy.url()).put("room", "kitchen"));
  }

  private ToolResult call(String name, JsonObject args) {
    return tool(name).call(ToolCall.of(name, args), english).await();
  }

  @Test
  void should_play_the_album_kind_of_blue_from_its_first_track() {
    ToolResult result = call("play_music", new JsonObject().put("query", "Kind of Blue").put("kind", "album"));

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(result.json().getString("message")).isEqualTo("Playing Kind of Blue by Miles Davis in the kitchen.");
    assertThat(mopidy.playbackState()).isEqualTo("playing");
    assertThat(mopidy.currentTrack().getString("name")).isEqualTo("So What");
    assertThat(mopidy.tracklist()).hasSize(5);
  }

  @Test
  void should_play_some_jazz_up_to_the_limit() {
    Tool play = tool("play_music", new JsonObject().put("url", mopidy.url()).put("max_tracks", 4));

    ToolResult result = play.call(ToolCall.of("play_music", new JsonObject().put("query", "jazz")
        .put("kind", "genre")), english).await();

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(mopidy.tracklist()).hasSize(4).allMatch(t -> t.getString("genre").equals("Jazz"));
    assertThat(mopidy.playbackState()).isEqualTo("playing");
  }

  @Test
  void should_search_only_tidal_when_asked() {
    ToolResult result = call("play_music", new JsonObject().put("query", "jazz").put("source", "tidal"));

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(mopidy.tracklist()).isNotEmpty().allMatch(t -> t.getString("uri").startsWith("tidal:"));
  }

  @Test
  void should_say_nothing_matches_and_leave_what_plays_alone() {
    call("play_music", new JsonObject().put("query", "Giant Steps").put("kind", "album"));

    ToolResult result = call("play_music", new JsonObject().put("query", "polka from the moon"));

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("Nothing in Mopidy's library matches");
    assertThat(mopidy.currentTrack().getString("name")).isEqualTo("Giant Steps");
    assertThat(mopidy.tracklist()).hasSize(3);
  }

  @Test
  void should_skip_to_the_next_track_and_say_what_plays_now() {
    call("play_music", new JsonObject().put("query", "Kind of Blue").put("kind", "album"));

    ToolResult next = call("music_control", new JsonObject().put("action", "next"));
    ToolResult playing = call("now_playing", new JsonObject());

    assertThat(next.text()).isEqualTo("Now playing Freddie Freeloader by Miles Davis, from Kind of Blue.");
    assertThat(mopidy.currentTrack().getString("name")).isEqualTo("Freddie Freeloader");
    assertThat(playing.json().getString("message"))
        .isEqualTo("Playing Freddie Freeloader by Miles Davis, from Kind of Blue.");
  }

  @Test
  void should_set_and_step_the_volume_and_pause() {
    call("play_music", new JsonObject().put("query", "Discovery").put("kind", "album"));

    call("music_control", new JsonObject().put("action", "volume_set").put("volume", 35));
    assertThat(mopidy.volume()).isEqualTo(35);
    call("music_control", new JsonObject().put("action", "volume_up"));
    assertThat(mopidy.volume()).isEqualTo(45);
    ToolResult paused = call("music_control", new JsonObject().put("action", "pause"));

    assertThat(paused.text()).isEqualTo("Music paused.");
    assertThat(mopidy.playbackState()).isEqualTo("paused");
  }

  @Test
  void should_refuse_a_volume_beyond_100_before_calling_mopidy() {
    assertThatThrownBy(() -> call("music_control", new JsonObject().put("action", "volume_set").put("volume", 300)))
        .isInstanceOf(ToolArgumentsException.class);
    assertThat(mopidy.calls()).isEmpty();
  }

  @Test
  void should_say_nothing_plays_when_mopidy_is_stopped() {
    ToolResult result = call("now_playing", new JsonObject());

    assertThat(result.json().getString("message")).isEqualTo("Nothing is playing.");
  }

  @Test
  void should_stop_reading_an_answer_that_never_ends() {
    AtomicLong sent = new AtomicLong();
    HttpServer endless = vertx.createHttpServer().requestHandler(request -> {
      request.response().setChunked(true).putHeader("content-type", "application/json").write("{\"result\": \"");
      Buffer chunk = Buffer.buffer("a".repeat(64 * 1024));
      vertx.setPeriodic(1, timer -> {
        if (request.response().closed() || sent.get() > 256L << 20) {
          vertx.cancelTimer(timer);
        } else if (!request.response().writeQueueFull()) {
          sent.addAndGet(chunk.length());
          request.response().write(chunk);
        }
      });
    }).listen(0, "127.0.0.1").await();
    Tool nowPlaying = tool("now_playing", new JsonObject().put("url", "http://127.0.0.1:" + endless.actualPort()));

    ToolResult result = nowPlaying.call(ToolCall.of("now_playing", new JsonObject()), english).await();

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("larger than");
    assertThat(sent.get()).isLessThan(64L << 20);
  }
}
