package io.harpou.bridge.vertx.models.impl;

import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.models.ModelSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly budget of each model that has one, counted in calendar months (UTC) from the ledger. At
 * {@value #WARNING_SHARE} of the budget the model is reported with a warning ({@code budget.NAME} in
 * {@code /health}, {@code warning}); once the budget is spent the model is refused until the month ends, and
 * reported {@code degraded}.
 */
public final class Budgets {

  /** The share of a budget at which a warning is given. */
  public static final double WARNING_SHARE = 0.8;
  private static final Logger LOG = LoggerFactory.getLogger(Budgets.class);

  private final EventPublisher events;
  private final Map<String, Double> limits = new HashMap<>();
  private final Map<String, Double> spent = new HashMap<>();
  private YearMonth month;

  /** Budgets for the models that have one, with what each has cost so far in {@code month}. */
  public Budgets(Vertx vertx, List<ModelSpec> models, Map<String, Double> costThisMonth, YearMonth month) {
    this.events = new EventPublisher(vertx);
    this.month = month;
    models.stream().filter(ModelSpec::hasBudget).forEach(m -> {
      limits.put(m.name(), m.monthlyBudget());
      spent.put(m.name(), costThisMonth.getOrDefault(m.name(), 0.0));
    });
  }

  /** The first instant of the month of {@code now}, in UTC. */
  public static Instant monthStart(Instant now) {
    return YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Publishes each budget's state. */
  public synchronized void reportAll() {
    limits.keySet().forEach(name -> report(name, level(name)));
  }

  /** Whether the model's budget for the month of {@code now} is spent. */
  public synchronized boolean exhausted(String name, Instant now) {
    rollOver(now);
    Double limit = limits.get(name);
    return limit != null && spent.get(name) >= limit;
  }

  /** Adds a call's cost; reports the budget when it crosses the warning share or is spent. */
  public synchronized void add(String name, double cost, Instant now) {
    rollOver(now);
    if (!limits.containsKey(name) || cost <= 0) {
      return;
    }
    String before = level(name);
    spent.merge(name, cost, Double::sum);
    String after = level(name);
    if (!after.equals(before)) {
      report(name, after);
    }
  }

  /** Whether any model has a budget. */
  public synchronized boolean any() {
    return !limits.isEmpty();
  }

  /**
   * Raises what each model has cost this month to {@code costs} (a shared ledger's sums, which count other hubs'
   * calls) where they are higher, reporting a budget that crosses the warning share or is spent. Costs this hub added
   * but the ledger does not hold yet are kept.
   */
  public synchronized void atLeast(Map<String, Double> costs, Instant now) {
    rollOver(now);
    costs.forEach((name, cost) -> {
      Double known = spent.get(name);
      if (known != null && cost > known) {
        add(name, cost - known, now);
      }
    });
  }

  /** What the model has cost this month. */
  public synchronized double spent(String name) {
    return spent.getOrDefault(name, 0.0);
  }

  /** Each budget: its limit, what is spent this month, the share and the state. */
  public synchronized JsonObject toJson(Instant now) {
    rollOver(now);
    JsonObject json = new JsonObject();
    limits.forEach((name, limit) -> json.put(name, new JsonObject().put("month", month.toString())
        .put("budget", limit).put("spent", spent.get(name)).put("share", spent.get(name) / limit)
        .put("state", level(name))));
    return json;
  }

  private void rollOver(Instant now) {
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    if (!current.equals(month)) {
      month = current;
      spent.replaceAll((name, cost) -> 0.0);
      reportAll();
    }
  }

  private String level(String name) {
    double share = spent.get(name) / limits.get(name);
    return share >= 1 ? "spent" : share >= WARNING_SHARE ? "warning" : "ok";
  }

  private void report(String name, String level) {
    String detail = String.format(Locale.ROOT, "%.2f of the monthly budget of %.2f spent in %s", spent.get(name),
        limits.get(name), month);
    switch (level) {
      case "spent" -> {
        LOG.warn("The language model {} has spent its monthly budget ({}); turns go to local models until {}",
            name, detail, month.plusMonths(1).atDay(1));
        publish(name, "degraded", "budget spent: " + detail + "; turns go to local models until "
            + month.plusMonths(1).atDay(1));
      }
      case "warning" -> {
        LOG.warn("The language model {} has used {}% of its monthly budget ({})", name,
            Math.round(WARNING_SHARE * 100), detail);
        publish(name, "warning", detail);
      }
      default -> publish(name, "ok", detail);
    }
  }

  private void publish(String name, String state, String detail) {
    events.publish(new ComponentStateChanged(Instant.now(), "budget." + name, state, detail));
  }
}
