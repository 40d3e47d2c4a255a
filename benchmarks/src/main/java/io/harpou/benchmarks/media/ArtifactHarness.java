package io.harpou.benchmarks.media;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.artifact.ArtifactStores;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes and reads back a 2 MB image through the artifact store, one at a time, and prints the write and read
 * percentiles. {@code local} uses the embedded store in a fresh directory; {@code s3 ENDPOINT} uses an S3-compatible
 * server (s3rver in the measurements, bucket {@code harpou}, keys {@code S3RVER}). Each image differs in its first
 * bytes, so every write stores new content, and each is deleted after it is read so the quota never fills.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.harpou.benchmarks.media.ArtifactHarness local|s3 ROUNDS [ENDPOINT]}
 */
public final class ArtifactHarness {

  private static final int IMAGE_BYTES = 2 * 1024 * 1024;
  private static final int WARM_UP = 20;

  private ArtifactHarness() {
  }

  /** Runs the measurement. */
  public static void main(String[] args) throws Exception {
    String backend = args[0];
    int rounds = Integer.parseInt(args[1]);
    JsonObject section = new JsonObject().put("backend", backend).put("quota_bytes", 4L << 30);
    if (backend.equals("s3")) {
      section.put("s3", new JsonObject().put("endpoint", args[2]).put("bucket", "harpou")
          .put("access_key", "S3RVER").put("secret_key", "S3RVER"));
    }
    Vertx vertx = Vertx.vertx();
    Path dataDir = Files.createTempDirectory("harpou-artifact-bench");
    ArtifactStore store = ArtifactStores.open(vertx, new ArtifactOptions(section), dataDir).await();
    byte[] image = new byte[IMAGE_BYTES];
    new Random(7).nextBytes(image);
    ArtifactMetadata metadata = ArtifactMetadata.of("image/png", "benchmark", Utterance.of("benchmark"));
    long[] writes = new long[rounds];
    long[] reads = new long[rounds];
    for (int i = -WARM_UP; i < rounds; i++) {
      image[0] = (byte) i;
      image[1] = (byte) (i >> 8);
      image[2] = (byte) (i >> 16);
      Buffer content = Buffer.buffer(image);
      long start = System.nanoTime();
      Artifact artifact = store.put(content, metadata).await();
      long written = System.nanoTime();
      Buffer back = store.read(artifact.id()).await();
      long read = System.nanoTime();
      if (back.length() != IMAGE_BYTES || back.getByte(0) != image[0]) {
        throw new IllegalStateException("read back something else than was written");
      }
      store.delete(artifact.id()).await();
      if (i >= 0) {
        writes[i] = written - start;
        reads[i] = read - written;
      }
    }
    System.out.printf("%s, %d rounds of a 2 MiB image: write %s; read %s%n", backend, rounds, percentiles(writes),
        percentiles(reads));
    store.close().await();
    vertx.close().await();
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", at(sorted, 0.50), at(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
