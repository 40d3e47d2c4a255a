package io.harpou.bridge.vertx.artifact.impl;

import io.harpou.bridge.vertx.artifact.ArtifactBackend;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.artifact.ArtifactStoreProvider;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;

/** The {@code local} backend: files in {@code artifacts.dir} of the data directory. */
public final class LocalArtifactStoreProvider implements ArtifactStoreProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} uses this constructor. */
  public LocalArtifactStoreProvider() {
  }

  @Override
  public String id() {
    return ArtifactOptions.LOCAL;
  }

  @Override
  public ArtifactBackend backend(Vertx vertx, ArtifactOptions options, Path dataDir) throws IOException {
    return LocalDiskBackend.open(dataDir, options.getDir());
  }
}
