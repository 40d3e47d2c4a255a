package io.harpou.bridge.api.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into sentences for sentence-by-sentence speech. */
public final class Sentences {

  // A sentence ends at . ! ? … (optionally followed by closing quotes) and whitespace; decimals like 21.5 do not end one.
  private static final Pattern END = Pattern.compile("(?<=[.!?…])[\"'»)]*\\s+");

  private Sentences() {
  }

  /** The complete sentences of {@code text}, trimmed; the last piece is returned even without end punctuation. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher matcher = END.matcher(text);
    int start = 0;
    while (matcher.find()) {
      add(out, text.substring(start, matcher.start()));
      start = matcher.end();
    }
    add(out, text.substring(start));
    return out;
  }

  /**
   * Splits streamed text: the complete sentences found so far, and the unfinished rest to carry over to the next
   * chunk. Used when text arrives in pieces (streaming TTS, a streaming model).
   */
  public static Split splitStreaming(String text) {
    Matcher matcher = END.matcher(text);
    List<String> complete = new ArrayList<>();
    int start = 0;
    while (matcher.find()) {
      add(complete, text.substring(start, matcher.start()));
      start = matcher.end();
    }
    return new Split(complete, text.substring(start));
  }

  private static void add(List<String> out, String sentence) {
    String trimmed = sentence.strip();
    if (!trimmed.isEmpty()) {
      out.add(trimmed);
    }
  }

  /**
   * Sentences completed so far, and the rest.
   *
   * @param complete finished sentences
   * @param rest the unfinished tail
   */
  public record Split(List<String> complete, String rest) {
  }
}
