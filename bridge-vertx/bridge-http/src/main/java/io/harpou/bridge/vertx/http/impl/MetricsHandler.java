package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.ModelCalled;
import io.harpou.bridge.api.event.ModelChosen;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.TaskDone;
import io.harpou.bridge.api.event.TaskQueued;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.bridge.api.event.TokenUsage;
import io.harpou.bridge.api.event.ToolFinished;
import io.harpou.bridge.api.event.TranscriptReceived;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.vertx.health.Health;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /metrics} in Prometheus text format: turns, replies, tool calls, tasks, component and satellite states and
 * per-stage latencies, all derived from the {@link io.harpou.bridge.api.event.BridgeEvent} stream. When Vert.x runs
 * with Micrometer metrics on a Prometheus registry, that registry is used, so Vert.x's own metrics appear too.
 */
public final class MetricsHandler {

  private static final int MAX_OPEN_TURNS = 10_000;

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final Health health;
  private final Map<String, long[]> openTurns = new LinkedHashMap<>();
  private final Map<String, String> satellites = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> satelliteGauges = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> componentGauges = new ConcurrentHashMap<>();
  private final VoiceStageMetrics stages;
  private MessageConsumer<JsonObject> consumer;

  /** Metrics following {@code vertx}'s bus; component states come from {@code health}. */
  public MetricsHandler(Vertx vertx, Health health) {
    this.vertx = vertx;
    this.health = health;
    MeterRegistry existing = BackendRegistries.getDefaultNow();
    this.registry = existing instanceof PrometheusMeterRegistry prometheus ? prometheus
        : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.stages = new VoiceStageMetrics(registry);
  }

  /** Adds the route and starts following the bus; call on the serving verticle's context. */
  public void mount(Router router) {
    consumer = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, m -> record(m.body()));
    Gauge.builder("harpou.healthy", health, h -> h.healthy() ? 1 : 0)
        .description("1 when no component is in a failed state").register(registry);
    router.get("/metrics").handler(this::scrape);
  }

  /** Stops following the bus; the Future completes once unregistered. */
  public Future<Void> close() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void scrape(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
  }

  /** Updates the meters for one event. */
  void record(JsonObject event) {
    stages.record(event);
    String kind = event.getString("kind", "");
    switch (kind) {
      case TurnStarted.KIND -> {
        JsonObject utterance = event.getJsonObject("utterance", new JsonObject());
        Counter.builder("harpou.turns").description("Turns started, by channel")
            .tag("channel", utterance.getString("channel", "unknown")).register(registry).increment();
        if (openTurns.size() >= MAX_OPEN_TURNS) {
          openTurns.remove(openTurns.keySet().iterator().next());
        }
        openTurns.put(event.getString("turn_id", ""), new long[] {System.nanoTime(), 0});
      }
      case Thinking.KIND -> {
        long[] turn = openTurns.get(event.getString("turn_id", ""));
        if (turn != null && turn[1] == 0) {
          turn[1] = 1;
          Timer.builder("harpou.turn.first.text").description("Time from a turn's start to the model's first text")
              .register(registry).record(Duration.ofNanos(System.nanoTime() - turn[0]));
        }
      }
      case ReplySent.KIND -> {
        JsonObject reply = event.getJsonObject("reply", new JsonObject());
        Counter.builder("harpou.replies").description("Replies, by response type")
            .tag("type", reply.getString("type", "unknown")).register(registry).increment();
        long[] turn = openTurns.remove(event.getString("turn_id", ""));
        if (turn != null) {
          Timer.builder("harpou.turn.duration").description("Time from a turn's start to its reply")
              .register(registry).record(Duration.ofNanos(System.nanoTime() - turn[0]));
        }
      }
      case ToolFinished.KIND -> {
        String tool = event.getString("tool", "unknown");
        Counter.builder("harpou.tool.calls").description("Tool calls, by tool and outcome").tag("tool", tool)
            .tag("outcome", event.getString("outcome", "unknown")).register(registry).increment();
        Timer.builder("harpou.tool.duration").description("Tool call durations").tag("tool", tool)
            .register(registry).record(Duration.ofMillis(Math.max(0, event.getLong("duration_ms", 0L))));
      }
      case TaskQueued.KIND -> Counter.builder("harpou.tasks.queued").description("Background tasks accepted")
          .register(registry).increment();
      case TaskDone.KIND -> Counter.builder("harpou.tasks.finished").description("Background tasks ended, by status")
          .tag("status", event.getJsonObject("task", new JsonObject()).getString("status", "unknown"))
          .register(registry).increment();
      case TranscriptReceived.KIND -> Counter.builder("harpou.transcripts").description("Speech transcripts received")
          .register(registry).increment();
      case TokenUsage.KIND -> {
        Counter.builder("harpou.tokens").tag("direction", "input").description("Model tokens")
            .register(registry).increment(event.getInteger("input_tokens", 0));
        Counter.builder("harpou.tokens").tag("direction", "output").description("Model tokens")
            .register(registry).increment(event.getInteger("output_tokens", 0));
      }
      case ModelCalled.KIND -> modelCall(event);
      case ModelChosen.KIND -> Counter.builder("harpou.model.routes").description("Turns routed, by model chosen")
          .tag("model", event.getString("model", "unknown")).register(registry).increment();
      case SatelliteStateChanged.KIND -> satellite(event);
      case ComponentStateChanged.KIND -> component(event);
      default -> {
      }
    }
  }

  private void modelCall(JsonObject event) {
    String model = event.getString("model", "unknown");
    Counter.builder("harpou.model.calls").description("Language model calls, by model and outcome")
        .tag("model", model).tag("outcome", event.getString("outcome", "unknown")).register(registry).increment();
    Counter.builder("harpou.model.tokens").description("Language model tokens, by model and direction")
        .tag("model", model).tag("direction", "input").register(registry)
        .increment(event.getInteger("input_tokens", 0));
    Counter.builder("harpou.model.tokens").description("Language model tokens, by model and direction")
        .tag("model", model).tag("direction", "output").register(registry)
        .increment(event.getInteger("output_tokens", 0));
    Counter.builder("harpou.model.cost").description("What language model calls cost, by model")
        .tag("model", model).register(registry).increment(event.getDouble("cost", 0.0));
  }

  private void satellite(JsonObject event) {
    String id = event.getString("satellite");
    String state = event.getString("state");
    if (id == null || state == null) {
      return;
    }
    String previous = satellites.put(id, state);
    if (previous != null) {
      gauge(satelliteGauges, "harpou.satellites", "state", previous, "Satellites by session state")
          .decrementAndGet();
    }
    gauge(satelliteGauges, "harpou.satellites", "state", state, "Satellites by session state").incrementAndGet();
  }

  private void component(JsonObject event) {
    String name = event.getString("component");
    String state = event.getString("state", "");
    if (name == null) {
      return;
    }
    boolean up = !Health.FAILED_STATES.contains(state) && !"disconnected".equals(state)
        && !"reconnecting".equals(state);
    gauge(componentGauges, "harpou.component.up", "component", name,
        "1 when the component works (for home_assistant: connected)").set(up ? 1 : 0);
  }

  private AtomicInteger gauge(Map<String, AtomicInteger> gauges, String meter, String tag, String value,
                              String description) {
    return gauges.computeIfAbsent(value, v -> {
      AtomicInteger holder = new AtomicInteger();
      Gauge.builder(meter, holder, AtomicInteger::get).tag(tag, v).description(description).register(registry);
      return holder;
    });
  }
}
