package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import java.nio.file.Path;

/**
 * This hub's name among the hubs sharing a database: {@code database.node_id} when configured, else a name made once
 * and kept in the data directory's {@code node-id} file. A restarted hub keeps its name, so it interrupts its own
 * earlier tasks at once instead of waiting for their lease to lapse.
 */
final class SharedNodeName {

  static final String FILE = "node-id";

  private SharedNodeName() {
  }

  /** {@code options} with this hub's name; fails with {@link BridgeException} when the file holds no usable name. */
  static Future<PgStoreOptions> named(Vertx vertx, Path dataDir, PgStoreOptions options) {
    if (options.hasNodeId()) {
      return Future.succeededFuture(options);
    }
    FileSystem fs = vertx.fileSystem();
    String file = dataDir.resolve(FILE).toString();
    return fs.exists(file).compose(exists -> exists
            ? fs.readFile(file).map(content -> content.toString().trim())
            : made(fs, file))
        .compose(name -> {
          try {
            return Future.succeededFuture(options.setNodeId(name));
          } catch (IllegalArgumentException e) {
            return Future.failedFuture(new BridgeException(file + ": " + e.getMessage()));
          }
        });
  }

  private static Future<String> made(FileSystem fs, String file) {
    String name = PgStoreOptions.randomNodeId();
    return fs.writeFile(file, Buffer.buffer(name + "\n")).map(name);
  }
}
