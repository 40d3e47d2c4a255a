package io.harpou.testkit.mopidy;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.MediaPeers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Mopidy simulator, judged by Mopidy's official JavaScript client and by Mopidy's own refusals. */
class MopidyFidelityTest {

  private final Vertx vertx = Vertx.vertx();
  private MopidySimulator mopidy;

  @BeforeEach
  void start() {
    mopidy = MopidySimulator.create(vertx, new MopidySimulatorOptions()).start().await();
  }

  @AfterEach
  void stop() {
    mopidy.close().await();
    vertx.close().await();
  }

  @Test
  void should_serve_the_official_client_search_queue_play_skip_and_volume_with_mopidys_events() throws Exception {
    JsonObject run = MediaPeers.run("mopidy-peer.mjs", mopidy.url());

    assertThat(run.getString("version")).isEqualTo("3.4.2");
    assertThat(run.getJsonArray("schemes")).containsExactly("local", "tidal");
    assertThat(run.getString("album")).isEqualTo("Kind of Blue");
    assertThat(run.getJsonArray("tidal_jazz").getList()).isNotEmpty()
        .allMatch(uri -> String.valueOf(uri).startsWith("tidal:track:"));
    assertThat(run.getJsonArray("added")).startsWith("So What", "Freddie Freeloader").hasSize(5);
    assertThat(run.getString("current")).isEqualTo("Freddie Freeloader");
    assertThat(run.getString("current_model")).isEqualTo("Track");
    assertThat(run.getInteger("volume")).isEqualTo(35);
    assertThat(run.getString("state")).isEqualTo("playing");
    assertThat(run.getJsonObject("badVolume").getInteger("code")).isZero();
    assertThat(run.getJsonObject("badVolume").getString("name")).isEqualTo("ServerError");
    assertThat(run.getJsonObject("unknown").getInteger("code")).isEqualTo(-32601);
    assertThat(run.getJsonArray("events").getList()).containsSubsequence("event:tracklistChanged",
        "event:playbackStateChanged", "event:trackPlaybackStarted", "event:trackPlaybackEnded",
        "event:trackPlaybackStarted", "event:volumeChanged");
    assertThat(mopidy.currentTrack().getString("name")).isEqualTo("Freddie Freeloader");
    assertThat(mopidy.volume()).isEqualTo(35);
  }

  @Test
  void should_refuse_a_foreign_origin_and_a_body_that_is_not_json_as_mopidys_csrf_protection_does()
      throws Exception {
    String play = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"core.playback.play\"}";

    HttpResponse<String> foreign = post(play, "application/json", "http://evil.example");
    HttpResponse<String> form = post(play, "text/plain", null);

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(mopidy.calls()).isEmpty();
  }

  @Test
  void should_answer_malformed_requests_with_json_rpc_errors() throws Exception {
    assertThat(new JsonObject(post("{not json", "application/json", null).body()).getJsonObject("error")
        .getInteger("code")).isEqualTo(-32700);
    assertThat(new JsonObject(post("{\"id\":1,\"method\":\"core.get_version\"}", "application/json", null).body())
        .getJsonObject("error").getInteger("code")).isEqualTo(-32600);
    assertThat(new JsonObject(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"core.mixer.set_volume\","
        + "\"params\":{\"loudness\":3}}", "application/json", null).body()).getJsonObject("error")
        .getJsonObject("data").getString("message")).contains("unexpected keyword argument 'loudness'");
    assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"core.playback.stop\"}", "application/json", null)
        .statusCode()).isEqualTo(204);
  }

  private HttpResponse<String> post(String body, String type, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mopidy.url() + "/mopidy/rpc"))
        .header("content-type", type).POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("origin", origin);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
