package io.harpou.testkit.docker;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One virtual container: its identity, state, health, log lines, resource figures and what was done to it. Changed
 * by the server as clients act (a restart moves {@link #startedAt()} and counts in {@link #restarts()}) and by tests.
 */
public final class VirtualContainer {

  /** A line of output and the stream it was written to. */
  public record LogLine(boolean stderr, String text) {
  }

  private final String id;
  private final String name;
  private final String image;
  private final Instant created;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<LogLine> logs = Collections.synchronizedList(new ArrayList<>());
  private volatile String state = "running";
  private volatile String health;
  private volatile Instant startedAt;
  private volatile int restarts;
  private volatile double cpuPercent = 0;
  private volatile long memoryBytes = 64L << 20;
  private volatile long memoryLimitBytes = 2L << 30;

  /** A running container of {@code image}, started a minute ago. */
  public VirtualContainer(String name, String image) {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    this.id = HexFormat.of().formatHex(bytes);
    this.name = name;
    this.image = image;
    this.created = Instant.now().minusSeconds(3600);
    this.startedAt = Instant.now().minusSeconds(60);
  }

  /** The 64-hex-digit id. */
  public String id() {
    return id;
  }

  /** The name, without Docker's leading slash. */
  public String name() {
    return name;
  }

  /** The image. */
  public String image() {
    return image;
  }

  /** When it was created. */
  public Instant created() {
    return created;
  }

  /** {@code running}, {@code exited}, {@code restarting} or {@code paused}. */
  public String state() {
    return state;
  }

  /** Sets the state. */
  public VirtualContainer state(String value) {
    this.state = value;
    return this;
  }

  /** {@code healthy}, {@code unhealthy}, {@code starting}, or null without a health check. */
  public String health() {
    return health;
  }

  /** Sets the health. */
  public VirtualContainer health(String value) {
    this.health = value;
    return this;
  }

  /** When it last started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** How many times a client restarted it. */
  public int restarts() {
    return restarts;
  }

  /** Adds a label (Compose's {@code com.docker.compose.project}, ...). */
  public VirtualContainer label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** The labels. */
  public Map<String, String> labels() {
    return Collections.unmodifiableMap(labels);
  }

  /** Appends output lines on stdout. */
  public VirtualContainer log(String... lines) {
    for (String line : lines) {
      logs.add(new LogLine(false, line));
    }
    return this;
  }

  /** Appends an output line on stderr. */
  public VirtualContainer logError(String line) {
    logs.add(new LogLine(true, line));
    return this;
  }

  /** The output lines. */
  public List<LogLine> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /** Sets the CPU use the stats report (percent of the whole machine's two CPUs, as Docker counts it). */
  public VirtualContainer cpuPercent(double percent) {
    this.cpuPercent = percent;
    return this;
  }

  /** The CPU use the stats report. */
  public double cpuPercent() {
    return cpuPercent;
  }

  /** Sets the memory use and limit the stats report. */
  public VirtualContainer memory(long usedBytes, long limitBytes) {
    this.memoryBytes = usedBytes;
    this.memoryLimitBytes = limitBytes;
    return this;
  }

  /** Memory in use, without the page cache. */
  public long memoryBytes() {
    return memoryBytes;
  }

  /** The memory limit. */
  public long memoryLimitBytes() {
    return memoryLimitBytes;
  }

  /** Starts it (again), now. */
  public synchronized void start() {
    state = "running";
    startedAt = Instant.now();
  }

  /** Restarts it, now. */
  public synchronized void restart() {
    restarts++;
    start();
  }

  /** Stops it. */
  public synchronized void stop() {
    state = "exited";
  }

  /** A short JSON description for test messages. */
  public JsonObject describe() {
    return new JsonObject().put("name", name).put("state", state).put("health", health).put("restarts", restarts);
  }
}
