package io.harpou.tools.home.impl;

import io.harpou.bridge.api.OutsideRootException;
import io.harpou.bridge.api.RootedPaths;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentence data of every language: the bundled files listed by {@code intents/index.json} (a vocabulary file and
 * one file per family of intents, per language), plus any {@code *.json} of a household directory, whose intents are
 * tried before the bundled ones and whose words are added to the vocabulary. Everything is compiled once.
 */
public final class IntentCatalog {

  private static final String BASE = "/io/harpou/tools/home/intents/";
  private static final Set<String> NUMBER_WORDS = Set.of("zero", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
      "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety", "hundred", "a", "and", "half", "point", "un", "une", "deux", "trois", "quatre", "cinq", "sept",
      "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente",
      "quarante", "cinquante", "soixante", "cent", "cents", "et", "demi", "demie", "virgule", "thousand", "mille");

  /** One sentence of one intent, in file order. */
  record Candidate(IntentEntry entry, Sentence sentence) {
  }

  /** A language's sentences in file order, and for each possible first word the ones that can start with it. */
  private record Candidates(List<Candidate> any, Map<String, List<Candidate>> byFirstWord) {

    static Candidates of(List<IntentEntry> entries) {
      List<Candidate> all = new ArrayList<>();
      Set<String> words = new HashSet<>();
      for (IntentEntry e : entries) {
        for (Sentence s : e.sentences()) {
          all.add(new Candidate(e, s));
          if (s.firstWords() != null) {
            words.addAll(s.firstWords());
          }
        }
      }
      List<Candidate> any = all.stream().filter(c -> c.sentence().firstWords() == null).toList();
      Map<String, List<Candidate>> byFirst = new HashMap<>();
      for (String w : words) {
        byFirst.put(w, all.stream().filter(c -> c.sentence().firstWords() == null
            || c.sentence().firstWords().contains(w)).toList());
      }
      return new Candidates(any, byFirst);
    }
  }

  private final Vocabulary vocabulary = new Vocabulary();
  private final Map<String, List<IntentEntry>> intents = new LinkedHashMap<>();
  private final Map<String, Candidates> candidates = new LinkedHashMap<>();
  private final Map<String, List<String>> prefixes = new LinkedHashMap<>();
  private final Map<String, List<String>> suffixes = new LinkedHashMap<>();

  /**
   * Loads the bundled files and, when {@code userDir} is not null, every {@code *.json} in it.
   *
   * @throws IllegalArgumentException when a file is malformed or links outside the directory, naming the file
   */
  public static IntentCatalog load(Path userDir) {
    List<JsonObject> files = new ArrayList<>();
    if (userDir != null) {
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(userDir, "*.json")) {
        List<Path> paths = new ArrayList<>();
        dir.forEach(paths::add);
        paths.sort(Comparator.naturalOrder());
        for (Path p : paths) {
          files.add(parse(Files.readString(RootedPaths.resolve(userDir, p), StandardCharsets.UTF_8), p.toString()));
        }
      } catch (IOException | OutsideRootException e) {
        throw new IllegalArgumentException("cannot read intents directory " + userDir + ": " + e.getMessage(), e);
      }
    }
    JsonObject index = new JsonObject(resource(BASE + "index.json"));
    JsonObject languages = index.getJsonObject("languages");
    for (String lang : languages.fieldNames()) {
      for (Object family : languages.getJsonArray(lang)) {
        String path = BASE + lang + "/" + family + ".json";
        files.add(parse(resource(path), path));
      }
    }
    return new IntentCatalog(files);
  }

  private static String resource(String path) {
    try (InputStream in = IntentCatalog.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  private static JsonObject parse(String text, String where) {
    try {
      JsonObject json = new JsonObject(text);
      if (json.getString("language") == null) {
        throw new IllegalArgumentException("no \"language\"");
      }
      return json;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed intents file " + where + ": " + e.getMessage(), e);
    }
  }

  private IntentCatalog(List<JsonObject> files) {
    files.forEach(vocabulary::add);
    Map<String, Set<String>> closed = vocabulary.closedSlots();
    closed.put("number", NUMBER_WORDS);
    Set<String> lengths = new HashSet<>(NUMBER_WORDS);
    lengths.addAll(DurationWords.WORDS);
    closed.put("duration", lengths);
    closed.put("length", lengths);
    for (JsonObject file : files) {
      String lang = file.getString("language");
      PatternCompiler compiler = new PatternCompiler(closed, name -> vocabulary.expansion(lang, name));
      List<IntentEntry> entries = intents.computeIfAbsent(lang, k -> new ArrayList<>());
      JsonArray list = file.getJsonArray("intents", new JsonArray());
      for (int i = 0; i < list.size(); i++) {
        entries.add(entry(list.getJsonObject(i), compiler));
      }
      prefixes.computeIfAbsent(lang, k -> new ArrayList<>()).addAll(phrases(file, "prefixes"));
      suffixes.computeIfAbsent(lang, k -> new ArrayList<>()).addAll(phrases(file, "suffixes"));
    }
    intents.forEach((lang, entries) -> candidates.put(lang, Candidates.of(entries)));
    prefixes.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
    suffixes.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
  }

  private static IntentEntry entry(JsonObject json, PatternCompiler compiler) {
    String intent = json.getString("intent");
    if (intent == null || Intents.handler(intent) == null) {
      throw new IllegalArgumentException("unknown intent: " + intent);
    }
    List<Sentence> sentences = new ArrayList<>();
    for (Object s : json.getJsonArray("sentences", new JsonArray())) {
      sentences.add(compiler.compile(String.valueOf(s)));
    }
    Set<String> domains = new LinkedHashSet<>();
    json.getJsonArray("domains", new JsonArray()).forEach(d -> domains.add(String.valueOf(d)));
    return new IntentEntry(intent, Set.copyOf(domains), List.copyOf(sentences),
        json.getJsonObject("args", new JsonObject()),
        json.getString("default_name") == null ? null : Text.normalize(json.getString("default_name")),
        json.getBoolean("area_means_devices", false), json.getBoolean("exact_name", false),
        json.getBoolean("ask_unknown", true));
  }

  private static List<String> phrases(JsonObject file, String key) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Object p : file.getJsonArray(key, new JsonArray())) {
      String n = Text.normalize(String.valueOf(p));
      if (!n.isEmpty() && seen.add(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /** The words of every language. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The languages to try for {@code language}: it first, then the others. */
  List<String> languagesFor(String language) {
    String primary = language == null ? "en" : language.toLowerCase(java.util.Locale.ROOT);
    int dash = primary.indexOf('-');
    String base = dash > 0 ? primary.substring(0, dash) : primary;
    List<String> out = new ArrayList<>();
    if (intents.containsKey(base)) {
      out.add(base);
    }
    intents.keySet().stream().filter(l -> !l.equals(base)).forEach(out::add);
    return out;
  }

  List<IntentEntry> intents(String language) {
    return intents.getOrDefault(language, List.of());
  }

  /** The sentences of {@code language} that can match a text starting with {@code firstWord}, in file order. */
  List<Candidate> candidates(String language, String firstWord) {
    Candidates c = candidates.get(language);
    if (c == null) {
      return List.of();
    }
    List<Candidate> hit = c.byFirstWord().get(firstWord);
    return hit != null ? hit : c.any();
  }

  /** {@code normalized} without the polite openings and closings of {@code language}. */
  String strip(String language, String normalized) {
    int from = 0;
    int to = normalized.length();
    List<String> heads = prefixes.getOrDefault(language, List.of());
    List<String> tails = suffixes.getOrDefault(language, List.of());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String p : heads) {
        int end = from + p.length();
        if (end < to && normalized.charAt(end) == ' ' && normalized.startsWith(p, from)) {
          from = end + 1;
          changed = true;
        }
      }
      for (String p : tails) {
        int start = to - p.length();
        if (start > from && normalized.charAt(start - 1) == ' ' && normalized.startsWith(p, start)) {
          to = start - 1;
          changed = true;
        }
      }
    }
    return from == 0 && to == normalized.length() ? normalized : normalized.substring(from, to);
  }
}
