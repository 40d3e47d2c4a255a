package io.harpou.benchmarks.cluster;

import static io.harpou.benchmarks.cluster.Latencies.freePort;
import static io.harpou.benchmarks.cluster.Latencies.ms;
import static io.harpou.benchmarks.cluster.Latencies.pct;
import static io.harpou.benchmarks.cluster.Latencies.report;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.RemoteParts;
import io.harpou.bridge.vertx.cluster.ClusterNode;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Load harness: the latency an API node adds to an OpenAI-compatible request. The same chat (a system prompt, an
 * earlier exchange and a question, as Open WebUI sends it) is posted to {@code /v1/chat/completions} of one hub, then
 * of an API-only node whose agent runs on another node: two clustered Vert.x instances with their own Hazelcast
 * members, in this JVM but talking over loopback TCP as separate hosts would. The scripted Ollama answers at once, so
 * the difference of the percentiles is what the hop (the turn and its history out, the reply back) costs.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.harpou.benchmarks.cluster.ApiNodeChatHarness [requests]}
 */
public final class ApiNodeChatHarness {

  private static final JsonObject CHAT = new JsonObject().put("model", "harpou").put("messages", new JsonArray()
      .add(new JsonObject().put("role", "system").put("content", "Answer in one short sentence."))
      .add(new JsonObject().put("role", "user").put("content", "Hello, my name is Ada."))
      .add(new JsonObject().put("role", "assistant").put("content", "Nice to meet you, Ada."))
      .add(new JsonObject().put("role", "user").put("content", "What is my name?")));

  private ApiNodeChatHarness() {
  }

  /** Runs the harness and prints the figures. */
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Vertx local = Vertx.vertx();
    VirtualHomeAssistant home = VirtualHomeAssistant.create(local, new VirtualHomeOptions()).start().await();
    ScriptedOllama ollama = ScriptedOllama.create(local, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.userContains("What is my name").thenReply(OllamaReply.text("Your name is Ada.")));
    JsonObject homeSection = new JsonObject().put("url", home.url()).put("token", home.accessToken());
    HttpClient http = HttpClient.newHttpClient();

    Bridge alone = Bridge.create(local, new BridgeOptions(config(ollama, true, true).put("home_assistant",
        homeSection))).start().await();
    long[] oneHub = measure(http, alone.httpPort(), requests);
    alone.close().await();
    report("one hub", oneHub, "request");

    int[] ports = {freePort(), freePort()};
    Vertx brainVertx = clustered(ports, 0);
    Vertx apiVertx = clustered(ports, 1);
    ClusterNode brainNode = ClusterNode.start(brainVertx, options(ports, 0).setRoles("agent,home"),
        new HomeAssistantOptions(homeSection)).await();
    Await.until("the agent node holds the home lease", Duration.ofSeconds(60), brainNode::holdsHome);
    Bridge brain = Bridge.create(brainVertx, new BridgeOptions(config(ollama, true, false)),
        new RemoteParts(brainNode.home(), null)).start().await();
    ClusterNode apiNode = ClusterNode.start(apiVertx, options(ports, 1).setRoles("api"), null).await();
    Bridge api = Bridge.create(apiVertx, new BridgeOptions(config(ollama, false, true)),
        new RemoteParts(apiNode.home(), apiNode.remoteAgent().orElseThrow())).start().await();
    long[] crossing = measure(http, api.httpPort(), requests);

    report("api node -> agent node", crossing, "request");
    System.out.printf("added by the API node: p50 %.3f ms, p99 %.3f ms%n",
        ms(pct(crossing, 50) - pct(oneHub, 50)), ms(pct(crossing, 99) - pct(oneHub, 99)));
    System.out.printf("load average at the end: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    api.close().await();
    apiNode.close().await();
    brain.close().await();
    brainNode.close().await();
    for (Vertx vertx : List.of(apiVertx, brainVertx, local)) {
      vertx.close().await();
    }
  }

  private static JsonObject config(ScriptedOllama ollama, boolean agent, boolean http) throws IOException {
    return new JsonObject().put("data_dir", Files.createTempDirectory("harpou-api-bench").toString())
        .put("memory", new JsonObject().put("enabled", false)).put("monitors", new JsonObject().put("enabled", false))
        .put("wyoming", new JsonObject().put("enabled", false))
        .put("agent", new JsonObject().put("enabled", agent).put("ollama", new JsonObject()
            .put("url", ollama.baseUrl()).put("model", "llama3.2")))
        // The default bucket would throttle one client's thousand requests a minute; the hop is what is measured.
        .put("http", new JsonObject().put("enabled", http).put("port", 0).put("rate_limit_per_minute", 1_000_000));
  }

  private static ClusterOptions options(int[] ports, int index) {
    List<String> members = Arrays.stream(ports).filter(p -> p != ports[index]).mapToObj(p -> "127.0.0.1:" + p)
        .toList();
    return new ClusterOptions().setPort(ports[index]).setHost("127.0.0.1").setMembers(members);
  }

  private static Vertx clustered(int[] ports, int index) {
    return HarpouClusterManager.builder(new VertxOptions(), options(ports, index)).buildClustered().await();
  }

  /** Half the requests warm up; the other half are measured. */
  private static long[] measure(HttpClient http, int port, int requests) throws Exception {
    long[] nanos = new long[requests / 2];
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHAT.encode())).build();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      if (response.statusCode() != 200 || !response.body().contains("Your name is Ada.")) {
        throw new IllegalStateException("the request was not answered from its history: " + response.statusCode()
            + " " + response.body());
      }
      if (i >= requests - nanos.length) {
        nanos[i - (requests - nanos.length)] = took;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }
}
