package io.harpou.bridge.vertx.memory.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into chunks of about {@code size} characters on word boundaries, each starting about {@code overlap}
 * characters before the previous one ended, so a sentence cut at a boundary is whole in one of the two chunks.
 */
final class Chunker {

  private Chunker() {
  }

  static List<String> chunks(String text, int size, int overlap) {
    String[] words = text.strip().split("\\s+");
    List<String> out = new ArrayList<>();
    if (words.length == 0 || words[0].isEmpty()) {
      return out;
    }
    int start = 0;
    while (start < words.length) {
      int end = start;
      int length = 0;
      while (end < words.length && (end == start || length + 1 + words[end].length() <= size)) {
        length += (end == start ? 0 : 1) + words[end].length();
        end++;
      }
      out.add(String.join(" ", java.util.Arrays.copyOfRange(words, start, end)));
      if (end >= words.length) {
        break;
      }
      int next = end;
      int back = 0;
      while (next > start + 1 && back + words[next - 1].length() + 1 <= overlap) {
        next--;
        back += words[next].length() + 1;
      }
      start = next;
    }
    return out;
  }
}
