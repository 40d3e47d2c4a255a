package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The WebSocket commands and the dispatch rules of Home Assistant's {@code ActiveConnection.async_handle}: shape
 * check, id monotonicity, unknown command, then schema check and handler, advancing the last id.
 */
final class WsCommands {

  private static final Logger LOG = LoggerFactory.getLogger(WsCommands.class);
  private static final Set<String> BASE = Set.of("id", "type");

  /** A command handler. */
  @FunctionalInterface
  interface Handler {
    void handle(WsSession session, long id, JsonObject msg);
  }

  /** A command: allowed keys (beyond id/type), required keys, handler. */
  record Command(Set<String> keys, Set<String> required, Handler handler) {
  }

  private final Map<String, Command> commands = new HashMap<>();
  private final Home home;

  WsCommands(Home home) {
    this.home = home;
    WsBasicCommands.register(this, home);
    WsSubscriptions.register(this, home);
    Related.register(this, home);
    if (home.options.isRecorder()) {
      Recorder.register(this, home.recorder);
    }
  }

  void add(String type, Set<String> keys, Set<String> required, Handler handler) {
    commands.put(type, new Command(keys, required, handler));
  }

  void handle(WsSession session, Object raw) {
    if (!(raw instanceof JsonObject msg)) {
      session.error(0, ServiceError.invalid("Message incorrectly formatted."));
      return;
    }
    Object rawId = msg.getValue("id");
    boolean idOk = (rawId instanceof Integer || rawId instanceof Long) && ((Number) rawId).longValue() > 0;
    if (!idOk || !(msg.getValue("type") instanceof String type)) {
      session.error(rawId, ServiceError.invalid("Message incorrectly formatted."));
      return;
    }
    long id = ((Number) rawId).longValue();
    if (id <= session.lastId()) {
      session.error(id, new ServiceError("id_reuse", "Identifier values have to increase."));
      return;
    }
    Command command = commands.get(type);
    if (command == null) {
      session.error(id, new ServiceError("unknown_command", "Unknown command."));
      return;
    }
    FaultsImpl.Pending fault = session.faults.take(type);
    if (fault != null && fault.kind() == FaultsImpl.Kind.DROP) {
      session.drop();
      return;
    }
    session.advance(id);
    if (fault != null && fault.kind() == FaultsImpl.Kind.DROP_REPLY) {
      session.dropInsteadOfAnswering(id);
      dispatch(session, id, type, msg, command);
    } else if (fault != null && fault.kind() == FaultsImpl.Kind.FAIL) {
      session.error(id, new ServiceError(fault.code(), fault.message()));
    } else if (fault != null) {
      home.vertx.setTimer(fault.delayMillis(), t -> dispatch(session, id, type, msg, command));
    } else {
      dispatch(session, id, type, msg, command);
    }
  }

  private void dispatch(WsSession session, long id, String type, JsonObject msg, Command command) {
    try {
      for (String key : msg.fieldNames()) {
        if (!BASE.contains(key) && !command.keys().contains(key)) {
          throw ServiceError.invalid("extra keys not allowed @ data['" + key + "']. Got "
              + Repr.of(msg.getValue(key)));
        }
      }
      for (String key : command.required()) {
        if (!msg.containsKey(key)) {
          throw ServiceError.invalid("required key not provided @ data['" + key + "']. Got None");
        }
      }
      command.handler().handle(session, id, msg);
    } catch (ServiceError e) {
      session.error(id, e);
    } catch (RuntimeException e) {
      LOG.warn("Error handling {} message", type, e);
      session.error(id, new ServiceError("unknown_error", "Unknown error"));
    }
  }

  /** Checks that a message value has a JSON type; schema errors read like voluptuous' ones. */
  static <T> T typed(JsonObject msg, String key, Class<T> type, String expected) {
    Object v = msg.getValue(key);
    if (v == null && !msg.containsKey(key)) {
      return null;
    }
    if (!type.isInstance(v)) {
      throw ServiceError.invalid("expected " + expected + " for dictionary value @ data['" + key + "']. Got "
          + Repr.of(v));
    }
    return type.cast(v);
  }

  static JsonArray stringList(JsonObject msg, String key) {
    Object v = msg.getValue(key);
    if (v == null) {
      return null;
    }
    return Targets.toList(key, v);
  }
}
