package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /api/home/history?entity_id=&hours=}: one entity's states over the last hours (1 to a week), from Home
 * Assistant's recorder, as points a chart draws: {@code t} in milliseconds, {@code v} the number (null when the state
 * is not one, such as {@code unavailable}) and {@code s} the state as Home Assistant wrote it. A home that keeps no
 * history (no recorder) is answered 501, saying so.
 */
public final class HistoryHandler {

  private static final Pattern ENTITY = Pattern.compile("[a-z_]+\\.[a-z0-9_]+");

  private final HttpApiServices bridge;

  /** A handler over the bridge's home. */
  public HistoryHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get("/api/home/history").handler(this::history);
  }

  private void history(RoutingContext ctx) {
    String entity = ctx.request().getParam("entity_id");
    if (entity == null || entity.length() > 255 || !ENTITY.matcher(entity).matches()) {
      throw ApiError.invalid("entity_id must be an entity id such as sensor.living_room_temperature");
    }
    int hours = Requests.intParam(ctx, "hours", 24, 1, 24 * 7);
    HomeGateway home = bridge.home().orElseThrow(() -> ApiError.unavailable("Home Assistant"));
    Instant end = Instant.now();
    home.history(List.of(entity), end.minus(Duration.ofHours(hours)), end).onSuccess(result -> {
      JsonArray points = new JsonArray();
      JsonArray states = result.getJsonArray(entity, new JsonArray());
      for (int i = 0; i < states.size(); i++) {
        JsonObject state = states.getJsonObject(i);
        String value = state.getString("s");
        points.add(new JsonObject().put("t", Math.round(state.getDouble("lu", 0.0) * 1000)).put("v", number(value))
            .put("s", value));
      }
      Requests.json(ctx, new JsonObject().put("entity_id", entity).put("hours", hours).put("points", points));
    }).onFailure(e -> ctx.fail(noHistory(e) ? new ApiError(501, "no_history", "this home keeps no history: "
        + "Home Assistant's recorder and history integrations must be running (they are by default; check "
        + "'recorder:' and 'history:' in configuration.yaml)") : e));
  }

  /** True when the home cannot keep history at all, rather than failing to fetch it this time. */
  private static boolean noHistory(Throwable e) {
    return e instanceof UnsupportedOperationException
        || e instanceof HomeAssistantException ha && "unknown_command".equals(ha.code());
  }

  private static Double number(String value) {
    try {
      double parsed = Double.parseDouble(value);
      return Double.isFinite(parsed) ? parsed : null;
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }
}
