package io.harpou.tools.home.impl;

import io.harpou.tools.home.IntentMatch;
import io.harpou.tools.home.IntentMatcher;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Tries each language's compiled sentences in order. The first sentence that comes to a call wins; a question or an
 * answer is kept while later sentences may still find a call, so "turn off the lights in ten minutes" is a timer with
 * a command and not a question about a device called "lights in ten minutes". Among questions and answers the most
 * telling one is kept (see {@link MatchContext#rank}).
 */
public final class IntentMatcherImpl implements IntentMatcher {

  private static final int MAX_LENGTH = 300;

  private final ExposedHomeImpl home;
  private final IntentCatalog catalog;
  private final Resolver resolver;

  /** A matcher over {@code home} with {@code catalog}'s sentences. */
  public IntentMatcherImpl(ExposedHomeImpl home, IntentCatalog catalog) {
    this.home = home;
    this.catalog = catalog;
    this.resolver = new Resolver(catalog.vocabulary());
  }

  @Override
  public IntentMatch match(String text, String language, String room) {
    return outcome(text, language, room).match();
  }

  /** The match, and for a question what is needed to finish it once the user has answered. */
  Outcome outcome(String text, String language, String room) {
    String normalized = Text.normalize(text);
    if (normalized.isEmpty() || normalized.length() > MAX_LENGTH) {
      return Outcome.of(IntentMatch.notMine());
    }
    HomeIndex index = home.index();
    Map<MatchContext.MemoKey, Resolution> memo = new HashMap<>();
    MatchContext context = new MatchContext(this, index, room, language, text, memo);
    List<String> languages = catalog.languagesFor(language);
    Scan direct = scan(context, normalized, languages, false);
    if (direct.kept != null && direct.kept.match().call() != null) {
      return direct.kept;
    }
    // "Turn the lights on in the dining room", "make it brighter in the bathroom": the sentence without its
    // trailing place, the place added to whatever it targets. Only a call made with that place replaces the first try.
    Scan placed = scan(context, normalized, languages, true);
    if (placed.kept != null && placed.kept.match().call() != null) {
      return placed.kept;
    }
    Outcome best = direct.kept == null || placed.kept != null && placed.rank > direct.rank ? placed.kept
        : direct.kept;
    return best != null ? best : Outcome.of(IntentMatch.notMine());
  }

  /** The outcome kept by one pass over the sentences, with its rank. */
  private record Scan(Outcome kept, int rank) {
  }

  /**
   * Tries each language's sentences on the utterance; with {@code trailingPlace}, on the utterance less a place said
   * at its end, which the handler's target then carries (results that did not use it are dropped).
   */
  private Scan scan(MatchContext context, String normalized, List<String> languages, boolean trailingPlace) {
    Outcome kept = null;
    int keptRank = 0;
    for (String lang : languages) {
      boolean primary = lang.equals(languages.get(0));
      String stripped = catalog.strip(lang, normalized);
      context.extraPlace = null;
      if (trailingPlace) {
        String[] split = TrailingPlace.split(context, stripped);
        if (split == null) {
          continue;
        }
        stripped = split[0];
        context.extraPlace = split[1];
      }
      if (stripped.isEmpty()) {
        continue;
      }
      String subject = stripped + " ";
      int space = stripped.indexOf(' ');
      String first = space < 0 ? stripped : stripped.substring(0, space);
      Set<String> words = new HashSet<>(Text.split(stripped));
      IntentMatch call = null;
      int callLiteral = -1;
      Outcome choice = null;
      int choiceLiteral = -1;
      for (IntentCatalog.Candidate candidate : catalog.candidates(lang, first)) {
        if (!candidate.sentence().possible(words)) {
          continue;
        }
        Matcher m = candidate.sentence().pattern().matcher(subject);
        if (!m.matches()) {
          continue;
        }
        int literal = candidate.sentence().literalLength(m);
        if (call != null && literal <= callLiteral) {
          continue;
        }
        context.reset();
        IntentEntry entry = candidate.entry();
        IntentMatch result = Intents.handler(entry.intent()).handle(context, entry,
            new Slots(candidate.sentence(), m, context.original, normalized, stripped));
        if (result == null || result.isNotMine() || trailingPlace && !context.extraPlaceUsed) {
          continue;
        }
        if (result.call() != null) {
          // A call: kept unless a later sentence that also acts holds more of what was said in its own words.
          call = result;
          callLiteral = literal;
          continue;
        }
        // Another language's guess about an unknown name or place is noise ("résume" read as "resume").
        if (!primary && context.rank < MatchContext.RANK_ANSWER) {
          continue;
        }
        Outcome outcome = new Outcome(result, context.askedAbout, context.then, context.placeRetry);
        if (context.rank == MatchContext.RANK_QUESTION && literal > choiceLiteral) {
          // "Coupe le son" asking which player beats "coupe <something called le son>" acting.
          choice = outcome;
          choiceLiteral = literal;
        }
        if (kept == null || context.rank > keptRank) {
          kept = outcome;
          keptRank = context.rank;
        }
      }
      if (call != null) {
        context.extraPlace = null;
        return choice != null && choiceLiteral > callLiteral ? new Scan(choice, MatchContext.RANK_QUESTION)
            : new Scan(Outcome.of(call), Integer.MAX_VALUE);
      }
    }
    context.extraPlace = null;
    return new Scan(kept, keptRank);
  }

  /** The catalog, for the interpreter's follow-ups. */
  IntentCatalog catalog() {
    return catalog;
  }

  Resolver resolver() {
    return resolver;
  }

  /** The current index of the home. */
  HomeIndex index() {
    return home.index();
  }

  ExposedHomeImpl home() {
    return home;
  }
}
