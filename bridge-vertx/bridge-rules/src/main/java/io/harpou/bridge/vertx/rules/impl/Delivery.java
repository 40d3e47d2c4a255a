package io.harpou.bridge.vertx.rules.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.harpou.bridge.vertx.rules.NotificationRules;
import io.harpou.bridge.vertx.rules.NotificationServices;
import io.harpou.bridge.vertx.rules.Rule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the household one notification: spoken in the rule's rooms (every room with a satellite when it names none)
 * where people are, when the home knows it (a room whose presence, occupancy or motion sensors are all off is skipped;
 * a room without such sensors is not; only sensors exposed to the assistant count), nowhere during quiet hours; shown
 * in the console as a {@code notification} event; and sent to Home Assistant's configured notification service. Each
 * delivery is audited. In a cluster, the node that claims the finding first tells it; the others tell nothing.
 */
final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
  private static final Set<String> PRESENCE_CLASSES = Set.of("presence", "occupancy", "motion");

  private final Vertx vertx;
  private final NotificationOptions options;
  private final NotificationServices services;
  private final AuditLog audit;
  private final Clock clock;

  Delivery(Vertx vertx, NotificationOptions options, NotificationServices services, AuditLog audit, Clock clock) {
    this.vertx = vertx;
    this.options = options;
    this.services = services;
    this.audit = audit;
    this.clock = clock;
  }

  /** Tells everyone about {@code rule}, found true of {@code state}. */
  void deliver(Rule rule, EntityState state) {
    Instant since = state.lastChanged() != null ? state.lastChanged() : state.lastUpdated();
    // Every node that carries the rule sees the same state, changed at the same instant: one claim per finding.
    services.claim().apply("notification:" + rule.id() + ":" + state.entityId() + ":" + since).onComplete(won -> {
      if (won.failed()) {
        // Told twice is better than a leak never told.
        LOG.warn("Notification {}: the cluster could not say which node tells it ({}), so this one does", rule.id(),
            won.cause().getMessage());
        tell(rule, state);
      } else if (won.result()) {
        tell(rule, state);
      } else {
        LOG.info("Notification {} is told by another node of the cluster", rule.id());
      }
    });
  }

  private void tell(Rule rule, EntityState state) {
    long started = System.nanoTime();
    String text = rule.sentence(state.friendlyName(), state.state());
    boolean quiet = rule.quietHours() != null && rule.quietHours().contains(LocalTime.now(clock));
    List<String> rooms = quiet || services.announcer() == null ? List.of() : roomsToSpeakIn(rule);
    LOG.info("Notification {}: {} (spoken in {})", rule.id(), text, rooms.isEmpty() ? "no room" : rooms);
    vertx.eventBus().publish(BridgeAddresses.EVENTS, new JsonObject().put("kind", NotificationRules.EVENT_KIND)
        .put("time", Instant.now(clock).toString()).put("rule", rule.id()).put("text", text)
        .put("entity_id", state.entityId()).put("rooms", new JsonArray(rooms)).put("quiet", quiet));
    List<Future<Void>> sent = new ArrayList<>();
    for (String room : rooms) {
      sent.add(services.announcer().announce(new Announcement(room, text, options.language()))
          .onFailure(e -> LOG.warn("Could not say notification {} in {}: {}", rule.id(), room, e.getMessage())));
    }
    String[] service = options.service().split("\\.", 2);
    sent.add(services.home().callService(new ServiceCall(service[0], service[1], new JsonObject()
            .put("title", "Harpou").put("message", text), null, false)).<Void>mapEmpty()
        .onFailure(e -> LOG.warn("Could not send notification {} to Home Assistant: {}", rule.id(), e.getMessage())));
    Future.join(sent).onComplete(done -> {
      long failed = sent.stream().filter(Future::failed).count();
      audit.record(new AuditEntry(Instant.now(clock), null, "rules", rooms.isEmpty() ? null : String.join(", ", rooms),
          null, "notification", new JsonObject().put("rule", rule.id()).put("entity_id", state.entityId())
          .put("text", text).put("rooms", new JsonArray(rooms)).put("quiet", quiet), "act",
          failed == 0 ? "ok" : "error", (System.nanoTime() - started) / 1_000_000,
          failed == 0 ? null : failed + " of " + sent.size() + " deliveries failed"))
          .onFailure(e -> LOG.warn("Could not audit notification {}: {}", rule.id(), e.getMessage()));
    });
  }

  /** The rule's rooms, or every satellite's, less those where the home knows nobody is. */
  private List<String> roomsToSpeakIn(Rule rule) {
    List<String> candidates = rule.rooms().isEmpty() ? services.satelliteRooms().get() : rule.rooms();
    return candidates.stream().distinct().filter(room -> occupied(room).orElse(true)).toList();
  }

  /** Whether someone is in {@code room}: empty when it has no presence, occupancy or motion sensor. */
  private Optional<Boolean> occupied(String room) {
    HomeGateway home = services.home();
    Optional<Area> area = home.areas().stream().filter(a -> matches(a, room)).findFirst();
    if (area.isEmpty()) {
      return Optional.empty();
    }
    List<EntityState> sensors = home.states().stream()
        .filter(s -> s.domain().equals("binary_sensor") && services.exposed(s.entityId())
            && PRESENCE_CLASSES.contains(s.attributes().getString("device_class", ""))
            && home.areaOf(s.entityId()).map(a -> a.areaId().equals(area.get().areaId())).orElse(false))
        .toList();
    return sensors.isEmpty() ? Optional.empty() : Optional.of(sensors.stream().anyMatch(s -> "on".equals(s.state())));
  }

  private static boolean matches(Area area, String room) {
    String wanted = room.toLowerCase(Locale.ROOT);
    return area.areaId().equalsIgnoreCase(room) || area.name().toLowerCase(Locale.ROOT).equals(wanted)
        || area.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted));
  }
}
