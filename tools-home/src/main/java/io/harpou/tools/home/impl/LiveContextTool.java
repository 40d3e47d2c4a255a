package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** get_live_context: an overview of the exposed entities with their states, area by area, as compact YAML. */
final class LiveContextTool extends HomeTool {

  static final int LIMIT = 400;

  LiveContextTool(HomeAccess access) {
    super(access, new ToolSpec("get_live_context", "Gives the current state of the exposed devices of the home "
        + "(optionally of one area or domain). Use it to answer questions about the home.",
        Schemas.with(Schemas.with(Schemas.object(), "area", Schemas.string("Only this area")), "domain",
            Schemas.string("Only this domain")), Risk.READ, false));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String area = request.string("area");
    String domain = request.string("domain");
    String areaId = area == null ? null : request.home.area(area).map(a -> a.areaId()).orElse("\u0000");
    StringBuilder out = new StringBuilder("Live Context: the areas and devices of this home:\n");
    int shown = 0;
    int matching = 0;
    List<HomeEntity> entities = request.home.entities();
    for (HomeEntity e : entities) {
      if ((areaId != null && !areaId.equals(e.areaId())) || (domain != null && !domain.equals(e.domain()))) {
        continue;
      }
      matching++;
      if (shown >= LIMIT) {
        continue;
      }
      shown++;
      EntityState state = request.home.state(e.entityId()).orElse(null);
      JsonObject view = StateView.of(e, state);
      out.append("- names: ").append(yaml(e.name()));
      e.aliases().forEach(a -> out.append(", ").append(a));
      out.append("\n  entity_id: ").append(e.entityId()).append("\n  domain: ").append(e.domain());
      if (e.areaName() != null) {
        out.append("\n  areas: ").append(yaml(e.areaName()));
      }
      out.append("\n  state: ").append(yaml(view.getString("state")));
      if (e.isProtected()) {
        out.append("\n  protected: true");
      }
      JsonObject attrs = view.getJsonObject("attributes");
      if (attrs != null) {
        out.append("\n  attributes:");
        for (String key : attrs.fieldNames()) {
          out.append("\n    ").append(key).append(": ").append(yaml(String.valueOf(attrs.getValue(key))));
        }
      }
      out.append('\n');
    }
    if (matching == 0) {
      out.append("(no exposed entities match)\n");
    } else if (matching > shown) {
      out.append("(").append(matching - shown).append(" more not shown: narrow by area or domain)\n");
    }
    return Future.succeededFuture(ToolResult.ok(out.toString()));
  }

  private static String yaml(String value) {
    return value.matches("[A-Za-z0-9 _.\\-°%À-ÿ]+") && !value.matches("(on|off|yes|no|true|false|null|[0-9.]+)")
        ? value : "'" + value.replace("'", "''") + "'";
  }
}
