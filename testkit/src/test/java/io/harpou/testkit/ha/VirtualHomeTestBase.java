package io.harpou.testkit.ha;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts a virtual home with the demo house on a free port before each test. */
@ExtendWith(VertxExtension.class)
abstract class VirtualHomeTestBase {

  Vertx vertx;
  VirtualHomeAssistant home;

  VirtualHomeOptions options() {
    return new VirtualHomeOptions().setAccessToken("test-token");
  }

  @BeforeEach
  void startHome(Vertx vertx) {
    this.vertx = vertx;
    home = VirtualHomeAssistant.create(vertx, options()).start().await();
  }

  @AfterEach
  void stopHome() {
    home.close().await();
  }

  WsTestClient client() {
    return WsTestClient.authenticated(vertx, home);
  }
}
