package io.harpou.benchmarks.models;

import io.harpou.bridge.vertx.models.RequestTraits;
import io.harpou.bridge.vertx.models.Route;
import io.harpou.bridge.vertx.models.Router;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes the mixed household table once and prints the share of turns each model receives, with each request's
 * model and reason: {@code java -cp benchmarks.jar io.harpou.benchmarks.models.RoutingShareHarness}.
 */
public final class RoutingShareHarness {

  private RoutingShareHarness() {
  }

  /** Prints the table's routes and the shares. */
  public static void main(String[] args) {
    Router router = RoutingBenchmark.householdRouter();
    Map<String, Integer> counts = new TreeMap<>();
    for (String[] request : HouseholdRequests.TABLE) {
      Route route = router.route(RequestTraits.of(request[0], request[1], "ada", false));
      counts.merge(route.model(), 1, Integer::sum);
      System.out.printf("%-7s %-32s %s%n", route.model(), route.reason(), request[0]);
    }
    int total = HouseholdRequests.TABLE.size();
    counts.forEach((model, count) -> System.out.printf("%s: %d of %d turns (%.0f%%)%n", model, count, total,
        100.0 * count / total));
  }
}
