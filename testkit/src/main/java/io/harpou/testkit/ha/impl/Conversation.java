package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal default conversation agent: "turn on/off the X" (English) and "allume/éteins X" (French), where X is
 * an entity name or alias from the registry. Anything else answers {@code no_intent_match}. The response has the
 * shape of Home Assistant's {@code ConversationResult}.
 */
final class Conversation {

  private static final Pattern EN_ON = Pattern.compile("^(?:please )?(?:turn|switch) on (.+)$|^(?:turn|switch) (.+) on$");
  private static final Pattern EN_OFF = Pattern.compile("^(?:please )?(?:turn|switch) off (.+)$|^(?:turn|switch) (.+) off$");
  private static final Pattern FR_ON = Pattern.compile("^(?:allume|allumer|allumez) (.+)$");
  private static final Pattern FR_OFF = Pattern.compile("^(?:eteins|eteindre|eteignez) (.+)$");
  private static final Pattern ARTICLE = Pattern.compile("^(?:the|la|le|les|l'|l )\\s*");
  private static final Pattern ULID = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{26}$");

  private final Home home;
  private final Set<String> conversations = ConcurrentHashMap.newKeySet();

  Conversation(Home home) {
    this.home = home;
  }

  JsonObject process(String text, String language, String conversationId) {
    String lang = language == null ? home.house.language : language;
    String id = conversationId;
    if (id == null || (ULID.matcher(id).matches() && !conversations.contains(id))) {
      id = Ids.ulid();
    }
    conversations.add(id);
    String said = fold(text).replaceAll("[.!?]+$", "").trim();
    Boolean on = null;
    String name = null;
    for (Object[] rule : new Object[][] {{EN_ON, true}, {EN_OFF, false}, {FR_ON, true}, {FR_OFF, false}}) {
      Matcher m = ((Pattern) rule[0]).matcher(said);
      if (m.matches()) {
        on = (Boolean) rule[1];
        name = m.group(1) != null ? m.group(1) : m.group(2);
        break;
      }
    }
    String entityId = name == null ? null : find(ARTICLE.matcher(name.trim()).replaceFirst(""));
    if (entityId == null) {
      return result(error(lang, "no_intent_match", lang.startsWith("fr") ? "Désolé, je n'ai pas compris"
          : "Sorry, I couldn't understand that"), id);
    }
    String friendly = home.states.get(entityId).attributes().getString("friendly_name", entityId);
    HaContext ctx = HaContext.create(WsBasicCommands.USER_ID);
    home.services.call("homeassistant", on ? "turn_on" : "turn_off", new JsonObject().put("entity_id",
        new JsonArray().add(entityId)), ctx, false, "conversation");
    String speech = lang.startsWith("fr") ? (on ? "Allumé" : "Éteint") : (on ? "Turned on " : "Turned off ")
        + friendly;
    JsonObject response = new JsonObject()
        .put("speech", new JsonObject().put("plain", new JsonObject().put("speech", speech).put("extra_data", null)))
        .put("card", new JsonObject()).put("language", lang).put("response_type", "action_done")
        .put("data", new JsonObject().put("targets", new JsonArray()).put("success", new JsonArray()
            .add(new JsonObject().put("name", friendly).put("type", "entity").put("id", entityId)))
            .put("failed", new JsonArray()));
    return result(response, id);
  }

  private String find(String wanted) {
    for (String entityId : home.house.registries.entities.keySet()) {
      if (!home.states.contains(entityId)) {
        continue;
      }
      for (String n : home.house.registries.namesOf(entityId)) {
        if (ARTICLE.matcher(fold(n)).replaceFirst("").equals(wanted)) {
          return entityId;
        }
      }
    }
    return null;
  }

  private static JsonObject error(String lang, String code, String speech) {
    return new JsonObject()
        .put("speech", new JsonObject().put("plain", new JsonObject().put("speech", speech).put("extra_data", null)))
        .put("card", new JsonObject()).put("language", lang).put("response_type", "error")
        .put("data", new JsonObject().put("code", code));
  }

  private static JsonObject result(JsonObject response, String id) {
    return new JsonObject().put("response", response).put("conversation_id", id).put("continue_conversation", false);
  }

  static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT).replace('’', '\'');
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
