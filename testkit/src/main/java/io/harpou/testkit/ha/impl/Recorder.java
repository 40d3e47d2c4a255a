package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Home Assistant's recorder, as far as {@code history/history_during_period} shows it: every state an entity took
 * since the home started (and any recorded in the past by a test), answered in the compressed form ({@code s},
 * {@code a}, {@code lu} as float seconds, {@code lc} only when it differs from {@code lu}): the state at the start
 * time imputed with the start as its time, only state changes when {@code significant_changes_only} (attribute
 * changes too for the domains whose attributes are significant), the first entry alone with attributes when
 * {@code minimal_response}, none when {@code no_attributes}; entities with nothing in the period left out, and an
 * empty result for a period that starts in the future or ends where it starts.
 */
final class Recorder {

  private static final Set<String> SIGNIFICANT_DOMAINS = Set.of("climate", "device_tracker", "humidifier",
      "thermostat", "water_heater");
  /** States kept per entity; the oldest go first. */
  private static final int MAX_PER_ENTITY = 10_000;

  private final Map<String, List<EntityState>> history = new HashMap<>();

  Recorder(StateMachine states) {
    synchronized (this) {
      states.all().forEach(this::add);
    }
    states.listen(HaEvent.STATE_CHANGED, event -> {
      if (event.newState() != null) {
        add(event.newState());
      }
    }, null);
  }

  synchronized void add(EntityState state) {
    List<EntityState> list = history.computeIfAbsent(state.entityId(), k -> new ArrayList<>());
    int at = list.size();
    while (at > 0 && list.get(at - 1).lastUpdated() > state.lastUpdated()) {
      at--;
    }
    list.add(at, state);
    if (list.size() > MAX_PER_ENTITY) {
      list.remove(0);
    }
  }

  static void register(WsCommands commands, Recorder recorder) {
    commands.add("history/history_during_period", Set.of("start_time", "end_time", "entity_ids",
        "include_start_time_state", "significant_changes_only", "minimal_response", "no_attributes"),
        Set.of("start_time", "entity_ids"), (s, id, m) -> {
          long start = time(m.getValue("start_time"), "invalid_start_time", "Invalid start_time");
          Object endValue = m.getValue("end_time");
          long end = endValue == null ? Ids.nowMicros() : time(endValue, "invalid_end_time", "Invalid end_time");
          JsonArray ids = WsCommands.typed(m, "entity_ids", JsonArray.class, "list");
          s.result(id, recorder.during(ids, start, end, m.getBoolean("include_start_time_state", true),
              m.getBoolean("significant_changes_only", true), m.getBoolean("minimal_response", false),
              m.getBoolean("no_attributes", false)));
        });
  }

  private static long time(Object value, String code, String message) {
    try {
      Instant instant = OffsetDateTime.parse(String.valueOf(value)).toInstant();
      return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    } catch (DateTimeParseException e) {
      throw new ServiceError(code, message);
    }
  }

  synchronized JsonObject during(JsonArray ids, long start, long end, boolean includeStart, boolean significant,
                                 boolean minimal, boolean noAttributes) {
    JsonObject result = new JsonObject();
    if (start >= end || start > Ids.nowMicros()) {
      return result;
    }
    for (Object raw : ids) {
      String entityId = String.valueOf(raw);
      List<EntityState> list = history.getOrDefault(entityId, List.of());
      boolean attributesMatter = SIGNIFICANT_DOMAINS.contains(entityId.substring(0, Math.max(0,
          entityId.indexOf('.'))));
      JsonArray out = new JsonArray();
      EntityState before = null;
      EntityState previous = null;
      for (EntityState state : list) {
        if (state.lastUpdated() < start) {
          before = state;
          continue;
        }
        if (state.lastUpdated() > end) {
          break;
        }
        if (out.isEmpty() && includeStart && before != null && state.lastUpdated() > start) {
          out.add(entry(before, start, start, true, noAttributes, attributesMatter));
          previous = before;
        }
        boolean changed = previous == null || !previous.state().equals(state.state())
            || attributesMatter && !previous.attributes().equals(state.attributes());
        if (!significant || changed) {
          out.add(entry(state, state.lastUpdated(), state.lastChanged(), out.isEmpty() || !minimal, noAttributes,
              attributesMatter));
        }
        previous = state;
      }
      if (out.isEmpty() && includeStart && before != null) {
        out.add(entry(before, start, start, true, noAttributes, attributesMatter));
      }
      if (!out.isEmpty()) {
        result.put(entityId, out);
      }
    }
    return result;
  }

  private static JsonObject entry(EntityState state, long updated, long changed, boolean full, boolean noAttributes,
                                  boolean attributesMatter) {
    JsonObject json = new JsonObject().put("s", state.state());
    if (full || attributesMatter) {
      if (!noAttributes) {
        json.put("a", state.attributes().copy());
      } else if (attributesMatter) {
        json.put("a", new JsonObject());
      }
    }
    json.put("lu", Ids.epoch(updated));
    if (changed != updated) {
      json.put("lc", Ids.epoch(changed));
    }
    return json;
  }
}
