package io.harpou.bridge.vertx.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.OutsideRootException;
import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactException;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {

  private static final ArtifactMetadata SNAPSHOT = new ArtifactMetadata("image/png", "camera.front_door", "alice",
      "kitchen-chat", "http", "kitchen", null);

  @TempDir
  Path data;
  private Vertx vertx;
  private ArtifactStore store;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close().await();
    }
    vertx.close().await();
  }

  private ArtifactStore open(ArtifactOptions options) {
    store = ArtifactStores.open(vertx, options, data).await();
    return store;
  }

  @Test
  void should_keep_bytes_under_the_sha256_of_their_content_with_who_made_them() throws Exception {
    open(new ArtifactOptions());
    Buffer image = image(5000, 1);

    Artifact stored = store.put(image, SNAPSHOT).await();

    assertThat(stored.id()).isEqualTo(sha256(image));
    assertThat(store.read(stored.id()).await()).isEqualTo(image);
    Artifact found = store.find(stored.id()).await().orElseThrow();
    assertThat(found.metadata().user()).isEqualTo("alice");
    assertThat(found.metadata().conversationId()).isEqualTo("kitchen-chat");
    assertThat(found.contentType()).isEqualTo("image/png");
    assertThat(found.expiresAt()).isAfter(found.createdAt().plus(Duration.ofDays(29)));
    assertThat(store.list("kitchen-chat", 10).await()).extracting(Artifact::id).containsExactly(stored.id());
    assertThat(store.list("another-chat", 10).await()).isEmpty();
    assertThat(Files.readAllBytes(data.resolve("artifacts").resolve(stored.id().substring(0, 2))
        .resolve(stored.id()))).isEqualTo(image.getBytes());
  }

  @Test
  void should_store_the_same_bytes_once_and_count_them_once() {
    open(new ArtifactOptions());
    Buffer image = image(4000, 2);

    Artifact first = store.put(image, SNAPSHOT).await();
    Artifact second = store.put(image.copy(), SNAPSHOT.withRetention(Duration.ofDays(90))).await();

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.expiresAt()).isAfter(first.expiresAt());
    assertThat(store.usedBytes()).isEqualTo(4000);
  }

  @Test
  void should_keep_artifacts_across_a_restart() {
    open(new ArtifactOptions());
    Artifact stored = store.put(image(3000, 3), SNAPSHOT).await();
    store.close().await();

    open(new ArtifactOptions());

    assertThat(store.find(stored.id()).await()).contains(stored);
    assertThat(store.usedBytes()).isEqualTo(3000);
  }

  @Test
  void should_refuse_an_artifact_over_the_size_limit_and_keep_nothing() throws IOException {
    open(new ArtifactOptions().setMaxArtifactBytes(10_000));

    assertThatThrownBy(() -> store.put(image(10_001, 4), SNAPSHOT).await())
        .isInstanceOf(ArtifactException.class).hasMessageContaining("10000")
        .satisfies(e -> assertThat(((ArtifactException) e).reason()).isEqualTo(ArtifactException.Reason.TOO_LARGE));
    assertThat(filesUnder(data.resolve("artifacts"))).isEmpty();
  }

  @Test
  void should_stop_reading_an_endless_stream_at_the_size_limit() throws IOException {
    open(new ArtifactOptions().setMaxArtifactBytes(1 << 20));
    AsyncFile endless = vertx.fileSystem().open("/dev/zero", new OpenOptions().setRead(true)).await();

    assertThatThrownBy(() -> store.put(endless, SNAPSHOT).await()).isInstanceOf(ArtifactException.class)
        .satisfies(e -> assertThat(((ArtifactException) e).reason()).isEqualTo(ArtifactException.Reason.TOO_LARGE));
    endless.close();
    assertThat(filesUnder(data.resolve("artifacts"))).isEmpty();
    assertThat(store.usedBytes()).isZero();
  }

  @Test
  void should_refuse_a_put_that_would_fill_the_quota_and_keep_what_it_had() {
    open(new ArtifactOptions().setQuotaBytes(10_000));
    Artifact kept = store.put(image(6000, 5), SNAPSHOT).await();

    assertThatThrownBy(() -> store.put(image(6000, 6), SNAPSHOT).await()).isInstanceOf(ArtifactException.class)
        .hasMessageContaining("full")
        .satisfies(e -> assertThat(((ArtifactException) e).reason())
            .isEqualTo(ArtifactException.Reason.QUOTA_EXCEEDED));
    assertThat(store.list(null, 10).await()).extracting(Artifact::id).containsExactly(kept.id());
    assertThat(store.read(kept.id()).await().length()).isEqualTo(6000);
    assertThat(store.usedBytes()).isEqualTo(6000);

    assertThat(store.delete(kept.id()).await()).isTrue();
    assertThat(store.put(image(6000, 6), SNAPSHOT).await().size()).isEqualTo(6000);
  }

  @Test
  void should_neither_serve_nor_keep_an_artifact_past_its_retention() throws Exception {
    open(new ArtifactOptions());
    Artifact brief = store.put(image(2000, 7), SNAPSHOT.withRetention(Duration.ofMillis(300))).await();
    Thread.sleep(400);

    assertThat(store.find(brief.id()).await()).isEmpty();
    assertThatThrownBy(() -> store.read(brief.id()).await()).isInstanceOf(ArtifactException.class)
        .satisfies(e -> assertThat(((ArtifactException) e).reason()).isEqualTo(ArtifactException.Reason.NOT_FOUND));
    store.close().await();

    open(new ArtifactOptions());
    assertThat(filesUnder(data.resolve("artifacts"))).isEmpty();
    assertThat(store.usedBytes()).isZero();
  }

  @Test
  void should_treat_a_path_or_a_forged_id_as_no_artifact() throws IOException {
    open(new ArtifactOptions());
    Files.writeString(data.resolve("secret.txt"), "the keys");
    Artifact stored = store.put(image(1000, 8), SNAPSHOT).await();

    for (String forged : List.of("../secret.txt", "../../etc/passwd", stored.id().toUpperCase(),
        stored.id().substring(0, 2) + "/../" + stored.id(), stored.id() + ".json", "", "%2e%2e%2fsecret.txt")) {
      assertThat(store.find(forged).await()).as(forged).isEmpty();
      assertThatThrownBy(() -> store.read(forged).await()).as(forged).isInstanceOf(ArtifactException.class);
      assertThat(store.delete(forged).await()).as(forged).isFalse();
    }
    assertThat(Files.readString(data.resolve("secret.txt"))).isEqualTo("the keys");
    assertThat(store.read(stored.id()).await().length()).isEqualTo(1000);
  }

  @Test
  void should_refuse_an_artifacts_folder_that_links_out_of_the_data_dir(@TempDir Path elsewhere) throws IOException {
    Files.createSymbolicLink(data.resolve("artifacts"), elsewhere);

    assertThatThrownBy(() -> open(new ArtifactOptions())).hasMessageContaining("artifact store")
        .hasRootCauseInstanceOf(OutsideRootException.class);
    assertThat(filesUnder(elsewhere)).isEmpty();
  }

  @Test
  void should_refuse_to_serve_bytes_changed_behind_its_back() throws IOException {
    open(new ArtifactOptions());
    Artifact stored = store.put(image(1500, 9), SNAPSHOT).await();
    Path file = data.resolve("artifacts").resolve(stored.id().substring(0, 2)).resolve(stored.id());
    Files.write(file, "something else".getBytes());

    assertThatThrownBy(() -> store.read(stored.id()).await()).isInstanceOf(ArtifactException.class)
        .hasMessageContaining("no longer matches");
  }

  /** Bytes that look like a PNG, {@code size} long, different for each {@code seed}. */
  static Buffer image(int size, int seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, bytes, 0, Math.min(size, signature.length));
    return Buffer.buffer(bytes);
  }

  static String sha256(Buffer bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.getBytes()));
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
