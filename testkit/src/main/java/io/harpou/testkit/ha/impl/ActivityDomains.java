package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** camera (snapshot to a file), todo (items with responses) and timer (start/pause/cancel/finish). */
final class ActivityDomains {

  private final Map<String, Long> timerHandles = new ConcurrentHashMap<>();
  private final Home home;

  private ActivityDomains(Home home) {
    this.home = home;
  }

  static void register(Home home) {
    ActivityDomains d = new ActivityDomains(home);
    ServiceRegistry s = home.services;
    s.register(ServiceDef.entity("camera", "snapshot", (c, id) -> {
      String file = c.data.getString("filename");
      c.await(c.vertx().fileSystem().writeFile(file, Images.snapshot(id)).recover(err -> io.vertx.core.Future
          .failedFuture(new ServiceError("home_assistant_error", "Can't write " + file + ": " + err.getMessage()))));
    }).field("filename", Field.string().req()));
    s.register(ServiceDef.entity("camera", "turn_on", (c, id) -> c.write(id, "idle", c.attrs(id))));
    s.register(ServiceDef.entity("camera", "turn_off", (c, id) -> c.write(id, "off", c.attrs(id))));
    s.register(ServiceDef.entity("todo", "add_item", d::addItem).field("item", Field.string().req())
        .field("due_date", Field.string()).field("due_datetime", Field.string()).field("description",
            Field.string()));
    s.register(ServiceDef.entity("todo", "get_items", (c, id) -> {
      JsonArray wanted = c.data.getValue("status") == null ? null : Targets.toList("status", c.data.getValue("status"));
      JsonArray items = new JsonArray();
      d.items(id).stream().filter(i -> wanted == null || wanted.contains(i.getString("status")))
          .forEach(i -> items.add(i.copy()));
      c.response.put(id, new JsonObject().put("items", items));
    }).field("status", Field.any()).response(ServiceDef.Response.ONLY));
    s.register(ServiceDef.entity("todo", "remove_item", d::removeItem).field("item", Field.any().req()));
    s.register(ServiceDef.entity("todo", "update_item", d::updateItem).field("item", Field.string().req())
        .field("rename", Field.string()).field("status", Field.oneOf("needs_action", "completed"))
        .field("description", Field.string()).field("due_date", Field.string()));
    s.register(ServiceDef.entity("todo", "remove_completed_items", (c, id) -> {
      d.items(id).removeIf(i -> "completed".equals(i.getString("status")));
      d.writeCount(c, id);
    }));
    s.register(ServiceDef.entity("timer", "start", d::startTimer).field("duration", Field.any()));
    s.register(ServiceDef.entity("timer", "cancel", (c, id) -> d.stopTimer(c.context, id, "timer.cancelled")));
    s.register(ServiceDef.entity("timer", "finish", (c, id) -> d.stopTimer(c.context, id, "timer.finished")));
    s.register(ServiceDef.entity("timer", "pause", (c, id) -> {
      JsonObject a = c.attrs(id);
      Long handle = d.timerHandles.remove(id);
      if (handle != null) {
        home.vertx.cancelTimer(handle);
        long left = Math.max(0, parseInstant(a.getString("finishes_at")) - System.currentTimeMillis());
        a.put("remaining", hms(left / 1000)).remove("finishes_at");
        c.write(id, "paused", a);
      }
    }));
  }

  private List<JsonObject> items(String id) {
    return home.house.todoItems.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
  }

  private void writeCount(CallContext c, String id) {
    long open = items(id).stream().filter(i -> "needs_action".equals(i.getString("status"))).count();
    c.write(id, String.valueOf(open), c.attrs(id));
  }

  private void addItem(CallContext c, String id) {
    JsonObject item = new JsonObject().put("summary", c.data.getString("item")).put("uid", Ids.hex32())
        .put("status", "needs_action");
    if (c.data.containsKey("description")) {
      item.put("description", c.data.getString("description"));
    }
    String due = c.data.getString("due_date", c.data.getString("due_datetime"));
    if (due != null) {
      item.put("due", due);
    }
    items(id).add(item);
    writeCount(c, id);
  }

  private JsonObject findItem(CallContext c, String id, String key) {
    for (JsonObject item : items(id)) {
      if (key.equals(item.getString("uid")) || key.equalsIgnoreCase(item.getString("summary"))) {
        return item;
      }
    }
    throw new ServiceError("service_validation_error", "Validation error: Unable to find to-do list item: " + key,
        "todo", "item_not_found", new JsonObject().put("item", key));
  }

  private void removeItem(CallContext c, String id) {
    for (Object key : Targets.toList("item", c.data.getValue("item"))) {
      items(id).remove(findItem(c, id, (String) key));
    }
    writeCount(c, id);
  }

  private void updateItem(CallContext c, String id) {
    JsonObject item = findItem(c, id, c.data.getString("item"));
    if (c.data.containsKey("rename")) {
      item.put("summary", c.data.getString("rename"));
    }
    for (String key : new String[] {"status", "description"}) {
      if (c.data.containsKey(key)) {
        item.put(key, c.data.getString(key));
      }
    }
    if (c.data.containsKey("due_date")) {
      item.put("due", c.data.getString("due_date"));
    }
    writeCount(c, id);
  }

  private void startTimer(CallContext c, String id) {
    JsonObject a = c.attrs(id);
    long seconds = c.data.containsKey("duration") ? parseDuration(c.data.getValue("duration"))
        : "paused".equals(c.state(id).state()) ? parseDuration(a.getString("remaining"))
        : parseDuration(a.getString("duration", "0:05:00"));
    if (c.data.containsKey("duration")) {
      a.put("duration", hms(seconds));
    }
    Long old = timerHandles.remove(id);
    if (old != null) {
      home.vertx.cancelTimer(old);
    }
    long finishes = System.currentTimeMillis() + seconds * 1000;
    a.put("remaining", hms(seconds)).put("finishes_at", Ids.iso(finishes * 1000));
    c.write(id, "active", a);
    timerHandles.put(id, home.vertx.setTimer(Math.max(1, seconds * 1000), t -> {
      timerHandles.remove(id);
      stopTimer(HaContext.create(null), id, "timer.finished");
    }));
    home.states.fire("timer.started", new JsonObject().put("entity_id", id), "LOCAL", c.context);
  }

  private void stopTimer(HaContext context, String id, String event) {
    Long handle = timerHandles.remove(id);
    if (handle != null) {
      home.vertx.cancelTimer(handle);
    }
    EntityState s = home.states.get(id);
    if (s == null || "idle".equals(s.state())) {
      return;
    }
    JsonObject a = s.attributes().copy();
    a.remove("finishes_at");
    a.put("remaining", a.getString("duration"));
    home.states.set(id, "idle", a, context, false);
    home.states.fire(event, new JsonObject().put("entity_id", id), "LOCAL", context);
  }

  static long parseDuration(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    String[] parts = String.valueOf(value).split(":");
    try {
      long total = 0;
      for (String p : parts) {
        total = total * 60 + (long) Double.parseDouble(p.trim());
      }
      return total;
    } catch (NumberFormatException e) {
      throw ServiceError.invalid("offset " + value + " should be format 'HH:MM', 'HH:MM:SS' or "
          + "'HH:MM:SS.F' for dictionary value @ data['duration']");
    }
  }

  static String hms(long seconds) {
    return String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
  }

  private static long parseInstant(String iso) {
    return iso == null ? System.currentTimeMillis() : java.time.OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }
}
