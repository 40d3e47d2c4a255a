package io.harpou.tools.home.impl;

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

/** get_state and find_entities: what the model reads about the home. */
final class ReadTools extends HomeTool {

  static final int LIMIT = 50;

  private final boolean find;

  ReadTools(HomeAccess access, boolean find) {
    super(access, find
        ? new ToolSpec("find_entities", "Finds exposed entities by words of their name, by area and/or domain; "
            + "returns ids, names, areas and states.", Schemas.with(Schemas.targeted(), "query",
                Schemas.string("Words to look for in names, e.g. 'lamp'")), Risk.READ, false)
        : new ToolSpec("get_state", "Reads the current state and main attributes of entities (by entity_id, or "
            + "name and area, or area and domain).", Schemas.targeted(), Risk.READ, false));
    this.find = find;
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    List<HomeEntity> entities = find ? find(request) : request.targets(Set.of());
    JsonArray out = new JsonArray();
    for (HomeEntity e : entities.subList(0, Math.min(LIMIT, entities.size()))) {
      out.add(StateView.of(e, request.home.state(e.entityId()).orElse(null)));
    }
    JsonObject result = new JsonObject().put("entities", out);
    if (entities.size() > LIMIT) {
      result.put("truncated", entities.size() - LIMIT);
    }
    return Future.succeededFuture(ToolResult.ok(result));
  }

  private static List<HomeEntity> find(ToolRequest request) {
    String query = request.string("query");
    String name = request.string("name");
    String words = query != null ? query : name;
    Object domainArg = request.args.getValue("domain");
    String area = request.string("area");
    List<HomeEntity> pool = area == null ? request.home.entities()
        : request.home.area(area).map(a -> request.home.index().inArea(a.areaId())).orElse(List.of());
    List<String> keys = words == null ? List.of() : Text.keyWords(Text.words(words));
    Set<String> domains = domainArg == null ? Set.of()
        : domainArg instanceof String s ? Set.of(s) : Set.copyOf(((JsonArray) domainArg).getList());
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity e : pool) {
      if (!domains.isEmpty() && !domains.contains(e.domain())) {
        continue;
      }
      if (!keys.isEmpty() && !matchesAny(request, e, keys)) {
        continue;
      }
      out.add(e);
    }
    return out;
  }

  private static boolean matchesAny(ToolRequest request, HomeEntity e, List<String> keys) {
    Set<String> names = request.home.index().nameKeys.get(e);
    for (String key : keys) {
      boolean hit = false;
      for (String n : names) {
        if ((" " + n + " ").contains(" " + key + " ") || n.contains(key)) {
          hit = true;
          break;
        }
      }
      if (!hit && !e.domain().equals(key) && !Text.key(e.areaName() == null ? "" : e.areaName()).contains(key)) {
        return false;
      }
    }
    return true;
  }
}
