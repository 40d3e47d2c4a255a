package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.http.HttpApiServices;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code GET /api/usage?by=day|model|profile&from=&to=}: the language models' calls, tokens, cost and latency summed
 * by UTC day, model or profile, with each budget. {@code from} and {@code to} are dates ({@code 2026-12-01}, UTC
 * midnight) or instants; by default the current month up to now. A span over 366 days is refused.
 */
public final class UsageHandler {

  private static final Duration LONGEST = Duration.ofDays(366);

  private final HttpApiServices bridge;

  /** A handler over the bridge's model usage. */
  public UsageHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get("/api/usage").handler(this::usage);
  }

  private void usage(RoutingContext ctx) {
    ModelUsage usage = bridge.usage().orElseThrow(() -> ApiError.unavailable("the model usage ledger (no model is"
        + " configured)"));
    String by = ctx.request().getParam("by", "model");
    ModelUsage.GroupBy group;
    try {
      group = ModelUsage.GroupBy.valueOf(by.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("by must be day, model or profile");
    }
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant from = instant(ctx.request().getParam("from"), today.withDayOfMonth(1).atStartOfDay()
        .toInstant(ZoneOffset.UTC), "from");
    Instant to = instant(ctx.request().getParam("to"), now.plusMillis(1), "to");
    if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw ApiError.invalid("from must be before to, at most 366 days apart");
    }
    usage.usage(group, from, to).onSuccess(json -> Requests.json(ctx, json)).onFailure(ctx::fail);
  }

  private static Instant instant(String value, Instant fallback, String name) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(name + " must be a date (2026-12-01) or an instant (2026-12-01T08:00:00Z)");
    }
  }
}
