package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.vertx.agent.PolicyOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The protected entities (locks, alarm panels, garage doors and gates, by the policy's rules) that a Home Assistant
 * service call would reach: its targets (entities, {@code all}, and the entities of the service's domain on its
 * devices, areas and floors), entity ids named in its data ({@code scene.apply}), and what the scripts, scenes and
 * automations among them act on, as Home Assistant's {@code search/related} reports it. A script Home Assistant
 * cannot describe counts as reaching itself, so it is held for a confirmation rather than run blind. The same search
 * finds the entities the household's settings hide that a call would reach.
 */
final class ProtectedReach {

  private static final Pattern ENTITY_ID = Pattern.compile("[a-z0-9_]+\\.[a-z0-9_]+");
  /** Entities that run other actions when called. */
  private static final Set<String> RUNNABLE = Set.of("script", "scene", "automation");
  /** Services of the script domain that do not name a script; any other runs {@code script.<service>}. */
  private static final Set<String> SCRIPT_DOMAIN_SERVICES = Set.of("turn_on", "turn_off", "toggle", "reload");

  private final PolicyOptions policy;
  private final HomeGateway home;
  private final Set<String> protectedEntities;

  /** The reach under {@code policy}'s rules, with {@code protectedEntities} (the household's settings) protected too. */
  ProtectedReach(PolicyOptions policy, HomeGateway home, Set<String> protectedEntities) {
    this.policy = policy;
    this.home = home;
    this.protectedEntities = protectedEntities;
  }

  /**
   * The entities {@code call} acts on directly: its targets, the entity ids in its data and the script it runs, without
   * what those scripts and scenes reach in turn.
   */
  private Set<String> targetsOf(ServiceCall call) {
    Set<String> ids = targets(call.target(), call.domain());
    mentioned(call.data(), ids);
    if ("script".equals(call.domain()) && !SCRIPT_DOMAIN_SERVICES.contains(call.service())) {
      ids.add("script." + call.service());
    }
    return ids;
  }

  /** The protected entities {@code call} reaches, in the order found; empty when it reaches none. */
  Future<List<String>> of(ServiceCall call) {
    // A script Home Assistant cannot describe counts as reaching itself, so it is held rather than run blind.
    return reached(call, this::isProtected, true);
  }

  /**
   * The entities of {@code hidden} that {@code call} reaches, directly or through the scripts, scenes and automations
   * it runs; empty when it reaches none.
   */
  Future<List<String>> hiddenIn(ServiceCall call, Set<String> hidden) {
    if (hidden.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return reached(call, hidden::contains, false);
  }

  /**
   * The entities {@code counts} selects among those {@code call} reaches; a runnable entity Home Assistant cannot
   * describe counts as reached itself when {@code blindCounts}.
   */
  private Future<List<String>> reached(ServiceCall call, Predicate<String> counts, boolean blindCounts) {
    Set<String> ids = targetsOf(call);
    Set<String> reached = new LinkedHashSet<>();
    List<Future<List<String>>> nested = new ArrayList<>();
    for (String id : ids) {
      if (counts.test(id)) {
        reached.add(id);
      }
      if (RUNNABLE.contains(domain(id))) {
        nested.add(home.searchRelated(domain(id), id).map(related -> selectedIn(related, counts))
            .recover(e -> Future.succeededFuture(blindCounts ? List.of(id) : List.of())));
      }
    }
    return Future.join(nested).map(done -> {
      nested.forEach(f -> reached.addAll(f.result()));
      return List.copyOf(reached);
    });
  }

  /**
   * True for a lock or alarm panel (the protected domains), a garage door or gate (the protected classes), or an entity
   * the household's settings protect.
   */
  boolean isProtected(String entityId) {
    String domain = domain(entityId);
    if (protectedEntities.contains(entityId) || policy.getProtectedDomains().contains(domain)) {
      return true;
    }
    if (!"cover".equals(domain)) {
      return false;
    }
    String deviceClass = home.state(entityId).map(EntityState::attributes).map(a -> a.getString("device_class"))
        .orElse(null);
    if (deviceClass == null) {
      deviceClass = home.entities().stream().filter(e -> e.entityId().equals(entityId)).findFirst()
          .map(EntityEntry::deviceClass).orElse(null);
    }
    return deviceClass != null && policy.getProtectedDeviceClasses().contains(deviceClass);
  }

  private Set<String> targets(Target target, String serviceDomain) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : target.entityIds()) {
      if ("all".equals(id)) {
        // Home Assistant's "all" is every entity of the service's domain, or of every domain for homeassistant.*.
        home.states().stream().map(EntityState::entityId)
            .filter(e -> "homeassistant".equals(serviceDomain) || domain(e).equals(serviceDomain)).forEach(ids::add);
      } else if (!"none".equals(id)) {
        ids.add(id);
      }
    }
    // A service acts on the entities of its own domain among those its devices, areas and floors hold.
    List<String> held = new ArrayList<>(ofDevices(target.deviceIds()));
    held.addAll(inAreas(target.areaIds()));
    held.addAll(inAreas(areasOn(target.floorIds())));
    held.stream().filter(e -> "homeassistant".equals(serviceDomain) || domain(e).equals(serviceDomain))
        .forEach(ids::add);
    return ids;
  }

  /** Entity ids of the home named anywhere in service data, as keys or values. */
  private void mentioned(Object data, Set<String> found) {
    if (data instanceof JsonObject json) {
      json.forEach(e -> {
        mentioned(e.getKey(), found);
        mentioned(e.getValue(), found);
      });
    } else if (data instanceof JsonArray array) {
      array.forEach(item -> mentioned(item, found));
    } else if (data instanceof String s && ENTITY_ID.matcher(s).matches() && home.state(s).isPresent()) {
      found.add(s);
    }
  }

  /**
   * The entities {@code counts} selects in a {@code search/related} result. Its areas include those of every entity
   * and device it found (Home Assistant resolves each up to its area), so only an area none of them explains was
   * named by the script itself and stands for everything in it; the same goes for floors. The literal {@code all} of a target may
   * mean any domain, so it stands for every entity.
   */
  private List<String> selectedIn(JsonObject related, Predicate<String> counts) {
    Set<String> entities = new LinkedHashSet<>(strings(related, "entity"));
    List<String> devices = strings(related, "device");
    Set<String> explainedAreas = new LinkedHashSet<>();
    entities.forEach(id -> home.areaOf(id).map(Area::areaId).ifPresent(explainedAreas::add));
    home.devices().stream().filter(d -> devices.contains(d.deviceId()) && d.areaId() != null)
        .map(Device::areaId).forEach(explainedAreas::add);
    List<String> namedAreas = strings(related, "area").stream().filter(a -> !explainedAreas.contains(a)).toList();
    Set<String> explainedFloors = new LinkedHashSet<>();
    home.areas().stream().filter(a -> strings(related, "area").contains(a.areaId()) && a.floorId() != null)
        .forEach(a -> explainedFloors.add(a.floorId()));
    List<String> namedFloors = strings(related, "floor").stream().filter(f -> !explainedFloors.contains(f)).toList();
    if (entities.remove("all")) {
      home.states().stream().map(EntityState::entityId).forEach(entities::add);
    }
    entities.addAll(ofDevices(devices));
    entities.addAll(inAreas(namedAreas));
    entities.addAll(inAreas(areasOn(namedFloors)));
    return entities.stream().filter(counts).toList();
  }

  private List<String> ofDevices(Collection<String> deviceIds) {
    if (deviceIds.isEmpty()) {
      return List.of();
    }
    return home.entities().stream().filter(e -> e.deviceId() != null && deviceIds.contains(e.deviceId()))
        .map(EntityEntry::entityId).toList();
  }

  private List<String> inAreas(Collection<String> areaIds) {
    if (areaIds.isEmpty()) {
      return List.of();
    }
    return home.entities().stream()
        .filter(e -> home.areaOf(e.entityId()).map(a -> areaIds.contains(a.areaId())).orElse(false))
        .map(EntityEntry::entityId).toList();
  }

  private List<String> areasOn(Collection<String> floorIds) {
    if (floorIds.isEmpty()) {
      return List.of();
    }
    return home.areas().stream().filter(a -> a.floorId() != null && floorIds.contains(a.floorId()))
        .map(Area::areaId).toList();
  }

  private static List<String> strings(JsonObject json, String key) {
    JsonArray array = json.getJsonArray(key);
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> {
        if (item instanceof String s) {
          out.add(s);
        }
      });
    }
    return out;
  }

  private static String domain(String entityId) {
    int dot = entityId.indexOf('.');
    return dot < 0 ? entityId : entityId.substring(0, dot);
  }
}
