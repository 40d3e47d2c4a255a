package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Short answers to the matcher's own questions: a device among the candidates ("the lamp", "both", "the second
 * one"), a yes to "did you mean ...?", a room for "in which room?", a timer's name, or "never mind". Anything that is
 * not an answer is left to be understood as a new request.
 */
final class FollowUps {

  /** The question called off. */
  static final Outcome CANCELLED = Outcome.of(IntentMatch.say("nevermind", "", false));

  /**
   * A question asked in a conversation: what finishes it, the request that raised it, and for a timer question, the
   * call to finish and the timers offered.
   */
  record Pending(Outcome question, String text, String language, ToolCall timerCall, List<String> timers) {

    Pending(Outcome question, String text, String language) {
      this(question, text, language, null, List.of());
    }
  }

  private FollowUps() {
  }

  /** What {@code pending} and the answer {@code said} come to, or null when it is not an answer. */
  static Outcome answer(Pending pending, String said, String room, IntentMatcherImpl matcher) {
    if (AnswerReader.cancel(said)) {
      return CANCELLED;
    }
    if (pending.timerCall() != null) {
      return timer(pending, said);
    }
    Outcome question = pending.question();
    HomeIndex index = matcher.index();
    if (question.place() != null) {
      return place(pending, said, room, matcher);
    }
    if (question.then() == null || question.candidates().isEmpty()) {
      // "In which room?": the answer is a room; ask the first request again there.
      Area area = index.area(Resolver.spoken(said).keyText());
      if (area == null) {
        return null;
      }
      Outcome again = matcher.outcome(pending.text(), pending.language(), area.areaId());
      return again.match().isNotMine() ? null : again;
    }
    if (question.candidates().size() == 1 && AnswerReader.yes(said)) {
      IntentMatch done = question.then().apply(question.candidates());
      return done == null ? null : Outcome.of(done);
    }
    AnswerReader.Choice choice = AnswerReader.read(said, question.candidates(), index,
        matcher.catalog().vocabulary());
    if (choice == null) {
      return null;
    }
    if (choice.cancel()) {
      return CANCELLED;
    }
    List<HomeEntity> chosen = choice.chosen();
    if (chosen.size() > 1 && chosen.size() < question.candidates().size()) {
      String asked = Messages.which(pending.language(), chosen, List.of());
      return new Outcome(IntentMatch.ask(question.match().intent(), asked), chosen, question.then());
    }
    if (chosen.size() > 1 && !choice.all()) {
      return new Outcome(question.match(), question.candidates(), question.then());
    }
    IntentMatch done = question.then().apply(chosen);
    return done == null ? null : Outcome.of(done);
  }

  /** "Did you mean the garden?": a yes takes the suggestion, a place names another; the request runs again. */
  private static Outcome place(Pending pending, String said, String room, IntentMatcherImpl matcher) {
    Outcome.PlaceRetry retry = pending.question().place();
    String chosen;
    if (AnswerReader.yes(said) && retry.suggestion() != null) {
      chosen = retry.suggestion();
    } else {
      List<String> key = Resolver.spoken(said).key();
      HomeIndex index = matcher.index();
      String keyText = String.join(" ", key);
      if (!index.areasByKey.containsKey(keyText) && !index.floorsByKey.containsKey(keyText)) {
        return null;
      }
      chosen = keyText;
    }
    List<String> words = new ArrayList<>();
    boolean replaced = false;
    for (String w : Text.split(Text.normalize(pending.text()))) {
      if (retry.words().contains(Text.singular(w))) {
        if (!replaced) {
          words.add(chosen);
          replaced = true;
        }
      } else {
        words.add(w);
      }
    }
    Outcome again = matcher.outcome(String.join(" ", words), pending.language(), room);
    return again.match().isNotMine() || again.place() != null ? null : again;
  }

  /** "Which timer: pasta or eggs?": the name answered finishes the call. */
  private static Outcome timer(Pending pending, String said) {
    String answer = Text.key(said);
    for (String name : pending.timers()) {
      String key = Text.key(name);
      if (!key.isEmpty() && (answer.equals(key) || (" " + answer + " ").contains(" " + key + " "))) {
        ToolCall call = pending.timerCall();
        JsonObject args = call.arguments().copy().put("name", name);
        return Outcome.of(IntentMatch.call(pending.question().match().intent(), ToolCall.of(call.name(), args),
            List.of(), null));
      }
    }
    return null;
  }
}
