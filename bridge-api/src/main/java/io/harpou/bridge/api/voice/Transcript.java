package io.harpou.bridge.api.voice;

/**
 * What an {@link SttService} heard.
 *
 * @param text the transcript; empty when nothing was understood
 * @param language the language it was recognised in
 */
public record Transcript(String text, String language) {

  /** Normalises a null text to empty. */
  public Transcript {
    text = text == null ? "" : text.strip();
  }

  /** True when nothing was understood. */
  public boolean isEmpty() {
    return text.isEmpty();
  }
}
