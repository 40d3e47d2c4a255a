package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.api.voice.Announcement;
import io.vertx.core.Future;

/** announce: speaks a message in a room through its satellite. */
final class AnnounceTool extends HomeTool {

  AnnounceTool(HomeAccess access) {
    super(access, new ToolSpec("announce", "Speaks a message aloud in a room (the speaker's room by default).",
        Schemas.required(Schemas.with(Schemas.with(Schemas.object(), "message", Schemas.string("What to say")),
            "room", Schemas.string("The room (area) to speak in")), "message"), Risk.ACT, false));
  }

  /** It speaks through the announcer, outside Home Assistant. */
  @Override
  public boolean actsThroughHome() {
    return false;
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String message = request.requireString("message");
    String roomArg = request.string("room");
    if (request.context.announcer().isEmpty()) {
      return Future.succeededFuture(ToolResult.error(request.say("no_voice")));
    }
    String room = roomArg != null ? request.home.area(roomArg).map(a -> a.areaId()).orElse(roomArg)
        : request.context.room().orElse(null);
    if (room == null) {
      return Future.succeededFuture(ToolResult.error(request.say("which_room")));
    }
    String roomName = request.home.area(room).map(a -> a.name()).orElse(room);
    return request.context.announcer().get().announce(new Announcement(room, message, request.lang()))
        .map(v -> ToolResult.ok(request.say("announced", roomName)))
        .recover(err -> Future.succeededFuture(ToolResult.error(err.getMessage())));
  }
}
