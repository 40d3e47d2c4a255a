package io.harpou.testkit.ha;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

/** Starts a virtual home with the demo house on a free port before each test. */
@ExtendWith(VertxExtension.class)
abstract class VirtualHomeTestBase {

  Vertx vertx;
  VirtualHomeAssistant home;

  VirtualHomeOptions options() {
    return new VirtualHomeOptions().setAccessToken("test-token");
  }

  @BeforeEach
  void startHome(Vertx vertx) throws Exception {
    this.vertx = vertx;
    // Bounded waits: a test that cannot start its server fails instead of hanging the build.
    home = VirtualHomeAssistant.create(vertx, options()).start().await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopHome() throws Exception {
    home.close().await(30, TimeUnit.SECONDS);
  }

  WsTestClient client() {
    return WsTestClient.authenticated(vertx, home);
  }
}
