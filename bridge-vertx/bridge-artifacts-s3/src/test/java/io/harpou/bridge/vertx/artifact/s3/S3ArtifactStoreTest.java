package io.harpou.bridge.vertx.artifact.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactException;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.artifact.ArtifactStores;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 backend against s3rver, with the AWS SDK for JavaScript reading back what Harpou stored. */
class S3ArtifactStoreTest {

  private static final ArtifactMetadata IMAGE = new ArtifactMetadata("image/png", "comfyui", "bob", "studio-chat",
      "http", null, null);

  @TempDir
  static Path s3Data;
  @TempDir
  Path data;
  private static S3rverProcess s3;
  private Vertx vertx;
  private ArtifactStore store;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3rverProcess.start(s3Data);
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

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

  private ArtifactStore open(String prefix, long maxBytes) {
    store = ArtifactStores.open(vertx, new ArtifactOptions().setBackend("s3").setMaxArtifactBytes(maxBytes)
        .setSection("s3", s3.section().put("prefix", prefix)), data).await();
    return store;
  }

  @Test
  void should_store_what_the_aws_javascript_client_reads_back_byte_for_byte() throws Exception {
    open("readback/", 8 << 20);
    Buffer image = bytes(2 << 20, 1);

    Artifact stored = store.put(image, IMAGE).await();

    JsonObject object = s3.peer("get", "readback/" + stored.id());
    assertThat(object.getString("sha256")).isEqualTo(stored.id());
    assertThat(object.getInteger("size")).isEqualTo(2 << 20);
    assertThat(object.getString("content_type")).isEqualTo("image/png");
    JsonObject record = new JsonObject(s3.peer("get", "readback/" + stored.id() + ".json").getString("text"));
    assertThat(record.getString("user")).isEqualTo("bob");
    assertThat(record.getString("conversation_id")).isEqualTo("studio-chat");
    assertThat(record.getString("expires_at")).isEqualTo(stored.expiresAt().toString());
    assertThat(store.read(stored.id()).await()).isEqualTo(image);
  }

  @Test
  void should_find_its_artifacts_again_after_a_restart_and_delete_them() {
    open("restart/", 8 << 20);
    Artifact stored = store.put(bytes(5000, 2), IMAGE).await();
    store.close().await();

    open("restart/", 8 << 20);
    assertThat(store.find(stored.id()).await()).contains(stored);
    assertThat(store.usedBytes()).isEqualTo(5000);
    assertThat(store.delete(stored.id()).await()).isTrue();
    store.close().await();

    open("restart/", 8 << 20);
    assertThat(store.list(null, 10).await()).isEmpty();
  }

  @Test
  void should_refuse_an_object_replaced_behind_its_back() throws Exception {
    open("tampered/", 8 << 20);
    Artifact stored = store.put(bytes(3000, 3), IMAGE).await();

    s3.peer("put", "tampered/" + stored.id(), "not the picture", "0");

    assertThatThrownBy(() -> store.read(stored.id()).await()).isInstanceOf(ArtifactException.class)
        .hasMessageContaining("no longer matches");
  }

  @Test
  void should_stop_reading_an_object_grown_past_the_size_limit() throws Exception {
    open("grown/", 64 * 1024);
    Artifact stored = store.put(bytes(1000, 4), IMAGE).await();

    s3.peer("put", "grown/" + stored.id(), "x", Integer.toString(4 << 20));

    assertThatThrownBy(() -> store.read(stored.id()).await()).isInstanceOf(ArtifactException.class)
        .hasMessageContaining("larger than 65536");
  }

  private static Buffer bytes(int size, int seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return Buffer.buffer(b);
  }
}
