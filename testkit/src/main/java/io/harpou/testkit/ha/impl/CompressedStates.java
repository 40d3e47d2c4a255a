package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** The {@code subscribe_entities} diff of two states, following Home Assistant's {@code _state_diff} rules. */
final class CompressedStates {

  private CompressedStates() {
  }

  /** @return {@code {"+": {...}, "-": {"a": [...]}}} with {@code "-"} omitted when nothing was removed */
  static JsonObject diff(EntityState old, EntityState now) {
    JsonObject add = new JsonObject();
    if (!old.state().equals(now.state())) {
      add.put("s", now.state());
    }
    if (old.lastChanged() != now.lastChanged()) {
      add.put("lc", Ids.epoch(now.lastChanged()));
    } else if (old.lastUpdated() != now.lastUpdated()) {
      add.put("lu", Ids.epoch(now.lastUpdated()));
    }
    HaContext oc = old.context();
    HaContext nc = now.context();
    if (!oc.equals(nc)) {
      JsonObject c = new JsonObject();
      if (!Objects.equals(oc.parentId(), nc.parentId())) {
        c.put("parent_id", nc.parentId());
      }
      if (!Objects.equals(oc.userId(), nc.userId())) {
        c.put("user_id", nc.userId());
      }
      if (!c.isEmpty()) {
        add.put("c", c.put("id", nc.id()));
      } else if (!oc.id().equals(nc.id())) {
        add.put("c", nc.id());
      }
    }
    JsonObject changed = new JsonObject();
    JsonArray removed = new JsonArray();
    for (String key : now.attributes().fieldNames()) {
      Object value = now.attributes().getValue(key);
      if (!old.attributes().containsKey(key) || !Objects.equals(old.attributes().getValue(key), value)) {
        changed.put(key, value);
      }
    }
    for (String key : old.attributes().fieldNames()) {
      if (!now.attributes().containsKey(key)) {
        removed.add(key);
      }
    }
    if (!changed.isEmpty()) {
      add.put("a", changed);
    }
    JsonObject diff = new JsonObject().put("+", add);
    if (!removed.isEmpty()) {
      diff.put("-", new JsonObject().put("a", removed));
    }
    return diff;
  }
}
