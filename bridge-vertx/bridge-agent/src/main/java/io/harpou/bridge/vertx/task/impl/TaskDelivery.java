package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.event.TaskDone;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.vertx.task.TaskSettings;
import io.vertx.core.Vertx;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people a task ended: a {@link TaskDone} event for the WebSocket API and the console, the asking room's
 * satellite when voice runs, and a Home Assistant notification when configured. Announcing is best effort; the event
 * always goes out.
 */
final class TaskDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDelivery.class);
  private static final int SPOKEN_LIMIT = 300;

  private final TaskSettings settings;
  private final EventPublisher events;

  TaskDelivery(Vertx vertx, TaskSettings settings) {
    this.settings = settings;
    this.events = new EventPublisher(vertx);
  }

  /** Publishes the event, then announces; the Future succeeds once the event is out. */
  Future<Void> deliver(TaskInfo task, String message) {
    events.publish(new TaskDone(Instant.now(), task));
    String text = spoken(task, message);
    String room = task.origin().room();
    if (room != null && task.status() != TaskStatus.CANCELLED) {
      settings.roomAnnouncer().ifPresent(announcer -> announcer
          .announce(new Announcement(room, text, task.origin().language()))
          .onFailure(e -> LOG.warn("Announcing task {} in {} failed: {}", task.id(), room, e.getMessage())));
    }
    if (settings.notifyHome() && task.status() != TaskStatus.CANCELLED) {
      settings.homeGateway().ifPresent(home -> home.callService(new ServiceCall("persistent_notification", "create",
              new JsonObject().put("title", task.title()).put("message", text)
                  .put("notification_id", "harpou_task_" + task.id()), null, false))
          .onFailure(e -> LOG.warn("Notifying Home Assistant of task {} failed: {}", task.id(), e.getMessage())));
    }
    return Future.succeededFuture();
  }

  /**
   * What to say: a timer's message, the message a tool's JSON result carries for people ("Your image of ... is
   * ready."), or the task's outcome in a sentence.
   */
  static String spoken(TaskInfo task, String message) {
    boolean french = task.origin().language().startsWith("fr");
    if (message != null && task.status() == TaskStatus.DONE) {
      return message;
    }
    String told = toldInResult(task.result());
    if (told != null && task.status() == TaskStatus.DONE) {
      return told.length() > SPOKEN_LIMIT ? told.substring(0, SPOKEN_LIMIT) + "..." : told;
    }
    String result = task.result() == null ? "" : task.result();
    if (result.length() > SPOKEN_LIMIT) {
      result = result.substring(0, SPOKEN_LIMIT) + "...";
    }
    return switch (task.status()) {
      case DONE -> (french ? "C'est fait : " : "Done: ") + task.title() + (result.isBlank() ? "." : ". " + result);
      case INTERRUPTED -> (french ? "La tâche a été interrompue par un redémarrage : "
          : "This task was interrupted by a restart: ") + task.title() + ".";
      case CANCELLED -> (french ? "Tâche annulée : " : "Cancelled: ") + task.title() + ".";
      default -> (french ? "La tâche a échoué : " : "This task failed: ") + task.title()
          + (result.isBlank() ? "." : ". " + result);
    };
  }

  /** The {@code message} of a result that is a tool's JSON, or null. */
  private static String toldInResult(String result) {
    if (result == null || !result.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(result).getValue("message") instanceof String said && !said.isBlank() ? said : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
