package io.harpou.benchmarks.models;

import io.harpou.bridge.vertx.models.ModelSpec;
import io.harpou.bridge.vertx.models.RequestTraits;
import io.harpou.bridge.vertx.models.Route;
import io.harpou.bridge.vertx.models.Router;
import io.harpou.bridge.vertx.models.RoutingOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The routing decision of one turn (reading the request's traits, then the rules and the default), over the mixed
 * household table in turn, with three models and two configured rules: what routing adds to every turn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingBenchmark {

  private Router router;
  private int next;

  /** The router the hub would build for a fast local model, a strong cloud one and a second local one. */
  static Router householdRouter() {
    List<ModelSpec> models = List.of(
        ModelSpec.fromJson("fast", new JsonObject().put("provider", "ollama")),
        ModelSpec.fromJson("strong", new JsonObject().put("provider", "azure-openai")),
        ModelSpec.fromJson("backup", new JsonObject().put("provider", "ollama")));
    JsonObject routing = new JsonObject().put("rules", new JsonArray()
        .add(new JsonObject().put("when", new JsonObject().put("contains_any", new JsonArray().add("cocktail")
            .add("wine"))).put("model", "strong").put("reason", "drinks"))
        .add(new JsonObject().put("when", new JsonObject().put("profile", "guest").put("household", false))
            .put("model", "backup")));
    return new Router(RoutingOptions.fromJson(routing), models);
  }

  @Setup
  public void setup() {
    router = householdRouter();
  }

  @Benchmark
  public Route route() {
    String[] request = HouseholdRequests.TABLE.get(next);
    next = (next + 1) % HouseholdRequests.TABLE.size();
    return router.route(RequestTraits.of(request[0], request[1], "ada", false));
  }
}
