package io.harpou.bridge.api.monitor;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a monitor may use while it looks: Vert.x (for workers, timers and clients) and the hub's data directory.
 *
 * @param vertx the Vert.x instance
 * @param dataDir where the hub keeps its files
 */
public record MonitorContext(Vertx vertx, Path dataDir) {

  /** Requires both. */
  public MonitorContext {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(dataDir, "dataDir");
  }
}
