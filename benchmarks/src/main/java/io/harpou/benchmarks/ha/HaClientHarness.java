package io.harpou.benchmarks.ha;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Load harness for the Home Assistant client against the virtual home on loopback: connect + auth + full sync of a
 * generated house, and {@code call_service} round trips (sequential, on the client's event loop). Then, against the
 * same virtual home, runs the peer measurement with home-assistant-js-websocket ({@code node peer-bench.mjs url
 * token calls syncRuns entity}) when the script is present, so both figures come from one run. The peer's sync is
 * {@code get_states} plus the four registry lists; ours is {@code subscribe_entities} (compressed) plus the same lists
 * and four registry-event subscriptions, into a joined model.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.harpou.benchmarks.ha.HaClientHarness [entities]
 * [syncRuns] [calls]} from the project root (the peer script is looked up at
 * {@code testkit/src/test/js/peer-bench.mjs}, or {@code -Dharpou.peer.bench=path}).
 */
public final class HaClientHarness {

  private HaClientHarness() {
  }

  public static void main(String[] args) throws Exception {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int syncRuns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    System.out.printf("harpou cache apply, per CPU-second of one core: %.0f parsed events/s, %.0f from frame bytes%n",
        EntityCacheBenchmark.perCpuSecond(false, 1_000_000), EntityCacheBenchmark.perCpuSecond(true, 500_000));
    Vertx vertx = Vertx.vertx();
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx,
        new VirtualHomeOptions().setGeneratedEntities(entities));
    home.start().await();
    HomeAssistantOptions options = new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken());
    // The client gets its own event loop, as it would have facing a real Home Assistant in another process.
    ClientHost host = new ClientHost();
    vertx.deployVerticle(host).await();
    Context context = host.context();
    try {
      for (int i = 0; i < 3; i++) {
        syncOnce(vertx, context, options);
      }
      double[] syncMs = new double[syncRuns];
      for (int i = 0; i < syncRuns; i++) {
        syncMs[i] = syncOnce(vertx, context, options);
      }
      Arrays.sort(syncMs);
      System.out.printf("harpou sync of %d entities: median %.1f ms, min %.1f ms, max %.1f ms (%d runs)%n",
          home.entityIds().size(), syncMs[syncRuns / 2], syncMs[0], syncMs[syncRuns - 1], syncRuns);

      String light = home.entityIds().stream().filter(id -> id.startsWith("light.")).findFirst().orElseThrow();
      ServiceCall toggle = ServiceCall.of("light", "toggle", Target.entities(light));
      HomeAssistantClient client = onContext(context, () -> {
        HomeAssistantClient c = HomeAssistantClient.create(vertx, options);
        return c.connect().map(c);
      }).await();
      roundTrips(context, client, toggle, Math.max(200, calls / 4));
      long[] nanos = roundTrips(context, client, toggle, calls).await();
      Arrays.sort(nanos);
      System.out.printf("harpou call_service round trip: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d calls)%n",
          pct(nanos, 50), pct(nanos, 99), nanos[nanos.length - 1] / 1e6, calls);
      onContext(context, client::close).await();

      runPeer(home, calls, syncRuns, light);
    } finally {
      home.close().await();
      vertx.close().await();
    }
  }

  /** A verticle whose only job is to own an event loop for the client. */
  private static final class ClientHost extends VerticleBase {
    Context context() {
      return context;
    }
  }

  private static double syncOnce(Vertx vertx, Context context, HomeAssistantOptions options) {
    return onContext(context, () -> {
      long start = System.nanoTime();
      HomeAssistantClient client = HomeAssistantClient.create(vertx, options);
      return client.connect().map(v -> (System.nanoTime() - start) / 1e6)
          .compose(ms -> client.close().map(ms));
    }).await();
  }

  private static Future<long[]> roundTrips(Context context, HomeAssistantClient client, ServiceCall call, int n) {
    long[] nanos = new long[n];
    Promise<long[]> done = Promise.promise();
    context.runOnContext(v -> next(client, call, nanos, 0, done));
    return done.future();
  }

  private static void next(HomeAssistantClient client, ServiceCall call, long[] nanos, int i, Promise<long[]> done) {
    if (i == nanos.length) {
      done.complete(nanos);
      return;
    }
    long start = System.nanoTime();
    client.callService(call).onComplete(r -> {
      if (r.failed()) {
        done.fail(r.cause());
        return;
      }
      nanos[i] = System.nanoTime() - start;
      next(client, call, nanos, i + 1, done);
    });
  }

  private static double pct(long[] sorted, int percentile) {
    int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static <T> Future<T> onContext(Context context, java.util.function.Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private static void runPeer(VirtualHomeAssistant home, int calls, int syncRuns, String entity) throws Exception {
    File script = new File(System.getProperty("harpou.peer.bench", "testkit/src/test/js/peer-bench.mjs"));
    if (!script.isFile()) {
      System.out.println("peer (home-assistant-js-websocket): not run, " + script + " not found");
      return;
    }
    Process node = new ProcessBuilder("node", script.getName(), home.url(), home.accessToken(),
        String.valueOf(calls), String.valueOf(syncRuns), entity)
        .directory(script.getAbsoluteFile().getParentFile()).redirectErrorStream(true).start();
    if (!node.waitFor(5, TimeUnit.MINUTES)) {
      node.destroy();
      System.out.println("peer (home-assistant-js-websocket): timed out");
      return;
    }
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    System.out.println("peer (home-assistant-js-websocket), exit " + node.exitValue() + ":");
    System.out.println(output);
  }
}
