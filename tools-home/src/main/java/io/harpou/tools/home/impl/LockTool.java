package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/** lock and unlock: door locks, PROTECTED (the policy asks for a confirmation). */
final class LockTool extends HomeTool {

  private final boolean lock;

  LockTool(HomeAccess access, boolean lock) {
    super(access, new ToolSpec(lock ? "lock" : "unlock", lock ? "Locks a door lock. Needs the user's confirmation."
        : "Unlocks a door lock. Needs the user's confirmation.", Schemas.targeted(), Risk.PROTECTED, false));
    this.lock = lock;
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    List<HomeEntity> locks = request.targets(Set.of("lock"));
    String text = request.say(lock ? "locked" : "unlocked", request.names(locks));
    return request.call("lock", lock ? "lock" : "unlock", locks, null).map(r -> ToolResult.ok(text));
  }
}
