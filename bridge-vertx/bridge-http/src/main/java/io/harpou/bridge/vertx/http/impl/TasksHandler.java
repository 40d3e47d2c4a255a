package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/tasks} (newest first, optionally {@code ?status=}) and {@code DELETE /api/tasks/{id}}. */
public final class TasksHandler {

  private final HttpApiServices bridge;

  /** A handler over the bridge's task service. */
  public TasksHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/api/tasks").handler(this::list);
    router.delete("/api/tasks/:id").handler(this::cancel);
  }

  private TaskService tasks() {
    return bridge.tasks().orElseThrow(() -> ApiError.unavailable("the task service"));
  }

  private void list(RoutingContext ctx) {
    String status = ctx.request().getParam("status");
    tasks().list().onSuccess(list -> {
      JsonArray array = new JsonArray();
      for (TaskInfo task : list) {
        if (status == null || status.equalsIgnoreCase(task.status().jsonName())) {
          array.add(task.toJson());
        }
      }
      Requests.json(ctx, new JsonObject().put("tasks", array));
    }).onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    TaskService tasks = tasks();
    tasks.get(id).compose(found -> {
      if (found.isEmpty()) {
        throw ApiError.notFound("no task with id " + id);
      }
      return tasks.cancel(id).map(cancelled -> {
        if (!cancelled) {
          throw new ApiError(409, "task_final", "the task has already finished");
        }
        return found.get();
      });
    }).compose(task -> tasks.get(id)).onSuccess(task -> Requests.json(ctx, new JsonObject().put("cancelled", true)
        .put("task", task.map(TaskInfo::toJson).orElse(null)))).onFailure(ctx::fail);
  }
}
