package io.harpou.bridge.vertx.models;

import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.ModelCalled;
import io.harpou.bridge.api.event.ModelChosen;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.model.Models;
import io.harpou.bridge.vertx.models.impl.Budgets;
import io.harpou.bridge.vertx.models.impl.ModelClient;
import io.harpou.bridge.vertx.models.impl.ModelStates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured models as one: each turn is routed to a model ({@link Router}), passed over to the next in its
 * chain while that model rests after a failure or has spent its budget, and every call is fitted to the model's
 * window, recorded in the ledger and counted against the budget ({@link ModelTurn}).
 */
public final class ModelPool {

  private static final Logger LOG = LoggerFactory.getLogger(ModelPool.class);
  private static final int REMEMBERED_CONVERSATIONS = 10_000;
  /** How often the budgets read a shared ledger's sums again. */
  public static final long SHARED_BUDGET_REFRESH_MS = 1_000;

  private final Vertx vertx;
  private final ModelsOptions options;
  private final Map<String, ModelClient> clients;
  private final Router router;
  private final ModelStates states;
  private final Budgets budgets;
  private final UsageLedger ledger;
  private final EventPublisher events;
  private final VisionCalls vision;
  private long refresher = -1;
  private final Map<String, String> lastModel = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED_CONVERSATIONS;
        }
      });

  private ModelPool(Vertx vertx, ModelsOptions options, Map<String, ModelClient> clients, Router router,
                    ModelStates states, Budgets budgets, UsageLedger ledger) {
    this.vertx = vertx;
    this.options = options;
    this.clients = clients;
    this.router = router;
    this.states = states;
    this.budgets = budgets;
    this.ledger = ledger;
    this.events = new EventPublisher(vertx);
    this.vision = options.vision().isEmpty() ? null
        : new VisionCalls(this, options.vision().stream().map(ModelSpec::name).toList());
  }

  /**
   * Makes each model's client through its provider, opens the ledger in {@code database}, reads what each model has
   * cost this month and reports every model and budget to {@code /health}. Fails with
   * {@link IllegalArgumentException} when a provider is missing or refuses its section, or the routing names an
   * unknown model.
   */
  public static Future<ModelPool> start(Vertx vertx, ModelsOptions options, Database database) {
    return UsageLedger.of(database).compose(ledger -> start(vertx, options, ledger));
  }

  /**
   * As {@link #start(Vertx, ModelsOptions, Database)}, with the calls kept in {@code ledger}. When other hubs share
   * it, the budgets read its sums again every {@value #SHARED_BUDGET_REFRESH_MS} ms until {@link #close()}, so a
   * budget another hub spent is refused here within that time.
   */
  public static Future<ModelPool> start(Vertx vertx, ModelsOptions options, UsageLedger ledger) {
    Map<String, ModelClient> clients = new LinkedHashMap<>();
    Router router;
    try {
      for (ModelSpec spec : options.models()) {
        clients.put(spec.name(), client(vertx, spec));
      }
      for (ModelSpec spec : options.vision()) {
        clients.computeIfAbsent(spec.name(), name -> client(vertx, spec));
      }
      // Without a model for turns, the pool serves images alone and routes no turn.
      router = options.hasModels() ? new Router(options.routing(), options.models()) : null;
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    ModelStates states = new ModelStates(vertx, List.copyOf(clients.values()), options.backoffMillis(),
        options.maxBackoffMillis());
    Instant now = Instant.now();
    return ledger.costSince(Budgets.monthStart(now)).map(costs -> {
      Budgets budgets = new Budgets(vertx, options.models(), costs, YearMonth.from(now.atZone(ZoneOffset.UTC)));
      states.reportAll();
      budgets.reportAll();
      ModelPool pool = new ModelPool(vertx, options, clients, router, states, budgets, ledger);
      if (ledger.shared() && budgets.any()) {
        pool.refresher = vertx.setPeriodic(SHARED_BUDGET_REFRESH_MS, t -> pool.readBudgets());
      }
      return pool;
    });
  }

  /** Stops reading a shared ledger's sums again. */
  public void close() {
    vertx.cancelTimer(refresher);
  }

  /** Counts what the other hubs sharing the ledger spent this month. */
  private void readBudgets() {
    Instant now = Instant.now();
    ledger.costSince(Budgets.monthStart(now)).onSuccess(costs -> budgets.atLeast(costs, now))
        .onFailure(e -> LOG.warn("Reading the shared ledger's costs failed: {}", e.getMessage()));
  }

  private static ModelClient client(Vertx vertx, ModelSpec spec) {
    ModelProvider provider = Models.provider(spec.provider());
    return new ModelClient(spec, provider.streamingChatModel(vertx, spec.section()),
        provider.tokenCounter(spec.section()), provider.describe(spec.section()), provider::thinking);
  }

  /** The route the router gives a request, before health and budgets are considered. */
  public Route route(TurnRequest request) {
    return router.route(traits(request), request.model());
  }

  /** What the router sees in a request, the conversation's last model included. */
  public RequestTraits traits(TurnRequest request) {
    boolean followUp = router.strong().equals(lastModel.get(request.conversationId()))
        && !router.strong().equals(router.fast());
    return RequestTraits.of(request.text(), request.language(), request.profile(), followUp);
  }

  /**
   * Starts a turn: routes it, passes over models that rest or whose budget is spent (a spent cloud model's turns go
   * to local models only), and publishes the choice and its reason as a {@link ModelChosen} event.
   */
  public ModelTurn begin(TurnRequest request) {
    Route route = route(request);
    Instant now = Instant.now();
    boolean budgetSpent = budgets.exhausted(route.model(), now);
    List<String> allowed = route.chain().stream()
        .filter(name -> !budgets.exhausted(name, now))
        .filter(name -> !budgetSpent || clients.get(name).spec().local())
        .collect(Collectors.toCollection(ArrayList::new));
    List<String> healthy = allowed.stream().filter(name -> states.available(name, now.toEpochMilli())).toList();
    // With every allowed model resting, the first is tried anyway: a rest is a guess, an answer is better.
    List<String> order = new ArrayList<>(healthy.isEmpty() ? allowed : healthy);
    allowed.stream().filter(name -> !order.contains(name)).forEach(order::add);
    String reason = route.reason();
    if (budgetSpent) {
      reason += "; " + route.model() + " has spent its monthly budget";
    } else if (!order.isEmpty() && !order.get(0).equals(route.model())) {
      reason += "; " + route.model() + " is resting after a failure";
    }
    ModelTurn turn = new ModelTurn(this, request, route, order, budgetSpent ? route.model() : null);
    if (!order.isEmpty()) {
      chosen(request, order.get(0), reason, order);
    }
    return turn;
  }

  /** The ledger's sums, for {@code /api/usage}. */
  public ModelUsage usage() {
    return (by, from, to) -> ledger.groups(by, from, to).map(groups -> new JsonObject()
        .put("from", from.toString()).put("to", to.toString()).put("by", by.name().toLowerCase(Locale.ROOT))
        .put("groups", groups).put("budgets", budgets.toJson(Instant.now())));
  }

  /** Every model that answers turns, as {@code /health} and the start-up report name it. */
  public String describe() {
    List<ModelClient> turns = options.models().stream().map(m -> clients.get(m.name())).toList();
    if (turns.size() == 1) {
      return turns.get(0).description();
    }
    return turns.stream().map(c -> c.spec().name() + ": " + c.description())
        .collect(Collectors.joining("; ")) + " (fast " + router.fast() + ", strong " + router.strong() + ")";
  }

  /**
   * The models that read images, as one: each camera question goes to the first vision model whose budget is not
   * spent, passing over one that rests after a failure, with one retry on the next; every call is in the ledger and
   * counted against its model's budget. Empty when no model reads images.
   */
  public Optional<VisionModel> vision() {
    return Optional.ofNullable(vision);
  }

  /** Records an answer served from the cache: the model that gave it, free, in the ledger and as an event. */
  void cacheHit(TurnRequest request, ResponseCache.Hit hit) {
    String reason = hit.exact() ? "cache hit: the same question" : String.format(Locale.ROOT,
        "cache hit: a question %.2f similar (\"%s\")", hit.similarity(), hit.question());
    chosen(request, hit.model(), reason, List.of(hit.model()));
    Instant now = Instant.now();
    events.publish(new ModelCalled(now, request.turnId(), request.conversationId(), hit.model(), "cache_hit", 0, 0,
        0, 0));
    ledger.record(new UsageRow(now, hit.model(), request.profile(), request.conversationId(), request.turnId(), 0, 0,
        0, 0, "cache_hit"));
  }

  void chosen(TurnRequest request, String model, String reason, List<String> chain) {
    events.publish(new ModelChosen(Instant.now(), request.turnId(), request.conversationId(), model, reason, chain));
  }

  /**
   * Records one call: its cost counted against the model's budget, a {@link ModelCalled} event and a ledger row.
   *
   * @param turnId the turn, or null for a call outside one
   * @param conversationId the conversation, or null
   * @param profile who asked, or null
   */
  void recordCall(ModelSpec model, String turnId, String conversationId, String profile, int input, int output,
                  double cost, long millis, String outcome) {
    Instant now = Instant.now();
    budgets.add(model.name(), cost, now);
    events.publish(new ModelCalled(now, turnId, conversationId, model.name(), outcome, input, output, cost, millis));
    ledger.record(new UsageRow(now, model.name(), profile, conversationId, turnId, input, output, cost, millis,
        outcome)).onFailure(e -> LOG.warn("A model call could not be recorded: {}", e.getMessage()));
  }

  void answered(String conversationId, String model) {
    lastModel.put(conversationId, model);
  }

  Vertx vertx() {
    return vertx;
  }

  ModelClient client(String name) {
    return clients.get(name);
  }

  ModelStates states() {
    return states;
  }

  Budgets budgets() {
    return budgets;
  }

  EventPublisher events() {
    return events;
  }
}
