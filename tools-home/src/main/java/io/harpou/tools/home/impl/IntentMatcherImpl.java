package io.harpou.tools.home.impl;

import io.harpou.tools.home.IntentMatch;
import io.harpou.tools.home.IntentMatcher;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    String normalized = Text.normalize(text);
    if (normalized.isEmpty() || normalized.length() > 300) {
      return IntentMatch.notMine();
    }
    HomeIndex index = home.index();
    IntentMatch question = null;
    for (String lang : catalog.languagesFor(language)) {
      String stripped = catalog.strip(lang, normalized);
      String subject = stripped + " ";
      IntentHandlers handlers = new IntentHandlers(index, resolver, catalog.vocabulary(), home, room, language,
          text, normalized, stripped);
      for (IntentEntry entry : catalog.intents(lang)) {
        for (Pattern pattern : entry.patterns()) {
          Matcher m = pattern.matcher(subject);
          if (!m.matches()) {
            continue;
          }
          IntentMatch result = handlers.handle(entry, m);
          if (result == null || result.isNotMine()) {
            continue;
          }
          if (!result.isQuestion()) {
            return result;
          }
          if (question == null) {
            question = result;
          }
        }
      }
    }
    return question != null ? question : IntentMatch.notMine();
  }

  /** The catalog, for the interpreter's follow-ups. */
  IntentCatalog catalog() {
    return catalog;
  }

  Resolver resolver() {
    return resolver;
  }

  ExposedHomeImpl home() {
    return home;
  }
}
