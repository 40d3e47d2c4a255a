package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.tool.ToolCall;

/** A stored task: what people see, plus what the scheduler needs to run and deliver it. */
record TaskRow(TaskInfo info, ToolCall call, String message, boolean approved, boolean delivered) {

  TaskRow withInfo(TaskInfo other) {
    return new TaskRow(other, call, message, approved, delivered);
  }
}
