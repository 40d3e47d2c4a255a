package io.harpou.bridge.vertx.artifact.s3;

import io.harpou.bridge.vertx.artifact.ArtifactBackend;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.artifact.ArtifactStoreProvider;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/** The {@code s3} backend, configured by {@code artifacts.s3} ({@link S3Options}). */
public final class S3ArtifactStoreProvider implements ArtifactStoreProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} uses this constructor. */
  public S3ArtifactStoreProvider() {
  }

  @Override
  public String id() {
    return "s3";
  }

  @Override
  public ArtifactBackend backend(Vertx vertx, ArtifactOptions options, Path dataDir) {
    return S3Backend.open(new S3Options(options.section(id())), options.getMaxArtifactBytes());
  }
}
