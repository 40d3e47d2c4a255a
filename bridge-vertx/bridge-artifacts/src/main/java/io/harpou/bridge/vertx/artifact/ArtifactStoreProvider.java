package io.harpou.bridge.vertx.artifact;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes the backend of one kind of storage ({@code local}, {@code s3}). Providers are found by
 * {@link io.harpou.bridge.api.Providers}: list the class in
 * {@code META-INF/services/io.harpou.bridge.vertx.artifact.ArtifactStoreProvider}; {@code artifacts.backend} names
 * one by its {@link #id()}.
 */
public interface ArtifactStoreProvider {

  /** The name {@code artifacts.backend} uses. */
  String id();

  /**
   * Makes the backend; called once, on a worker thread, so it may check the storage.
   *
   * @param dataDir the hub's data directory
   * @throws IllegalArgumentException when the configuration is unusable
   * @throws IOException when the storage cannot be reached or prepared
   */
  ArtifactBackend backend(Vertx vertx, ArtifactOptions options, Path dataDir) throws IOException;
}
