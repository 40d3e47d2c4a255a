package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.home.CameraImage;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Camera images through Home Assistant's {@code camera_proxy}, and cameras (or proxies) that misbehave. */
class CameraImageTest extends VirtualHomeFixture {

  @Test
  void should_fetch_a_camera_image_through_camera_proxy() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient ha = connected();

    CameraImage image = ha.cameraImage("camera.front_door").await();

    assertThat(image.contentType()).isEqualTo("image/png");
    assertThat(image.bytes().getBytes(1, 4)).isEqualTo("PNG".getBytes());
  }

  @Test
  void should_say_when_there_is_no_such_camera() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient ha = connected();

    assertThatThrownBy(() -> ha.cameraImage("camera.nowhere").await()).isInstanceOf(HomeAssistantException.class)
        .satisfies(e -> assertThat(((HomeAssistantException) e).code()).isEqualTo("not_found"));
  }

  @Test
  void should_stop_reading_a_camera_that_never_stops_sending() {
    AtomicLong sent = new AtomicLong();
    HttpServer endless = vertx.createHttpServer().requestHandler(request -> {
      HttpServerResponse response = request.response().setChunked(true).putHeader("content-type", "image/jpeg");
      Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
      vertx.setPeriodic(1, timer -> {
        if (response.closed() || sent.get() > 64L << 20) {
          vertx.cancelTimer(timer);
        } else if (!response.writeQueueFull()) {
          sent.addAndGet(chunk.length());
          response.write(chunk);
        }
      });
    }).listen(0, "127.0.0.1").await();
    HomeAssistantClient ha = client(new HomeAssistantOptions().setUrl("http://127.0.0.1:" + endless.actualPort())
        .setToken("t").setCallTimeoutMs(20_000));

    assertThatThrownBy(() -> ha.cameraImage("camera.front_door").await()).isInstanceOf(HomeAssistantException.class)
        .satisfies(e -> assertThat(((HomeAssistantException) e).code()).isEqualTo("too_large"));
    assertThat(sent.get()).isLessThan(32L << 20);
  }

  @Test
  void should_give_up_on_a_camera_that_trickles_one_byte_a_second() {
    HttpServer slow = vertx.createHttpServer().requestHandler(request -> {
      HttpServerResponse response = request.response().setChunked(true).putHeader("content-type", "image/jpeg");
      vertx.setPeriodic(1000, timer -> {
        if (response.closed()) {
          vertx.cancelTimer(timer);
        } else {
          response.write(Buffer.buffer(new byte[] {1}));
        }
      });
    }).listen(0, "127.0.0.1").await();
    HomeAssistantClient ha = client(new HomeAssistantOptions().setUrl("http://127.0.0.1:" + slow.actualPort())
        .setToken("t").setCallTimeoutMs(1_500));

    assertThatThrownBy(() -> ha.cameraImage("camera.front_door").await()).isInstanceOf(HomeAssistantException.class)
        .satisfies(e -> assertThat(((HomeAssistantException) e).code()).isEqualTo(HomeAssistantException.TIMEOUT));
  }

  @Test
  void should_refuse_a_camera_answer_that_is_not_an_image() {
    HttpServer page = vertx.createHttpServer().requestHandler(request -> request.response()
        .putHeader("content-type", "text/html").end("<script>alert(1)</script>")).listen(0, "127.0.0.1").await();
    HomeAssistantClient ha = client(new HomeAssistantOptions().setUrl("http://127.0.0.1:" + page.actualPort())
        .setToken("t"));

    assertThatThrownBy(() -> ha.cameraImage("camera.front_door").await()).isInstanceOf(HomeAssistantException.class)
        .hasMessageContaining("text/html");
  }
}
