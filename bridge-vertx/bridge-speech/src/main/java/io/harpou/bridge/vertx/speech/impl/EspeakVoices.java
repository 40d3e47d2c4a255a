package io.harpou.bridge.vertx.speech.impl;

import io.harpou.bridge.api.voice.Voice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the table {@code espeak-ng --voices} prints into voices named by their language code. */
final class EspeakVoices {

  private static final Pattern OTHER_LANGUAGE = Pattern.compile("\\(([^ )]+) \\d+\\)");

  private EspeakVoices() {
  }

  /**
   * The voices of the table, one per language code. MBROLA voices (which need separately installed data) and
   * variants (which modify a voice rather than being one) are left out.
   */
  static List<Voice> parse(String table) {
    Map<String, Voice> byName = new LinkedHashMap<>();
    for (String line : table.split("\\R")) {
      String[] cells = line.strip().split("\\s+", 6);
      if (cells.length < 5 || !cells[0].matches("\\d+")) {
        continue;
      }
      String language = cells[1];
      String file = cells[4];
      if (file.startsWith("mb/") || file.startsWith("!v/") || byName.containsKey(language)) {
        continue;
      }
      List<String> languages = new ArrayList<>();
      languages.add(language);
      if (cells.length == 6) {
        Matcher other = OTHER_LANGUAGE.matcher(cells[5]);
        while (other.find()) {
          if (!languages.contains(other.group(1))) {
            languages.add(other.group(1));
          }
        }
      }
      byName.put(language, new Voice(language, cells[3].replace('_', ' '), languages));
    }
    return List.copyOf(byName.values());
  }
}
