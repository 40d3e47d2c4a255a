package io.harpou.bridge.vertx.rules.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.api.rules.RuleBook;
import io.harpou.bridge.api.rules.RuleException;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.harpou.bridge.vertx.rules.NotificationRules;
import io.harpou.bridge.vertx.rules.NotificationServices;
import io.harpou.bridge.vertx.rules.Rule;
import io.harpou.bridge.vertx.rules.RuleTable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules on one event loop: a {@link Watch} per rule fed by the home's state changes, the store of added rules,
 * and the {@link RuleBook} served on {@link BridgeAddresses#RULES}.
 */
public final class NotificationRulesImpl extends VerticleBase implements NotificationRules {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationRulesImpl.class);

  private final NotificationOptions options;
  private final NotificationServices services;
  /** How often a table other hubs share is read again. */
  private static final long SHARED_REFRESH_MS = 1_000;

  private final RuleTable store;
  private final AuditLog audit;
  private final List<Rule> added;
  private final Clock clock = Clock.systemDefaultZone();
  private final Map<String, Watch> watches = new LinkedHashMap<>();
  private Delivery delivery;
  private Registration changes;
  private MessageConsumer<JsonObject> book;
  private long refresher = -1;
  /** This hub's additions and removals, done and under way: a read that overlaps one never undoes it. */
  private long changesHere;
  private int changing;

  private NotificationRulesImpl(NotificationOptions options, NotificationServices services, RuleTable store,
                                AuditLog audit, List<Rule> added) {
    this.options = options;
    this.services = services;
    this.store = store;
    this.audit = audit;
    this.added = added;
  }

  /** Loads the added rules from {@code table} and deploys the rules on their own loop, auditing in {@code audit}. */
  public static Future<NotificationRules> start(Vertx vertx, NotificationOptions options,
                                                NotificationServices services, RuleTable table, AuditLog audit) {
    return table.load().compose(added -> {
      NotificationRulesImpl rules = new NotificationRulesImpl(options, services, table, audit, added);
      return vertx.deployVerticle(rules).map(id -> rules);
    });
  }

  @Override
  public Future<?> start() {
    delivery = new Delivery(vertx, options, services, audit, clock);
    options.rules().forEach(rule -> named(rule).stream()
        .filter(id -> services.home().state(id).isPresent() && !services.exposed(id)).forEach(id ->
        LOG.warn("Notification rule {} names {}, which is not exposed to Harpou (tools.home.exposure): it is not"
            + " watched", rule.id(), id)));
    options.rules().forEach(this::watch);
    added.stream().filter(rule -> !watches.containsKey(rule.id())).forEach(this::watch);
    Context here = context;
    changes = services.home().onStateChange(change -> here.runOnContext(v -> changed(change)));
    book = vertx.eventBus().consumer(BridgeAddresses.RULES, this::serve);
    if (store.shared()) {
      refresher = vertx.setPeriodic(SHARED_REFRESH_MS, t -> readAgain());
    }
    LOG.info("Notification rules: {} from the configuration, {} added", options.rules().size(), added.size());
    return book.completion();
  }

  /** Follows the rules other hubs added or removed in the shared table. */
  private void readAgain() {
    long before = changesHere;
    if (changing > 0) {
      return;
    }
    store.load().onFailure(e -> LOG.warn("Reading the shared notification rules failed: {}", e.getMessage()))
        .onSuccess(kept -> {
          if (changing > 0 || changesHere != before) {
            return;
          }
          kept.stream().filter(rule -> !watches.containsKey(rule.id())).forEach(this::watch);
          Set<String> ids = kept.stream().map(Rule::id).collect(Collectors.toSet());
          List.copyOf(watches.values()).stream().map(Watch::rule)
              .filter(rule -> !rule.origin().equals("configuration") && !ids.contains(rule.id()))
              .forEach(rule -> watches.remove(rule.id()).stop());
        });
  }

  private void watch(Rule rule) {
    Watch watch = new Watch(rule, vertx, services.home(), services::exposed, delivery, clock, this::spokeOnce);
    watches.put(rule.id(), watch);
    watch.start();
  }

  private void changed(StateChange change) {
    List.copyOf(watches.values()).forEach(watch -> watch.changed(change));
  }

  private void spokeOnce(Rule rule) {
    vertx.runOnContext(v -> removeAdded(rule.id()));
  }

  private void serve(Message<JsonObject> message) {
    JsonObject body = message.body();
    Future<JsonObject> answer = switch (body.getString("action", "")) {
      case "list" -> list().map(rules -> new JsonObject().put("rules", rules));
      case "add" -> add(body.getJsonObject("rule", new JsonObject())).map(rule -> new JsonObject().put("rule", rule));
      case "remove" -> remove(body.getString("id", "")).map(removed -> new JsonObject().put("removed", removed));
      default -> Future.failedFuture(new RuleException(RuleBook.INVALID, "no such action"));
    };
    answer.onSuccess(message::reply).onFailure(e -> message.fail(e instanceof RuleException r ? r.code() : 500,
        e.getMessage()));
  }

  @Override
  public List<Rule> rules() {
    return watches.values().stream().map(Watch::rule).toList();
  }

  @Override
  public Future<JsonArray> list() {
    return onLoop(() -> Future.succeededFuture(new JsonArray(rules().stream().map(Rule::toJson).toList())));
  }

  @Override
  public Future<JsonObject> add(JsonObject json) {
    return onLoop(() -> {
      Rule rule;
      try {
        JsonObject named = json.copy();
        if (named.getValue("id") == null) {
          named.put("id", "rule-" + UUID.randomUUID().toString().substring(0, 8));
        }
        rule = Rule.fromJson(named, "speech".equals(json.getValue("origin")) ? "speech" : "api");
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(new RuleException(RuleBook.INVALID, e.getMessage()));
      }
      String refused = refusal(rule);
      if (refused != null) {
        return Future.failedFuture(new RuleException(RuleBook.INVALID, refused));
      }
      watch(rule);
      return changed(store.save(rule)).map(v -> rule.toJson());
    });
  }

  /** Why an added rule is refused, or null. */
  private String refusal(Rule rule) {
    if (watches.containsKey(rule.id())) {
      return "a rule with the id " + rule.id() + " exists already";
    }
    if (watches.values().stream().filter(w -> !w.rule().origin().equals("configuration")).count()
        >= options.maxAddedRules()) {
      return "there are already " + options.maxAddedRules() + " added rules: remove one first";
    }
    for (String entityId : named(rule)) {
      if (services.home().state(entityId).isEmpty()) {
        return "Home Assistant has no entity " + entityId;
      }
      if (!services.exposed(entityId)) {
        return entityId + " is not exposed to Harpou (tools.home.exposure), so no rule may watch it";
      }
    }
    return null;
  }

  /** The entities a rule names by id, in {@code when} and {@code while}. */
  private static List<String> named(Rule rule) {
    return (rule.whileAlso() == null ? List.of(rule.when()) : List.of(rule.when(), rule.whileAlso())).stream()
        .flatMap(condition -> condition.entityIds().stream()).toList();
  }

  @Override
  public Future<Boolean> remove(String id) {
    return onLoop(() -> {
      Watch watch = watches.get(id);
      if (watch != null && watch.rule().origin().equals("configuration")) {
        return Future.failedFuture(new RuleException(RuleBook.FORBIDDEN, "the rule " + id
            + " comes from the configuration: change it there"));
      }
      return removeAdded(id);
    });
  }

  private Future<Boolean> removeAdded(String id) {
    Watch watch = watches.remove(id);
    if (watch != null) {
      watch.stop();
    }
    return changed(store.delete(id)).map(deleted -> deleted || watch != null);
  }

  /** Counts a change to the table while it is under way and once it is done. */
  private <T> Future<T> changed(Future<T> change) {
    changing++;
    return change.onComplete(ar -> {
      changing--;
      changesHere++;
    });
  }

  private <T> Future<T> onLoop(Supplier<Future<T>> work) {
    if (Vertx.currentContext() == context) {
      return work.get();
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(promise));
    return promise.future();
  }

  @Override
  public Future<Void> close() {
    return vertx.deploymentIDs().contains(deploymentID()) ? vertx.undeploy(deploymentID()) : Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (changes != null) {
      changes.unregister();
    }
    vertx.cancelTimer(refresher);
    watches.values().forEach(Watch::stop);
    return book == null ? Future.succeededFuture() : book.unregister();
  }
}
