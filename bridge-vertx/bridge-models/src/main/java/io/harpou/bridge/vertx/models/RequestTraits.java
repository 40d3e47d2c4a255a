package io.harpou.bridge.vertx.models;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the router looks at in a request, read once: its words, language and profile, whether it looks like a
 * household command, a plan, a document question or an open question, and whether it follows a turn the strong model
 * answered.
 *
 * @param normalised the text in {@link Words#normalise normal form}, padded with a space at each end
 * @param words the number of words
 * @param language the language tag, lower case
 * @param profile the profile (speaker), or null
 * @param household whether it names something in the home or starts with a command verb, and asks no open question
 * @param plan whether it asks for a plan
 * @param document whether it asks about documents
 * @param openQuestion whether it asks why, how, who, for an explanation or a piece of writing, or is any other
 *     question that is not about the home
 * @param followUp whether the conversation's previous turn went to the strong model
 */
public record RequestTraits(String normalised, int words, String language, String profile, boolean household,
                            boolean plan, boolean document, boolean openQuestion, boolean followUp) {

  /** Reads the traits of {@code text}. */
  public static RequestTraits of(String text, String language, String profile, boolean followUp) {
    String plain = Words.normalise(text);
    List<String> tokens = plain.isEmpty() ? List.of() : List.of(plain.split(" "));
    boolean verb = !tokens.isEmpty() && Words.COMMAND_VERBS.contains(tokens.get(0));
    boolean noun = anyIn(tokens, Words.HOME_NOUNS);
    boolean openWords = anyIn(tokens, Words.OPEN_QUESTION_WORDS);
    boolean plan = anyIn(tokens, Words.PLAN_WORDS);
    boolean document = anyIn(tokens, Words.DOCUMENT_WORDS);
    boolean household = (verb || noun) && !openWords && !plan && !document;
    boolean question = text.strip().endsWith("?")
        || (!tokens.isEmpty() && Words.QUESTION_STARTS.contains(tokens.get(0)));
    return new RequestTraits(" " + plain + " ", tokens.size(),
        language == null ? "en" : language.toLowerCase(Locale.ROOT), profile, household, plan, document,
        openWords || (question && !household), followUp);
  }

  /** Whether the request contains the word or phrase (in normal form) as whole words. */
  public boolean contains(String phrase) {
    return normalised.contains(" " + phrase + " ");
  }

  private static boolean anyIn(List<String> tokens, Set<String> words) {
    for (String token : tokens) {
      if (words.contains(token)) {
        return true;
      }
    }
    return false;
  }
}
