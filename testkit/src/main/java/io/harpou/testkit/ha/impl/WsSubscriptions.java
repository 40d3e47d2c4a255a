package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Subscription commands: subscribe_events, unsubscribe_events, subscribe_entities and render_template. */
final class WsSubscriptions {

  private static final Set<String> ENTITY_FILTERS = Set.of("entity_ids", "include_domains", "include_entities",
      "include_entity_globs", "exclude_domains", "exclude_entities", "exclude_entity_globs");

  private WsSubscriptions() {
  }

  static void register(WsCommands c, Home home) {
    c.add("subscribe_events", Set.of("event_type"), Set.of(), (s, id, m) -> {
      String type = WsCommands.typed(m, "event_type", String.class, "str");
      Runnable cancel = home.states.listen(type == null ? "*" : type, ev -> s.event(id, ev.toJson()),
          () -> s.result(id, null));
      s.addSubscription(id, cancel);
    });
    c.add("unsubscribe_events", Set.of("subscription"), Set.of("subscription"), (s, id, m) -> {
      Object sub = m.getValue("subscription");
      if (!(sub instanceof Integer || sub instanceof Long)) {
        throw ServiceError.invalid("expected int for dictionary value @ data['subscription']. Got " + Repr.of(sub));
      }
      if (s.cancelSubscription(((Number) sub).longValue())) {
        s.result(id, null);
      } else {
        throw new ServiceError("not_found", "Subscription not found.");
      }
    });
    c.add("subscribe_entities", ENTITY_FILTERS, Set.of(), (s, id, m) -> subscribeEntities(home, s, id, m));
    c.add("render_template", Set.of("template", "entity_ids", "variables", "timeout", "strict", "report_errors"),
        Set.of("template"), (s, id, m) -> renderTemplate(home, s, id, m));
  }

  private static void subscribeEntities(Home home, WsSession s, long id, JsonObject m) {
    Predicate<String> filter = filter(m);
    Runnable cancel = home.states.listen(HaEvent.STATE_CHANGED, ev -> {
      String entityId = ev.data().getString("entity_id");
      if (!filter.test(entityId)) {
        return;
      }
      if (ev.newState() == null) {
        s.event(id, new JsonObject().put("r", new JsonArray().add(entityId)));
      } else if (ev.oldState() == null) {
        s.event(id, new JsonObject().put("a", new JsonObject().put(entityId, ev.newState().toCompressed())));
      } else {
        s.event(id, new JsonObject().put("c", new JsonObject().put(entityId,
            CompressedStates.diff(ev.oldState(), ev.newState()))));
      }
    }, () -> {
      s.result(id, null);
      JsonObject added = new JsonObject();
      home.states.all().stream().filter(st -> filter.test(st.entityId()))
          .forEach(st -> added.put(st.entityId(), st.toCompressed()));
      s.event(id, new JsonObject().put("a", added));
    });
    s.addSubscription(id, cancel);
  }

  private static Predicate<String> filter(JsonObject m) {
    JsonArray ids = WsCommands.stringList(m, "entity_ids");
    JsonArray incDomains = WsCommands.stringList(m, "include_domains");
    JsonArray incEntities = WsCommands.stringList(m, "include_entities");
    List<Pattern> incGlobs = globs(WsCommands.stringList(m, "include_entity_globs"));
    JsonArray excDomains = WsCommands.stringList(m, "exclude_domains");
    JsonArray excEntities = WsCommands.stringList(m, "exclude_entities");
    List<Pattern> excGlobs = globs(WsCommands.stringList(m, "exclude_entity_globs"));
    boolean hasInclude = nonEmpty(incDomains) || nonEmpty(incEntities) || !incGlobs.isEmpty();
    return entityId -> {
      if (ids != null && !ids.contains(entityId)) {
        return false;
      }
      String domain = entityId.substring(0, entityId.indexOf('.'));
      if (excEntities != null && excEntities.contains(entityId)) {
        return false;
      }
      boolean included = (incEntities != null && incEntities.contains(entityId))
          || (incDomains != null && incDomains.contains(domain))
          || incGlobs.stream().anyMatch(p -> p.matcher(entityId).matches());
      if (included) {
        return true;
      }
      if ((excDomains != null && excDomains.contains(domain))
          || excGlobs.stream().anyMatch(p -> p.matcher(entityId).matches())) {
        return false;
      }
      return !hasInclude;
    };
  }

  private static boolean nonEmpty(JsonArray a) {
    return a != null && !a.isEmpty();
  }

  private static List<Pattern> globs(JsonArray a) {
    if (a == null) {
      return List.of();
    }
    return a.stream().map(g -> Pattern.compile(Pattern.quote(String.valueOf(g)).replace("*", "\\E.*\\Q")
        .replace("?", "\\E.\\Q"))).toList();
  }

  private static void renderTemplate(Home home, WsSession s, long id, JsonObject m) {
    String template = WsCommands.typed(m, "template", String.class, "str");
    Template.Rendered first = Template.render(template, home.states);
    Set<String> watched = new java.util.HashSet<>(first.entities());
    Runnable cancel = home.states.listen(HaEvent.STATE_CHANGED, ev -> {
      if (watched.contains(ev.data().getString("entity_id"))) {
        try {
          s.event(id, templateEvent(Template.render(template, home.states)));
        } catch (ServiceError e) {
          s.event(id, new JsonObject().put("error", e.getMessage()).put("level", "ERROR"));
        }
      }
    }, () -> {
      s.result(id, null);
      s.event(id, templateEvent(first));
    });
    s.addSubscription(id, cancel);
  }

  private static JsonObject templateEvent(Template.Rendered r) {
    return new JsonObject().put("result", Template.parse(r.text())).put("listeners", new JsonObject()
        .put("all", false).put("domains", new JsonArray()).put("entities", Template.listeners(r.entities()))
        .put("time", false));
  }
}
