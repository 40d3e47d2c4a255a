package io.harpou.bridge.vertx.models;

import dev.langchain4j.exception.HttpException;
import io.harpou.bridge.api.BridgeException;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The language model could not answer, sorted by what the person asking should hear: it could not be reached, it
 * answered with an error (an HTTP status and its message), it did not answer in time, or the prompt did not fit its
 * context window.
 */
public final class ModelFailure extends BridgeException {

  private static final long serialVersionUID = 1L;
  /** How OpenAI, Azure, llama.cpp and vLLM say that a prompt exceeds the context window. */
  private static final Pattern OVERFLOW_WORDS = Pattern.compile(
      "context_length_exceeded|context length|context window|maximum context|too many tokens|prompt is too long"
      + "|exceeds the available context");

  /** What kind of failure it was. */
  public enum Kind {
    /** No connection could be made (refused, unknown host, no route). */
    UNREACHABLE,
    /** The server answered with an error. */
    ERROR,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The prompt did not fit the model's context window. */
    OVERFLOW,
    /** The model's monthly budget is spent and no local model can stand in. */
    BUDGET
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
  public static ModelFailure of(String model, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        String message = body(http.getMessage());
        boolean overflow = http.statusCode() == 400
            && OVERFLOW_WORDS.matcher(String.valueOf(http.getMessage()).toLowerCase(Locale.ROOT)).find();
        return new ModelFailure(overflow ? Kind.OVERFLOW : Kind.ERROR, model, "HTTP " + http.statusCode() + ": "
            + message, error);
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

  /**
   * A prompt measured before sending as too large for the model's window: {@code tokens} against the
   * {@code budget} the window leaves once the answer's share is kept.
   */
  public static ModelFailure overflow(String model, int tokens, int budget) {
    return new ModelFailure(Kind.OVERFLOW, model, "the request needs " + tokens + " tokens and the model's window"
        + " leaves " + budget + " for it", null);
  }

  /** A cloud model whose monthly budget is spent, with no local model to answer instead. */
  public static ModelFailure budgetSpent(String model, double spent, double budget) {
    return new ModelFailure(Kind.BUDGET, model, String.format(Locale.ROOT, "%.2f of its monthly budget of %.2f is"
        + " spent", spent, budget), null);
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
      case OVERFLOW -> french ? "Désolé, cette demande est trop longue pour le modèle de langage (" + model + ") : "
          + detail + "." : "Sorry, that request is too long for the language model (" + model + "): " + detail + ".";
      case BUDGET -> french ? "Désolé, le modèle de langage " + model + " a épuisé son budget du mois et aucun modèle"
          + " local ne peut le remplacer : je ne peux pas répondre à cela avant le mois prochain."
          : "Sorry, the language model " + model + " has spent its monthly budget and no local model can stand in,"
          + " so I can't answer that until next month.";
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
