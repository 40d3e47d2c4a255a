package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.api.voice.Announcer;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * broadcast: speaks a message in every room that has a satellite, except the speaker's own, as Home Assistant's
 * broadcast does for its other satellites.
 */
final class BroadcastTool extends HomeTool {

  BroadcastTool(HomeAccess access) {
    super(access, new ToolSpec("broadcast", "Speaks a message in every other room with a satellite, e.g. 'dinner is"
        + " ready'.", Schemas.required(Schemas.with(Schemas.object(), "message", Schemas.string("What to say")),
        "message"), Risk.ACT, false));
  }

  /** It speaks through the announcer, outside Home Assistant. */
  @Override
  public boolean actsThroughHome() {
    return false;
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String message = request.requireString("message");
    if (request.context.announcer().isEmpty()) {
      return Future.succeededFuture(ToolResult.error(request.say("no_voice")));
    }
    Announcer announcer = request.context.announcer().get();
    Area here = request.context.room().flatMap(request.home::area).orElse(null);
    List<Area> rooms = new ArrayList<>(request.home.index().areasById.values());
    List<String> reached = new ArrayList<>();
    List<Future<Void>> sent = new ArrayList<>();
    for (Area room : rooms) {
      if (here != null && here.areaId().equals(room.areaId())) {
        continue;
      }
      sent.add(announcer.announce(new Announcement(room.areaId(), message, request.lang()))
          .onSuccess(v -> reached.add(room.name())).recover(e -> Future.succeededFuture()));
    }
    return Future.join(sent).transform(done -> Future.succeededFuture(reached.isEmpty()
        ? ToolResult.error(request.say("broadcast_nobody"))
        : ToolResult.ok(request.say("broadcast", Messages.and(request.lang(), List.copyOf(reached))))));
  }
}
