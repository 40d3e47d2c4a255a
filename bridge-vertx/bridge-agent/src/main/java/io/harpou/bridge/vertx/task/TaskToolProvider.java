package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.vertx.task.impl.TaskTools;
import io.harpou.bridge.vertx.task.impl.TimerInterpreter;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code tasks} provider: {@code set_timer}, {@code list_tasks} and {@code cancel_task}, and an interpreter that
 * sets timers and reminders from plain English and French without the model ({@code "interpreter": false} in its
 * configuration section turns that off).
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

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return config.getBoolean("interpreter", true) ? List.of(new TimerInterpreter()) : List.of();
  }
}
