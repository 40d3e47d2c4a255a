package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * update_list: ticks an item off a to-do or shopping list ({@code todo.update_item} to completed) or takes it off
 * ({@code todo.remove_item}), finding the item as it is spelled on the list.
 */
final class UpdateListTool extends HomeTool {

  UpdateListTool(HomeAccess access) {
    super(access, new ToolSpec("update_list", "Ticks an item off a to-do or shopping list (action complete) or removes"
        + " it (action remove).", schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.with(Schemas.targeted(), "item", Schemas.string("The item, as said"));
    Schemas.with(s, "action", Schemas.choice("What to do with it", "complete", "remove"));
    return Schemas.required(s, "item", "action");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String item = request.requireString("item");
    String action = request.requireString("action");
    if (!action.equals("complete") && !action.equals("remove")) {
      throw new ToolArgumentsException("action must be complete or remove");
    }
    List<HomeEntity> lists = request.targets(Set.of("todo"));
    if (lists.size() != 1) {
      throw new TargetException(Messages.which(request.lang(), lists, List.of("todo")));
    }
    HomeEntity list = lists.get(0);
    String listName = Messages.spoken(request.lang(), list);
    ServiceCall read = new ServiceCall("todo", "get_items", new JsonObject().put("status", "needs_action"),
        Target.entities(list.entityId()), true);
    return request.gateway().callService(read).compose(result -> {
      String wanted = Text.key(item);
      String found = ListTools.items(result, list.entityId()).stream().filter(i -> Text.key(i).equals(wanted))
          .findFirst().orElse(null);
      if (found == null) {
        return Future.succeededFuture(ToolResult.error(request.say("not_on_list", item, listName)));
      }
      boolean complete = action.equals("complete");
      JsonObject data = new JsonObject().put("item", found);
      if (complete) {
        data.put("status", "completed");
      }
      return request.call("todo", complete ? "update_item" : "remove_item", lists, data)
          .map(r -> ToolResult.ok(request.say(complete ? "ticked_off" : "removed", found, listName)));
    });
  }
}
