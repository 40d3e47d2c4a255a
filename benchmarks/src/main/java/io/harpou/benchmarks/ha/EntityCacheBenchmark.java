package io.harpou.benchmarks.ha;

import io.harpou.bridge.vertx.ha.EntityStateCache;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * State-change throughput into the client's cache: one operation is one {@code subscribe_entities} change event for
 * one entity, as Home Assistant sends them (sensor readings with a new state and {@code lc}; light updates with
 * changed attributes, {@code lu} and a context; occasional attribute removal), applied to a 5,000-entity cache.
 * {@code applyParsed} starts from the parsed event; {@code parseAndApply} starts from the text frame's bytes, as the client
 * parses them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EntityCacheBenchmark {

  private static final int ENTITIES = 5_000;
  private static final int EVENTS = 4_096;

  private EntityStateCache cache;
  private Buffer[] frames;
  private JsonObject[] parsed;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    cache = EntityStateCache.create();
    JsonObject initial = new JsonObject();
    for (int i = 0; i < ENTITIES; i++) {
      initial.put(id(i), i % 2 == 0
          ? new JsonObject().put("s", "21.5").put("a", new JsonObject().put("unit_of_measurement", "°C")
              .put("device_class", "temperature").put("state_class", "measurement")
              .put("friendly_name", "Sensor " + i)).put("c", context(random)).put("lc", 1_735_725_600.123456)
          : new JsonObject().put("s", "on").put("a", new JsonObject().put("supported_color_modes",
              new io.vertx.core.json.JsonArray().add("brightness")).put("color_mode", "brightness")
              .put("brightness", 180).put("effect", "none").put("friendly_name", "Light " + i))
              .put("c", context(random)).put("lc", 1_735_725_600.123456));
    }
    cache.replaceAll(new JsonObject().put("a", initial), change -> { });
    frames = new Buffer[EVENTS];
    parsed = new JsonObject[EVENTS];
    double time = 1_735_725_700.0;
    for (int k = 0; k < EVENTS; k++) {
      int i = random.nextInt(ENTITIES);
      time += 0.25;
      JsonObject plus;
      JsonObject diff = new JsonObject();
      if (i % 2 == 0) {
        plus = new JsonObject().put("s", String.format("%.1f", 15 + random.nextDouble() * 10))
            .put("c", context(random)).put("lc", time);
      } else {
        plus = new JsonObject().put("a", new JsonObject().put("brightness", random.nextInt(255)))
            .put("c", context(random)).put("lu", time);
        if (k % 16 == 0) {
          diff.put("-", new JsonObject().put("a", new io.vertx.core.json.JsonArray().add("effect")));
        } else {
          plus.getJsonObject("a").put("effect", "none");
        }
      }
      diff.put("+", plus);
      JsonObject event = new JsonObject().put("c", new JsonObject().put(id(i), diff));
      frames[k] = new JsonObject().put("id", 7).put("type", "event").put("event", event).toBuffer();
      parsed[k] = new JsonObject(frames[k]).getJsonObject("event");
    }
  }

  private static String id(int i) {
    return (i % 2 == 0 ? "sensor.generated_" : "light.generated_") + i;
  }

  private static String context(Random random) {
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    StringBuilder ulid = new StringBuilder("01J");
    for (int i = 0; i < 23; i++) {
      ulid.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return ulid.toString();
  }

  @Benchmark
  public void applyParsed(Blackhole hole) {
    cache.apply(parsed[next++ & (EVENTS - 1)], hole::consume);
  }

  @Benchmark
  public void parseAndApply(Blackhole hole) {
    JsonObject message = new JsonObject(frames[next++ & (EVENTS - 1)]);
    cache.apply(message.getJsonObject("event"), hole::consume);
  }

  /**
   * The same operations timed by this thread's CPU time rather than the wall clock, so the figure stays meaningful
   * on a machine shared with other work: events per CPU-second on one core.
   */
  static double perCpuSecond(boolean parse, int operations) {
    EntityCacheBenchmark bench = new EntityCacheBenchmark();
    bench.setUp();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] sink = new long[1];
    java.util.function.Consumer<io.harpou.bridge.api.home.StateChange> count = change -> sink[0]++;
    for (int round = 0; round < 2; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < operations; i++) {
        int k = bench.next++ & (EVENTS - 1);
        JsonObject event = parse ? new JsonObject(bench.frames[k]).getJsonObject("event") : bench.parsed[k];
        bench.cache.apply(event, count);
      }
      long cpu = threads.getCurrentThreadCpuTime() - start;
      if (round == 1) {
        return operations / (cpu / 1e9);
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
