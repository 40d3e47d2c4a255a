package io.harpou.bridge.vertx.ha;

import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A Vert.x instance, a virtual home on a free loopback port, and the clients a test opened. */
abstract class VirtualHomeFixture {

  protected Vertx vertx;
  protected VirtualHomeAssistant home;
  private HomeAssistantClient client;

  @BeforeEach
  void start_vertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop_everything() {
    if (client != null) {
      client.close().await();
    }
    if (home != null) {
      home.close().await();
    }
    vertx.close().await();
  }

  protected VirtualHomeAssistant startHome(VirtualHomeOptions options) {
    home = VirtualHomeAssistant.create(vertx, options);
    home.start().await();
    return home;
  }

  /** Options aimed at the virtual home, with quick reconnection so tests do not wait on defaults. */
  protected HomeAssistantOptions options() {
    return new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken()).setInitialBackoffMs(50)
        .setMaxBackoffMs(200).setBackoffJitter(0).setCallTimeoutMs(5_000).setDisconnectedWaitMs(5_000);
  }

  protected HomeAssistantClient client(HomeAssistantOptions options) {
    client = HomeAssistantClient.create(vertx, options);
    return client;
  }

  protected HomeAssistantClient connected() {
    HomeAssistantClient c = client(options());
    c.connect().await();
    return c;
  }

  /** Waits (bounded) for something the client does asynchronously; fails the test if it never happens. */
  protected static void eventually(String what, BooleanSupplier condition) {
    Await.until(what, condition::getAsBoolean);
  }
}
