package io.harpou.samples.hub;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.testkit.ha.HouseFile;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The hub: runs the virtual home when no Home Assistant is configured, then the {@link Bridge} on the whole
 * configuration, and prints what it runs.
 */
public final class HubVerticle extends VerticleBase {

  private VirtualHomeAssistant virtualHome;
  private Bridge bridge;
  private HubCluster cluster;

  @Override
  public Future<?> start() {
    JsonObject config = config().copy();
    JsonObject home = config.getJsonObject("home_assistant", new JsonObject());
    config.put("home_assistant", home);
    // The hub always serves Wyoming (voice starts only where the configuration asks for it).
    config.put("wyoming", config.getJsonObject("wyoming", new JsonObject()));
    if (vertx.isClustered()) {
      return startClustered(config);
    }
    Future<Void> homeReady = home.getString("url") != null ? Future.succeededFuture() : startVirtualHome(config, home);
    return homeReady
        .compose(v -> Bridge.create(vertx, new BridgeOptions(config)).start())
        .onSuccess(started -> {
          bridge = started;
          System.out.print(StartupReport.describe(config, started, virtualHome));
        });
  }

  private Future<?> startClustered(JsonObject config) {
    return HubCluster.start(vertx, config).onSuccess(started -> {
      cluster = started;
      bridge = started.bridge();
      System.out.print(StartupReport.describe(config, bridge, null));
    });
  }

  private Future<Void> startVirtualHome(JsonObject config, JsonObject home) {
    JsonObject section = config.getJsonObject("virtual_home", new JsonObject()).copy();
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    // Reading a house file and building the house parse JSON: keep them off the event loop.
    return vertx.executeBlocking(() -> {
      if (section.getValue("house") instanceof String file) {
        section.put("house", HouseFile.read(Path.of(file)));
      }
      VirtualHomeOptions options = new VirtualHomeOptions(section)
          .setAccessToken(section.getString("access_token", HexFormat.of().formatHex(secret)));
      return VirtualHomeAssistant.create(vertx, options);
    }, false)
        .compose(VirtualHomeAssistant::start).map(started -> {
      virtualHome = started;
      home.put("url", started.url()).put("token", started.accessToken());
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = cluster != null ? cluster.close()
        : bridge == null ? Future.succeededFuture() : bridge.close();
    return closed.eventually(() -> virtualHome == null ? Future.succeededFuture() : virtualHome.close())
        .onComplete(done -> System.out.println("Harpou stopped."));
  }

  /** The virtual home, when the hub runs one (no Home Assistant configured); null otherwise. */
  public VirtualHomeAssistant virtualHome() {
    return virtualHome;
  }

  /** The running bridge, once started. */
  public Bridge bridge() {
    return bridge;
  }
}
