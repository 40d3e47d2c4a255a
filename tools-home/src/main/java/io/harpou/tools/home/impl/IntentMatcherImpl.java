package io.harpou.tools.home.impl;

import io.harpou.tools.home.IntentMatch;
import io.harpou.tools.home.IntentMatcher;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** Tries each language's compiled sentences in order; the first match whose targets resolve wins. */
public final class IntentMatcherImpl implements IntentMatcher {

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
    if (normalized.isEmpty() || normalized.length() > 300) {
      return Outcome.of(IntentMatch.notMine());
    }
    HomeIndex index = home.index();
    Outcome question = null;
    Map<IntentHandlers.MemoKey, Resolution> memo = new HashMap<>();
    for (String lang : catalog.languagesFor(language)) {
      String stripped = catalog.strip(lang, normalized);
      if (stripped.isEmpty()) {
        continue;
      }
      String subject = stripped + " ";
      IntentHandlers handlers = new IntentHandlers(index, resolver, catalog.vocabulary(), home, room, language,
          text, normalized, stripped, memo);
      int space = stripped.indexOf(' ');
      String first = space < 0 ? stripped : stripped.substring(0, space);
      Set<String> words = new HashSet<>(Text.split(stripped));
      for (IntentCatalog.Candidate candidate : catalog.candidates(lang, first)) {
        if (!candidate.sentence().possible(words)) {
          continue;
        }
        Matcher m = candidate.sentence().pattern().matcher(subject);
        if (!m.matches()) {
          continue;
        }
        IntentMatch result = handlers.handle(candidate.entry(), candidate.sentence(), m);
        if (result == null || result.isNotMine()) {
          continue;
        }
        if (!result.isQuestion()) {
          return Outcome.of(result);
        }
        if (question == null) {
          question = new Outcome(result, handlers.askedAbout, handlers.then);
        }
      }
    }
    return question != null ? question : Outcome.of(IntentMatch.notMine());
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
