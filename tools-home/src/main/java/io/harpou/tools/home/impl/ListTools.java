package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** add_to_list (todo.add_item) and get_list_items (todo.get_items): the household's to-do and shopping lists. */
final class ListTools extends HomeTool {

  private final boolean add;

  ListTools(HomeAccess access, boolean add) {
    super(access, add
        ? new ToolSpec("add_to_list", "Adds an item to a to-do or shopping list (the shopping list by default).",
            Schemas.required(Schemas.with(Schemas.targeted(), "item", Schemas.string("The item to add")), "item"),
            Risk.ACT, false)
        : new ToolSpec("get_list_items", "Lists the items still to do on a to-do or shopping list (the shopping "
            + "list by default).", Schemas.targeted(), Risk.READ, false));
    this.add = add;
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String item = add ? request.requireString("item") : null;
    HomeEntity list = list(request);
    String listName = Messages.spoken(request.lang(), list);
    if (add) {
      ServiceCall call = new ServiceCall("todo", "add_item", new JsonObject().put("item", item),
          Target.entities(list.entityId()), false);
      return request.call(call, () -> onList(request, list, item))
          .map(r -> ToolResult.ok(request.say("added", item, listName)));
    }
    return openItems(request, list).map(items -> ToolResult.ok(items.isEmpty() ? request.say("list_empty", listName)
        : request.say("list_items", listName, String.join(", ", items))));
  }

  /** The items still to do on {@code list}, from Home Assistant. */
  private static Future<List<String>> openItems(ToolRequest request, HomeEntity list) {
    ServiceCall call = new ServiceCall("todo", "get_items", new JsonObject().put("status", "needs_action"),
        Target.entities(list.entityId()), true);
    return request.gateway().callService(call).map(result -> items(result, list.entityId()));
  }

  /** After an unconfirmed add: whether {@code item} is on the list now, which is what the household wants to know. */
  private static Future<String> onList(ToolRequest request, HomeEntity list, String item) {
    String listName = Messages.spoken(request.lang(), list);
    return openItems(request, list)
        .map(items -> Unconfirmed.sentence(request, Messages.part(request.lang(),
            items.stream().anyMatch(item::equalsIgnoreCase) ? "item_listed" : "item_missing", item, listName)))
        .otherwise(e -> request.say("unconfirmed_unchecked"));
  }

  private static HomeEntity list(ToolRequest request) {
    if (request.args.getValue("entity_id") != null || request.args.getValue("name") != null) {
      List<HomeEntity> lists = request.targets(Set.of("todo"));
      if (lists.size() != 1) {
        throw new TargetException(Messages.which(request.lang(), lists, List.of("todo")));
      }
      return lists.get(0);
    }
    List<HomeEntity> all = request.home.index().ofDomain("todo");
    if (all.size() == 1) {
      return all.get(0);
    }
    for (HomeEntity e : all) {
      if (e.entityId().equals("todo.shopping_list")) {
        return e;
      }
    }
    if (all.isEmpty()) {
      throw new TargetException(request.say("unknown", "todo"));
    }
    throw new TargetException(Messages.which(request.lang(), all, List.of("todo")));
  }

  /** The item summaries from {@code todo.get_items}'s response, wherever the client put it. */
  static List<String> items(JsonObject result, String entityId) {
    JsonObject response = result.getJsonObject("response", result);
    JsonObject perEntity = response.getJsonObject(entityId, response);
    JsonArray items = perEntity.getJsonArray("items", new JsonArray());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject it = items.getJsonObject(i);
      if (!"completed".equals(it.getString("status"))) {
        out.add(it.getString("summary"));
      }
    }
    return out;
  }
}
