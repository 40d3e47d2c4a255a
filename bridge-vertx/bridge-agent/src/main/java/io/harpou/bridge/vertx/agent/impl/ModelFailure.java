package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.exception.HttpException;
import io.harpou.bridge.api.BridgeException;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * The language model could not answer, sorted by what the person asking should hear: it could not be reached, it
 * answered with an error (an HTTP status and its message), or it did not answer in time.
 */
public final class ModelFailure extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure it was. */
  public enum Kind {
    /** No connection could be made (refused, unknown host, no route). */
    UNREACHABLE,
    /** The server answered with an error. */
    ERROR,
    /** The server did not answer in time. */
    TIMEOUT
  }

  private final Kind kind;
  private final String model;
  private final String detail;

  private ModelFailure(Kind kind, String model, String detail, Throwable cause) {
    super("the language model (" + model + ") failed: " + detail, cause);
    this.kind = kind;
    this.model = model;
    this.detail = detail;
  }

  /** Sorts {@code error}, as the model client reported it, for the model described as {@code model}. */
  static ModelFailure of(String model, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        return new ModelFailure(Kind.ERROR, model, "HTTP " + http.statusCode() + ": " + body(http.getMessage()),
            error);
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t instanceof UnresolvedAddressException) {
        return new ModelFailure(Kind.UNREACHABLE, model, "cannot connect (" + describe(t) + ")", error);
      }
      if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException) {
        return new ModelFailure(Kind.TIMEOUT, model, "no answer in time (" + describe(t) + ")", error);
      }
    }
    return new ModelFailure(Kind.ERROR, model, describe(error), error);
  }

  /** What kind of failure it was. */
  public Kind kind() {
    return kind;
  }

  /** The cause in a few words, for logs and {@code /health}: "HTTP 500: model runner crashed". */
  public String detail() {
    return detail;
  }

  /** The sentence the person asking hears, in their language. */
  public String speech(String language) {
    boolean french = language != null && language.startsWith("fr");
    return switch (kind) {
      case UNREACHABLE -> french ? "Désolé, je n'arrive pas à joindre le modèle de langage (" + model + ")."
          : "Sorry, I can't reach the language model (" + model + ").";
      case TIMEOUT -> french ? "Désolé, le modèle de langage (" + model + ") n'a pas répondu à temps."
          : "Sorry, the language model (" + model + ") did not answer in time.";
      case ERROR -> french ? "Désolé, le modèle de langage (" + model + ") a renvoyé une erreur : " + detail + "."
          : "Sorry, the language model (" + model + ") returned an error: " + detail + ".";
    };
  }

  /** Ollama and OpenAI-compatible servers put their message in {@code error} (a string or an object). */
  private static String body(String text) {
    if (text == null || text.isBlank()) {
      return "no message";
    }
    try {
      Object error = new JsonObject(text).getValue("error");
      if (error instanceof JsonObject object && object.getString("message") != null) {
        return object.getString("message");
      }
      if (error instanceof String message) {
        return message;
      }
    } catch (RuntimeException notJson) {
      // Not JSON: the text itself says it.
    }
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
        + t.getMessage();
  }
}
