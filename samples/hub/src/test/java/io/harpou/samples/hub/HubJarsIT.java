package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars the build makes, run as a user runs them: {@code harpou-hub.jar} alone serves a household without ever
 * loading the cluster manager, refuses {@code -cluster} naming the file it lacks, and clusters once
 * {@code harpou-cluster.jar} sits beside it. Runs after {@code package} (failsafe), on the jars in {@code target}.
 */
class HubJarsIT {

  private static final Path HUB_JAR = Path.of(System.getProperty("harpou.hub.jar", "target/harpou-hub.jar"));
  private static final Path CLUSTER_JAR = Path.of(System.getProperty("harpou.cluster.jar",
      "target/harpou-cluster.jar"));
  private static final Pattern API_PORT = Pattern.compile("API\\s+http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Duration START = Duration.ofSeconds(180);

  private final Vertx vertx = Vertx.vertx();
  private NodeProcess hub;

  @TempDir
  Path dir;

  @AfterEach
  void stop() throws Exception {
    if (hub != null) {
      hub.close();
    }
    vertx.close().await();
  }

  @Test
  void should_keep_the_cluster_manager_out_of_the_hub_jar_and_name_its_jar_on_the_class_path() throws IOException {
    try (JarFile jar = new JarFile(HUB_JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isEqualTo(ClusterJar.NAME);
      assertThat(jar.stream().map(entry -> entry.getName()))
          .noneMatch(name -> name.startsWith("com/hazelcast/") || name.startsWith("io/vertx/spi/cluster/"));
    }
    try (JarFile jar = new JarFile(CLUSTER_JAR.toFile())) {
      assertThat(jar.getEntry("io/vertx/spi/cluster/hazelcast/HazelcastClusterManager.class")).isNotNull();
      assertThat(jar.getEntry("com/hazelcast/core/Hazelcast.class")).isNotNull();
    }
  }

  @Test
  void should_serve_from_the_hub_jar_alone_loading_neither_hazelcast_nor_the_mcp_sdk() throws Exception {
    Path alone = copy("alone", HUB_JAR);
    Path classes = alone.resolve("classes.log");

    hub = NodeProcess.startJar("hub", alone, alone.resolve("harpou-hub.jar"), single(alone),
        List.of("-Xlog:class+load=info:file=" + classes));
    hub.awaitLine("Harpou is running", START);

    HttpResponse<String> health = health(Integer.parseInt(hub.find(API_PORT).orElseThrow()));
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(health.body()).getJsonObject("components").fieldNames()).doesNotContain("cluster");
    assertThat(Files.readAllLines(classes)).isNotEmpty()
        .noneMatch(line -> line.contains(" com.hazelcast.") || line.contains(" io.vertx.spi.cluster."))
        // The MCP SDK's servers wait for the first MCP request.
        .noneMatch(line -> line.contains(" reactor.core.") || line.contains(" com.networknt."));
  }

  @Test
  void should_load_nothing_of_the_cluster_manager_unless_clustered_even_beside_its_jar() throws Exception {
    Path both = copy("both", HUB_JAR, CLUSTER_JAR);
    Path classes = both.resolve("classes.log");

    hub = NodeProcess.startJar("hub", both, both.resolve("harpou-hub.jar"), single(both),
        List.of("-Xlog:class+load=info:file=" + classes));
    hub.awaitLine("Harpou is running", START);

    assertThat(Files.readAllLines(classes)).isNotEmpty()
        .noneMatch(line -> line.contains(" com.hazelcast.") || line.contains(" io.vertx.spi.cluster."));
  }

  @Test
  void should_refuse_to_cluster_naming_the_missing_cluster_jar() throws Exception {
    Path alone = copy("alone", HUB_JAR);

    hub = NodeProcess.startJar("hub", alone, alone.resolve("harpou-hub.jar"), single(alone), List.of(),
        "-cluster", "-cluster-host", "127.0.0.1");

    assertThat(hub.awaitExit(START)).isEqualTo(2);
    String expected = alone.resolve(ClusterJar.NAME).toAbsolutePath() + " does not exist";
    Await.until("the hub names the missing file", () -> hub.printed(expected));
    assertThat(hub.output()).doesNotContain("No ClusterManagerFactory").doesNotContain("Harpou is running");
  }

  @Test
  void should_cluster_when_the_cluster_jar_sits_beside_the_hub_jar() throws Exception {
    Path both = copy("both", HUB_JAR, CLUSTER_JAR);
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    JsonObject config = single(both)
        .put("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        .put("cluster", new JsonObject().put("port", freePort()).put("host", "127.0.0.1"));

    hub = NodeProcess.startJar("node", both, both.resolve("harpou-hub.jar"), config, List.of(),
        "-cluster", "-cluster-host", "127.0.0.1");
    hub.awaitLine("Harpou is running", START);

    int port = Integer.parseInt(hub.find(API_PORT).orElseThrow());
    // The home lease is a Hazelcast lock: held only when the cluster manager from the other jar runs.
    Await.until("the one node holds the home lease", START, () -> "held".equals(new JsonObject(health(port).body())
        .getJsonObject("components").getJsonObject("home_lease", new JsonObject()).getString("state")));
    Await.until("the one node holds the Home Assistant connection", START, () -> home.connectionCount() == 1);
    // The cluster's own health was first told before the bridge listened; /health must still show it.
    Await.until("/health shows the cluster", START, () -> "ready".equals(new JsonObject(health(port).body())
        .getJsonObject("components").getJsonObject("cluster", new JsonObject()).getString("state")));
  }

  /** A hub on free ports, its data in {@code home}, without the parts that watch the machine or embed texts. */
  private static JsonObject single(Path home) {
    return new JsonObject().put("data_dir", home.resolve("data").toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false));
  }

  /** A directory holding copies of {@code jars}, as a user who downloaded them would have it. */
  private Path copy(String name, Path... jars) throws IOException {
    Path target = Files.createDirectories(dir.resolve(name));
    for (Path jar : jars) {
      Files.copy(jar, target.resolve(jar.getFileName()));
    }
    return target;
  }

  private static HttpResponse<String> health(int port) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
