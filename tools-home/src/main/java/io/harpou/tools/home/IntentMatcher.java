package io.harpou.tools.home;

import io.harpou.tools.home.impl.ExposedHomeImpl;
import io.harpou.tools.home.impl.IntentCatalog;
import io.harpou.tools.home.impl.IntentMatcherImpl;
import java.nio.file.Path;

/**
 * The local intent matcher: turns an English or French sentence into a tool call on exposed entities, or a question
 * when the target is ambiguous, without any LLM. It acts on nothing itself. Sentences come from data files (bundled,
 * plus a household directory); matching uses precompiled patterns and the exposed home's index only.
 */
public interface IntentMatcher {

  /**
   * A matcher over {@code home} (a view made by {@link ExposedHome#create}) with the bundled sentences plus those of
   * {@code userIntentsDir} when not null.
   *
   * @throws IllegalArgumentException when a sentence file is malformed
   */
  static IntentMatcher create(ExposedHome home, Path userIntentsDir) {
    IntentCatalog catalog = IntentCatalog.load(userIntentsDir);
    return new IntentMatcherImpl((ExposedHomeImpl) home, catalog);
  }

  /**
   * Matches one sentence.
   *
   * @param text what was said
   * @param language its language ({@code en}, {@code fr}); the other languages are tried after it
   * @param room the speaker's room (area id or name), or null
   */
  IntentMatch match(String text, String language, String room);
}
