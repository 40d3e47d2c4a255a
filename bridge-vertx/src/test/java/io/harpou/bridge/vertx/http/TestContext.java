package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.impl.Services;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** A bridge context for tests: a real database and health, hand-set services, the HTTP API started on port 0. */
final class TestContext extends Services {

  TestContext(Vertx vertx, Path dataDir, JsonObject http) {
    super(vertx, new BridgeOptions().setDataDir(dataDir)
            .setSection("http", new JsonObject().put("host", "127.0.0.1").put("port", 0).mergeIn(http)),
        new Health(vertx).listen(), Database.open(vertx, dataDir.resolve("harpou.db")).await(),
        ToolRegistry.builder(new JsonObject()).build());
  }

  /** Starts the HTTP API component; the Future fails as the component does. */
  Future<Void> startHttp() {
    return new HttpApiComponent().start(this);
  }

  String base() {
    return "http://127.0.0.1:" + httpPort();
  }
}
