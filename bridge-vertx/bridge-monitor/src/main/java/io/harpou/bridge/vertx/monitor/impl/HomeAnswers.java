package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.Registration;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from Home Assistant's actionable notifications: a tap on a repair question's Yes or No button fires
 * {@code mobile_app_notification_action} with the button's action, which is passed on to the repair as the answer of
 * the Home Assistant user who tapped it.
 */
final class HomeAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(HomeAnswers.class);
  /** The action of a question's Yes button, followed by the alert id. */
  static final String YES = "HARPOU_REPAIR_YES_";
  /** The action of a question's No button, followed by the alert id. */
  static final String NO = "HARPOU_REPAIR_NO_";

  private HomeAnswers() {
  }

  /** Listens for taps on {@code home}'s bus and relays them to {@code repairs} on {@code context}. */
  static Registration listen(HomeGateway home, RepairSessions repairs, Context context) {
    return home.onEvent("mobile_app_notification_action", event -> context.runOnContext(v -> {
      JsonObject data = event.getJsonObject("data", new JsonObject());
      String action = data.getString("action", "");
      boolean yes = action.startsWith(YES);
      if (!yes && !action.startsWith(NO)) {
        return;
      }
      String alertId = action.substring(yes ? YES.length() : NO.length());
      String user = event.getJsonObject("context", new JsonObject()).getString("user_id");
      String who = user == null ? "home_assistant" : "home_assistant-" + user;
      repairs.answer(alertId, yes ? "yes" : "no", who)
          .onSuccess(speech -> LOG.info("Repair of alert {} answered from Home Assistant: {}", alertId, speech));
    }));
  }
}
