package io.harpou.benchmarks.mcp;

import com.sun.management.OperatingSystemMXBean;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load harness for the MCP server: a whole Bridge on 127.0.0.1 (virtual home, the agent's policy point, the HTTP API
 * with MCP), one streamable-HTTP session, and {@code tools/call} of the READ tool {@code get_time} sent open-loop at a
 * fixed rate (each call starts on schedule, whether or not earlier ones finished). It prints the latency of each call,
 * from the request's first byte to the response's last (the event stream ends with the call), as percentiles: the
 * server's whole overhead on loopback, client included, and the process's CPU time per call (hub and client
 * together), which waiting for a core on a loaded machine does not inflate. Usage:
 * {@code McpCallHarness [calls/s] [seconds]}.
 */
public final class McpCallHarness {

  private McpCallHarness() {
  }

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Vertx vertx = Vertx.vertx();
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    Path data = Files.createTempDirectory("harpou-mcp-bench");
    BridgeOptions options = new BridgeOptions().setDataDir(data)
        .setSection("http", new JsonObject().put("host", "127.0.0.1").put("port", 0)
            .put("max_connections_per_address", 512))
        .setSection("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        .setSection("memory", new JsonObject().put("enabled", false))
        .setSection("monitors", new JsonObject().put("enabled", false));
    Bridge bridge = Bridge.create(vertx, options).start().await();
    // The pool lets a connection go idle well before the hub's 30 s idle timeout closes it, so no call is sent on a
    // connection the hub is closing at that moment.
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(bridge.httpPort()).setKeepAlive(true).setKeepAliveTimeout(10),
        new PoolOptions().setHttp1MaxSize(256));
    String session = post(client, null, rpc(1, "initialize", new JsonObject().put("protocolVersion", "2025-06-18")
        .put("capabilities", new JsonObject()).put("clientInfo", new JsonObject().put("name", "bench")
            .put("version", "1")))).await().header;
    post(client, session, new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized")).await();
    String call = rpc(2, "tools/call", new JsonObject().put("name", "get_time").put("arguments", new JsonObject()))
        .encode();
    // Warm-up: the JIT, the pool's connections and the policy point's first audit writes.
    run(vertx, client, session, call, rate, Math.max(5, seconds / 3));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long[] latencies = run(vertx, client, session, call, rate, seconds);
    double cpuPerCall = (os.getProcessCpuTime() - cpuBefore) / 1e6 / latencies.length;
    Arrays.sort(latencies);
    System.out.printf("MCP tools/call get_time at %d calls/s for %d s: %d calls, p50 %.2f ms, p90 %.2f ms,"
        + " p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; CPU %.3f ms per call; load average %.2f%n", rate, seconds,
        latencies.length, percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
        percentile(latencies, 0.999), latencies[latencies.length - 1] / 1e6, cpuPerCall,
        os.getSystemLoadAverage());
    bridge.close().await();
    vertx.close().await();
  }

  private static long[] run(Vertx vertx, HttpClient client, String session, String call, int rate, int seconds)
      throws InterruptedException {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    long periodNanos = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      int index = i;
      long sent = System.nanoTime();
      vertx.runOnContext(v -> post(client, session, new JsonObject(call).put("id", 10 + index)).onComplete(ar -> {
        latencies[index] = System.nanoTime() - sent;
        if ((ar.failed() || !ar.result().body.contains("\"result\"")) && failures.incrementAndGet() == 1) {
          System.err.println("First failed call: " + (ar.failed() ? ar.cause() : ar.result().body));
        }
        done.countDown();
      }));
    }
    done.await();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " of " + total + " calls failed");
    }
    return latencies;
  }

  private record Answer(String header, String body) {
  }

  private static Future<Answer> post(HttpClient client, String session, JsonObject body) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI("/mcp")
        .putHeader("content-type", "application/json").putHeader("accept", "application/json, text/event-stream");
    if (session != null) {
      request.putHeader("mcp-session-id", session);
    }
    return client.request(request).compose(r -> r.send(Buffer.buffer(body.encode())))
        .compose(response -> response.body().map(b -> new Answer(response.getHeader("mcp-session-id"),
            b.toString())));
  }

  private static JsonObject rpc(int id, String method, JsonObject params) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
