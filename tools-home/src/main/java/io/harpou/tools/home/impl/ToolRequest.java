package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** One tool call being served: its arguments, the turn's context and the exposed home, with the shared checks. */
final class ToolRequest {

  /** Kinds an area-wide action leaves alone unless they are what it is about. */
  private static final Set<String> NEVER_SWEPT = Set.of("camera", "alarm_control_panel", "siren", "lock", "script",
      "scene", "automation", "valve", "vacuum", "lawn_mower", "button");

  final JsonObject args;
  final ToolContext context;
  final ExposedHomeImpl home;
  final HomeAccess access;
  private final ToolSpec spec;

  ToolRequest(JsonObject args, ToolContext context, ExposedHomeImpl home, HomeAccess access, ToolSpec spec) {
    this.args = args;
    this.context = context;
    this.home = home;
    this.access = access;
    this.spec = spec;
  }

  String lang() {
    return context.language();
  }

  String say(String key, Object... values) {
    return Messages.say(lang(), key, values);
  }

  String names(List<HomeEntity> entities) {
    return Messages.names(lang(), entities);
  }

  /** An optional string argument. */
  String string(String key) {
    Object value = args.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new ToolArgumentsException(key + " must be a string");
    }
    return s.isBlank() ? null : s.trim();
  }

  /** A required string argument. */
  String requireString(String key) {
    String value = string(key);
    if (value == null) {
      throw new ToolArgumentsException(key + " is required");
    }
    return value;
  }

  /** An optional number within [min, max]; digits or number words are accepted in a string. */
  Double number(String key, double min, double max) {
    Object value = args.getValue(key);
    if (value == null) {
      return null;
    }
    Double n = value instanceof Number num ? num.doubleValue()
        : value instanceof String s ? NumberWords.parse(s.replace("%", "")) : null;
    if (n == null) {
      throw new ToolArgumentsException(key + " must be a number");
    }
    if (n < min || n > max) {
      throw new ToolArgumentsException(key + " must be between " + fmt(min) + " and " + fmt(max));
    }
    return n;
  }

  static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  /**
   * The entities this call targets, from {@code entity_id}, or {@code name} and {@code area}, or {@code area} alone,
   * limited to {@code domains} (empty: any). Protected entities are refused by tools that are not PROTECTED; an
   * area-wide action leaves out what only an explicit request may touch (see {@link #sweepable}).
   */
  List<HomeEntity> targets(Set<String> domains) {
    Set<String> allowed = narrow(domains);
    List<HomeEntity> found = new ArrayList<>();
    Object ids = args.getValue("entity_id");
    if (ids != null) {
      for (String id : ids(ids)) {
        HomeEntity e = home.entity(id).orElseThrow(() -> new TargetException(unknown(id, allowed)));
        if (!allowed.isEmpty() && !allowed.contains(e.domain())) {
          throw new TargetException(say("wrong_domain", id, e.domain()));
        }
        found.add(e);
      }
    } else {
      String name = string("name");
      String area = string("area");
      if (name == null && area == null) {
        throw new TargetException(say("no_target"));
      }
      if (name == null) {
        if (home.area(area).isEmpty()) {
          throw new TargetException(unknown(area, allowed));
        }
        String areaId = home.area(area).get().areaId();
        for (HomeEntity e : home.index().inArea(areaId)) {
          if (sweepable(e, allowed)) {
            found.add(e);
          }
        }
        if (found.isEmpty()) {
          throw new TargetException(say("nothing_in_area", home.area(area).get().name()));
        }
      } else {
        String phrase = area == null ? name : name + " in " + area;
        Resolution r = access.resolver().resolve(home.index(), phrase, allowed, context.room().orElse(null));
        switch (r.status()) {
          case FOUND -> found.addAll(r.entities());
          case AMBIGUOUS -> throw new TargetException(Messages.which(lang(), r.entities(), r.domains())
              + " (pass entity_id)");
          case PLACE_ONLY -> {
            for (String areaId : r.place().areaIds()) {
              for (HomeEntity e : home.index().inArea(areaId)) {
                if (sweepable(e, allowed)) {
                  found.add(e);
                }
              }
            }
            if (found.isEmpty()) {
              throw new TargetException(say("nothing_in_area", phrase));
            }
          }
          case NONE_THERE -> throw new TargetException(say("nothing_in_area", phrase));
          default -> throw new TargetException(unknown(name, allowed));
        }
      }
    }
    checkProtection(found);
    return found;
  }

  /**
   * Whether an area-wide action takes {@code e} along. Cameras, alarms, sirens and locks, scripts, scenes and
   * automations (which run other actions), valves, robots and buttons are swept up only by a tool or a domain naming
   * exactly their kind; a protected entity never by a tool that may not act on it.
   */
  private boolean sweepable(HomeEntity e, Set<String> allowed) {
    if (!allowed.isEmpty() && !allowed.contains(e.domain())) {
      return false;
    }
    if (e.isProtected() && spec.risk() == Risk.ACT) {
      return false;
    }
    return !NEVER_SWEPT.contains(e.domain()) || allowed.size() == 1;
  }

  private Set<String> narrow(Set<String> domains) {
    Object d = args.getValue("domain");
    if (d == null) {
      return domains;
    }
    Set<String> asked = new LinkedHashSet<>(ids(d));
    if (!domains.isEmpty()) {
      asked.retainAll(domains);
      if (asked.isEmpty()) {
        throw new ToolArgumentsException("domain must be one of " + domains);
      }
    }
    return asked;
  }

  private void checkProtection(List<HomeEntity> entities) {
    if (spec.risk() != Risk.ACT) {
      return;
    }
    for (HomeEntity e : entities) {
      if (e.isProtected()) {
        String tool = switch (e.domain()) {
          case "lock" -> "lock/unlock";
          case "cover" -> "set_garage_door";
          default -> "call_protected_service";
        };
        throw new TargetException(say("protected", Messages.spoken(lang(), e), tool));
      }
    }
  }

  private String unknown(String what, Set<String> domains) {
    HomeEntity nearest = Resolver.nearestEntity(home.index(), what.replace('.', ' ').replace('_', ' '), domains);
    return suggest(say("unknown", what), nearest == null ? List.of() : List.of(nearest));
  }

  private String suggest(String message, List<HomeEntity> hints) {
    if (hints.isEmpty()) {
      return message;
    }
    List<String> labels = hints.stream().map(e -> e.displayName(lang()) + " (" + e.entityId() + ")").toList();
    return message + say("did_you_mean", Messages.alternatives(lang(), labels));
  }

  private static List<String> ids(Object value) {
    if (value instanceof String s) {
      return List.of(s.trim());
    }
    if (value instanceof JsonArray array && !array.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (Object o : array) {
        if (!(o instanceof String s)) {
          throw new ToolArgumentsException("entity_id and domain hold strings");
        }
        out.add(s.trim());
      }
      return out;
    }
    throw new ToolArgumentsException("entity_id and domain are a string or a non-empty array of strings");
  }

  /** The gateway this call acts through: the one in the tool's context, which the policy may guard. */
  HomeGateway gateway() {
    return context.home().orElseThrow();
  }

  /**
   * Calls {@code domain.service} on {@code entities} with {@code data}; when its answer is lost, fails with
   * {@link UnconfirmedCall} telling the entities' states as Home Assistant shows them now.
   */
  Future<JsonObject> call(String domain, String service, List<HomeEntity> entities, JsonObject data) {
    List<String> ids = entities.stream().map(HomeEntity::entityId).toList();
    ServiceCall sc = new ServiceCall(domain, service, data, new Target(ids, null, null, null), false);
    return call(sc, () -> Unconfirmed.states(this, entities));
  }

  /**
   * Calls {@code sc}; when its answer is lost (it may have run), fails with {@link UnconfirmedCall} whose message is
   * what {@code truth} finds in Home Assistant now. The call is never sent again.
   */
  Future<JsonObject> call(ServiceCall sc, Supplier<Future<String>> truth) {
    return gateway().callService(sc).recover(e -> e instanceof HomeAssistantException h
        && h.outcome() == HomeAssistantException.Outcome.UNKNOWN
        ? truth.get().compose(sentence -> Future.failedFuture(new UnconfirmedCall(sentence, h)))
        : Future.failedFuture(e));
  }
}
