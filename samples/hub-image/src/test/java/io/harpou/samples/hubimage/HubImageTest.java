package io.harpou.samples.hubimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image the build made with Jib, read from its tarball since no Docker engine runs here: what a container runtime
 * would run (entrypoint, user, ports, volume, environment, labels), the files it holds, and, as root, the hub started
 * from those files alone (chroot) as the image's user.
 */
class HubImageTest {

  static final Path TAR = Path.of(System.getProperty("harpou.image.tar", "target/harpou-hub-image.tar"));
  private static ImageTar image;

  @BeforeAll
  static void readImage() throws IOException {
    assumeFalse(Boolean.getBoolean("harpou.image.skipped"), "the image was not built (-Dimage.skip)");
    image = ImageTar.read(TAR);
  }

  @Test
  void should_run_the_hub_as_a_non_root_user_with_its_ports_volume_and_labels() {
    JsonNode config = image.config();

    assertThat(texts(config.get("Entrypoint"))).startsWith("/opt/java/bin/java")
        .endsWith("-jar", "/app/harpou-hub.jar");
    assertThat(config.get("User").asText()).isEqualTo("10001:10001");
    assertThat(names(config.get("ExposedPorts"))).containsExactlyInAnyOrder("8099/tcp", "10700/tcp", "5701/tcp");
    assertThat(names(config.get("Volumes"))).containsExactly("/var/lib/harpou");
    assertThat(texts(config.get("Env"))).contains("HARPOU_DATA_DIR=/var/lib/harpou", "HARPOU_HTTP_PORT=8099",
        "HARPOU_WYOMING_PORT=10700", "HARPOU_HTTP_HOST=0.0.0.0");
    assertThat(config.get("Labels").get("org.opencontainers.image.title").asText()).isEqualTo("Harpou hub");
    assertThat(config.get("Labels").get("org.opencontainers.image.version").asText()).isNotBlank();
    assertThat(config.get("Labels").get("io.harpou.health").asText()).isEqualTo("/health");
    assertThat(texts(image.manifest().get("RepoTags"))).singleElement().asString().startsWith("harpou/hub:");
  }

  @Test
  void should_hold_its_own_runtime_and_nothing_of_the_machine_that_built_it() throws IOException {
    Map<String, ImageTar.Entry> files = image.files();

    assertThat(files.get("opt/java/bin/java").mode() & 0755).isEqualTo(0755);
    assertThat(files.get("app/harpou-hub.jar").size()).isGreaterThan(1_000_000);
    assertThat(files.get("bin/busybox").mode() & 0755).isEqualTo(0755);
    assertThat(files.get("lib64/ld-linux-x86-64.so.2").mode() & 0755).isEqualTo(0755);
    assertThat(files).containsKeys("lib/x86_64-linux-gnu/libc.so.6", "lib64/ld-linux-x86-64.so.2",
        "opt/java/lib/security/cacerts");
    // The volume is written by the hub's user, not root, who owns every file Jib writes.
    assertThat(files.get("var/lib/harpou").mode() & 0777).isEqualTo(0777);
    assertThat(new String(files.get("etc/passwd").content(), StandardCharsets.UTF_8))
        .contains("harpou:x:10001:10001:");
    assertThat(files.keySet()).noneMatch(path -> path.startsWith("work/") || path.startsWith("root/")
        || path.startsWith("home/") || path.contains("/target/"));
  }

  @Test
  void should_serve_health_from_its_own_files_as_its_own_user(@TempDir Path dir) throws Exception {
    int port = freePort();
    Process hub = startFromImage(dir, port, List.of(), Map.of());
    try {
      HttpResponse<String> health = awaitHealth(port, hub, dir.resolve("hub.log"));

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"database\"");
      long javaUid = hub.descendants().map(p -> uid(p.pid())).filter(uid -> uid >= 0).findFirst()
          .orElse(uid(hub.pid()));
      assertThat(javaUid).isEqualTo(10001);
      assertThat(dir.resolve("root/var/lib/harpou/harpou.db")).exists();
    } finally {
      stop(hub);
    }
  }

  @Test
  void should_carry_the_cluster_manager_s_jar_beside_the_hub_s_and_cluster_from_its_entrypoint(@TempDir Path dir)
      throws Exception {
    assertThat(image.files().get("app/harpou-cluster.jar").size()).isGreaterThan(1_000_000);
    int port = freePort();
    // The entrypoint as a Kubernetes pod or Compose service extends it: -cluster after the image's own arguments.
    Process hub = startFromImage(dir, port, List.of("-cluster", "-cluster-host", "127.0.0.1"),
        Map.of("HARPOU_ROLES", "agent,api,edge", "HARPOU_CLUSTER_HOST", "127.0.0.1",
            "HARPOU_CLUSTER_PORT", String.valueOf(freePort())));
    try {
      HttpResponse<String> health = awaitHealth(port, hub, dir.resolve("hub.log"));

      assertThat(health.statusCode()).isEqualTo(200);
      // Hazelcast, from /app/harpou-cluster.jar, formed this member's cluster.
      assertThat(Files.readString(dir.resolve("hub.log"))).contains("Configuring Hazelcast")
          .contains("[harpou]").doesNotContain("harpou-cluster.jar");
    } finally {
      stop(hub);
    }
  }

  /**
   * Starts the image's entrypoint followed by {@code args} from the image's files alone (chroot, as the image's
   * user), with the image's environment, {@code env}, and loopback ports; its output goes to {@code dir}/hub.log.
   */
  private static Process startFromImage(Path dir, int httpPort, List<String> args, Map<String, String> env)
      throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root");
    assumeTrue(new ProcessBuilder("unshare", "--mount", "true").start().waitFor() == 0,
        "this machine allows no mount namespace, where the image's /proc and /dev are mounted");
    Path root = dir.resolve("root");
    image.unpack(root);
    Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("dev"));
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
        "user=$1; shift; mount -t proc proc \"$0/proc\" && mount --bind /dev \"$0/dev\""
            + " && exec chroot --userspec=\"$user\" \"$0\" \"$@\"", root.toString(), image.config().get("User").asText()));
    // The image's own entrypoint, on loopback and a free port: other builds share this machine.
    command.addAll(texts(image.config().get("Entrypoint")));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("hub.log").toFile());
    builder.environment().clear();
    texts(image.config().get("Env")).forEach(pair -> builder.environment().put(pair.substring(0, pair.indexOf('=')),
        pair.substring(pair.indexOf('=') + 1)));
    builder.environment().putAll(Map.of("HARPOU_HTTP_HOST", "127.0.0.1", "HARPOU_HTTP_PORT", String.valueOf(httpPort),
        "HARPOU_WYOMING_HOST", "127.0.0.1", "HARPOU_WYOMING_PORT", String.valueOf(freePort())));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void stop(Process hub) throws InterruptedException {
    hub.destroy();
    if (!hub.waitFor(30, TimeUnit.SECONDS)) {
      hub.destroyForcibly().waitFor();
    }
  }

  private static HttpResponse<String> awaitHealth(int port, Process hub, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!hub.isAlive()) {
        throw new AssertionError("the hub stopped: " + Files.readString(log));
      }
      try {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        Thread.sleep(500);
      }
    }
    throw new AssertionError("no /health within 3 minutes: " + Files.readString(log));
  }

  /** The real user id of a process, from /proc; -1 when it is gone. */
  private static long uid(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
          .filter(line -> line.startsWith("Uid:")).map(line -> Long.parseLong(line.split("\\s+")[1])).findFirst()
          .orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
