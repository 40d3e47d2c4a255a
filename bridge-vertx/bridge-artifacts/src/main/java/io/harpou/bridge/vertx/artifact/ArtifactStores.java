package io.harpou.bridge.vertx.artifact;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.Providers;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.vertx.artifact.impl.IndexedArtifactStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/** Opens the artifact store the configuration names. */
public final class ArtifactStores {

  private ArtifactStores() {
  }

  /**
   * Finds the backend's provider, makes the backend, reads every record and sweeps what has expired.
   *
   * @return the store; fails with {@link BridgeException} naming the problem (no such backend, a folder that leads
   *     out of the data directory, storage that cannot be reached)
   */
  public static Future<ArtifactStore> open(Vertx vertx, ArtifactOptions options, Path dataDir) {
    Map<String, ArtifactStoreProvider> found = Providers.load(ArtifactStoreProvider.class, ArtifactStoreProvider::id);
    ArtifactStoreProvider provider = found.get(options.getBackend());
    if (provider == null) {
      return Future.failedFuture(new BridgeException("no artifact backend '" + options.getBackend()
          + "' on the class path (installed: " + found.keySet() + "; S3 is io.harpou:bridge-artifacts-s3)"));
    }
    return vertx.executeBlocking(() -> provider.backend(vertx, options, dataDir), false)
        .recover(e -> Future.failedFuture(new BridgeException("the artifact store (" + options.getBackend()
            + ") cannot start: " + e.getMessage(), e)))
        .compose(backend -> over(vertx, options, backend));
  }

  /** A store over {@code backend}, with the limits of {@code options}: what every provider's store is. */
  public static Future<ArtifactStore> over(Vertx vertx, ArtifactOptions options, ArtifactBackend backend) {
    return IndexedArtifactStore.open(vertx, options, backend);
  }
}
