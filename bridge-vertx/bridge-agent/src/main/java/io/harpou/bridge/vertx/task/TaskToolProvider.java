package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.vertx.task.impl.TaskTools;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code tasks} provider: {@code set_timer} (durable reminders), {@code list_tasks} and {@code cancel_task}.
 * Spoken timers and reminders are understood by the local intent matcher of the {@code home} provider, which uses
 * these tools for reminders and the voice timers for timers.
 */
public final class TaskToolProvider implements ToolProvider {

  /** The provider id. */
  public static final String ID = "tasks";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return TaskTools.all();
  }
}
