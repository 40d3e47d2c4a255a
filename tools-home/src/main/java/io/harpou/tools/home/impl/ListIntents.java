package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Shopping and to-do lists: what is on them, add an item, tick one off, take one off. */
final class ListIntents {

  private ListIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("list_items", (c, e, s) -> list(c, e, s.get("list"), "get_list_items", null));
    handlers.put("list_add", (c, e, s) -> item(c, e, s, "add_to_list", null));
    handlers.put("list_complete", (c, e, s) -> item(c, e, s, "update_list", "complete"));
    handlers.put("list_remove", (c, e, s) -> item(c, e, s, "update_list", "remove"));
  }

  private static IntentMatch item(MatchContext c, IntentEntry e, Slots s, String tool, String action) {
    String item = s.original("item");
    if (item == null || item.isBlank()) {
      return null;
    }
    JsonObject args = new JsonObject().put("item", item);
    if (action != null) {
      args.put("action", action);
    }
    return list(c, e, s.get("list"), tool, args);
  }

  private static IntentMatch list(MatchContext c, IntentEntry e, String listSlot, String tool, JsonObject args) {
    Resolution r = c.target(e, listSlot);
    if (r == null) {
      return null;
    }
    if (r.status() == Resolution.Status.FOUND && r.entities().size() == 1) {
      return call(e, tool, args, r.entities().get(0));
    }
    if (r.status() == Resolution.Status.FOUND || r.status() == Resolution.Status.AMBIGUOUS) {
      return c.ask(e, Resolution.ambiguous(r.entities(), null, List.of("todo")),
          chosen -> chosen.size() == 1 ? call(e, tool, args, chosen.get(0)) : null);
    }
    return c.explain(e, r, chosen -> chosen.size() == 1 ? call(e, tool, args, chosen.get(0)) : null);
  }

  private static IntentMatch call(IntentEntry e, String tool, JsonObject args, HomeEntity list) {
    JsonObject withList = (args == null ? new JsonObject() : args.copy()).put("entity_id", list.entityId());
    return IntentMatch.call(e.intent(), ToolCall.of(tool, withList), List.of(list.entityId()), null);
  }
}
