package io.harpou.tools.home;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.vertx.task.VoiceTimers;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.RecordedServiceCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The intent table's file format, how a line is judged, and the report. A line is
 * {@code intent | text | language | room[@satellite] | expected}, preceded by setup lines starting with {@code !}
 * ({@code !state entity state}, {@code !timer name length [room]}, {@code !timers clear}). Expected is one of:
 * {@code -} (not for the matcher: the model's), {@code ask [words]} (a question back, nothing done),
 * {@code say [words]} (an answer or a refusal containing the words, nothing done), or actions separated by
 * {@code ;}: {@code call domain.service entity,ids [key=value...]}, {@code tool name [key=value...]},
 * {@code timers name=seconds[p]...} (every timer after the line; p: paused; {@code timers none}), and
 * {@code say words} alongside them.
 */
final class IntentTable {

  /** Services that only read: calling them is never an action. */
  private static final Set<String> READS = Set.of("todo.get_items", "media_player.search_media",
      "weather.get_forecasts");

  enum Outcome { RIGHT, ASKED, NOT_UNDERSTOOD, WRONG }

  record Line(int number, String intent, String text, String language, String room, String satellite,
              String expected, List<String> setup) {
  }

  record Verdict(Outcome outcome, boolean notMine, String detail) {
  }

  /** Counts per outcome. */
  static final class Tally {
    final int[] counts = new int[Outcome.values().length];

    void add(Outcome o) {
      counts[o.ordinal()]++;
    }

    int count() {
      int n = 0;
      for (int c : counts) {
        n += c;
      }
      return n;
    }

    int right() {
      return counts[Outcome.RIGHT.ordinal()];
    }

    int wrong() {
      return counts[Outcome.WRONG.ordinal()];
    }

    static Tally sum(Collection<Tally> all) {
      Tally out = new Tally();
      for (Tally t : all) {
        for (int i = 0; i < out.counts.length; i++) {
          out.counts[i] += t.counts[i];
        }
      }
      return out;
    }
  }

  private IntentTable() {
  }

  static List<Line> read(String resource) throws IOException {
    try (InputStream in = IntentTable.class.getResourceAsStream(resource)) {
      List<Line> out = new ArrayList<>();
      List<String> setup = new ArrayList<>();
      String[] rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < rows.length; i++) {
        String row = rows[i].strip();
        if (row.isEmpty() || row.startsWith("#")) {
          continue;
        }
        if (row.startsWith("!")) {
          setup.add(row.substring(1).strip());
          continue;
        }
        String[] cells = row.split("\\|", -1);
        if (cells.length != 5) {
          throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.length + " cells: " + row);
        }
        String place = cells[3].strip();
        String room = place.isEmpty() ? null : place.split("@")[0];
        String satellite = place.contains("@") ? place.split("@")[1] : null;
        out.add(new Line(i + 1, cells[0].strip(), cells[1].strip(), cells[2].strip(),
            room == null || room.isEmpty() ? null : room, satellite, cells[4].strip(), List.copyOf(setup)));
        setup.clear();
      }
      return out;
    }
  }

  /** Runs one setup step. */
  static void prepare(String step, VirtualHome home, VoiceTimers timers) {
    String[] words = step.split(" ");
    switch (words[0]) {
      case "state" -> {
        home.ha.setState(words[1], words[2]);
        Await.until("the client sees " + words[1] + " " + words[2],
            () -> home.client.state(words[1]).map(s -> s.state().equals(words[2])).orElse(false));
      }
      case "timer" -> {
        String name = words[1].equals("-") ? null : words[1].replace('_', ' ');
        String room = words.length > 3 ? words[3] : null;
        timers.start(length(words[2]), name, null, new Utterance("set up", "en", null, Channel.SATELLITE, room,
            room == null ? null : room + "-sat", null));
      }
      case "timers" -> timers.list().forEach(t -> timers.cancel(t.id()));
      default -> throw new IllegalArgumentException("unknown setup step: " + step);
    }
  }

  private static TimerLength length(String said) {
    int value = Integer.parseInt(said.substring(0, said.length() - 1));
    return switch (said.charAt(said.length() - 1)) {
      case 'h' -> new TimerLength(value, null, null);
      case 'm' -> new TimerLength(null, value, null);
      default -> new TimerLength(null, null, value);
    };
  }

  /** Judges one line from what the interpreter replied, the calls the home got, the tools called and the timers. */
  static Verdict judge(Line line, Interpretation result, List<RecordedServiceCall> received, List<ToolCall> tools,
                       List<Timer> created, List<Timer> timersAfter) {
    Reply reply = result.reply();
    boolean notMine = reply == null;
    List<String> acted = new ArrayList<>();
    for (RecordedServiceCall call : received) {
      String service = call.domain() + "." + call.service();
      // Calls a scene or script makes itself are its own business, not the sentence's.
      if (!READS.contains(service) && !"internal".equals(call.channel())) {
        acted.add(service + " " + String.join(",", new TreeSet<>(call.entityIds())) + " " + call.data().encode());
      }
    }
    String said = reply == null ? "(not mine)" : reply.speech() + (reply.continueConversation() ? " [asks]" : "");
    String detail = said + (acted.isEmpty() ? "" : " " + acted) + (tools.isEmpty() ? "" : " tools "
        + tools.stream().map(t -> t.name() + t.arguments().encode()).toList());
    String expected = line.expected();
    List<String> unexpected = new ArrayList<>(acted);
    boolean met = true;
    boolean timersExpected = false;
    for (String part : expected.split(" ; ")) {
      String[] words = part.strip().split(" ", 2);
      String rest = words.length > 1 ? words[1] : "";
      switch (words[0]) {
        case "-" -> met &= notMine;
        case "ask" -> met &= reply != null && reply.continueConversation() && contains(reply, rest);
        case "say" -> met &= reply != null && !reply.continueConversation() && contains(reply, rest);
        case "call" -> met &= takeCall(rest, received, unexpected);
        case "tool" -> met &= tools.stream().anyMatch(t -> toolMatches(rest, t));
        case "timers" -> {
          timersExpected = true;
          met &= timersMatch(rest, timersAfter);
        }
        default -> throw new IllegalArgumentException("line " + line.number() + ": bad expectation " + part);
      }
    }
    boolean timerMade = !created.isEmpty() && !timersExpected;
    if (!unexpected.isEmpty() || timerMade || timersExpected && !met && !created.isEmpty()) {
      return new Verdict(Outcome.WRONG, notMine, detail + " timers " + names(timersAfter));
    }
    if (met) {
      return new Verdict(Outcome.RIGHT, notMine, detail);
    }
    return new Verdict(notMine ? Outcome.NOT_UNDERSTOOD : Outcome.ASKED, notMine, detail + " timers "
        + names(timersAfter));
  }

  private static boolean contains(Reply reply, String words) {
    return words.isBlank() || reply.speech().toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
  }

  /** Finds and takes the expected call from {@code unexpected}; false when the home did not get it. */
  private static boolean takeCall(String spec, List<RecordedServiceCall> received, List<String> unexpected) {
    String[] words = spec.split(" ", 3);
    Set<String> ids = new TreeSet<>(List.of(words[1].split(",")));
    for (RecordedServiceCall call : received) {
      if (!(call.domain() + "." + call.service()).equals(words[0]) || !ids.equals(new TreeSet<>(call.entityIds()))) {
        continue;
      }
      if (words.length == 3 && !dataMatches(words[2], call.data())) {
        return false;
      }
      unexpected.removeIf(a -> a.startsWith(words[0] + " " + String.join(",", ids) + " "));
      return true;
    }
    return false;
  }

  private static boolean dataMatches(String pairs, JsonObject data) {
    for (String pair : pairs.split(" (?=[a-z_]+=)")) {
      String key = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(key.length() + 1);
      Object actual = data.getValue(key);
      if (actual == null || !same(value, actual)) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(String expected, Object actual) {
    if (actual instanceof Number n) {
      try {
        return Math.abs(Double.parseDouble(expected) - n.doubleValue()) < 1e-6;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (actual instanceof JsonArray a) {
      JsonArray wanted = expected.startsWith("[") ? new JsonArray(expected) : new JsonArray("[" + expected + "]");
      return new TreeSet<>(wanted.getList().stream().map(String::valueOf).toList())
          .equals(new TreeSet<>(a.getList().stream().map(String::valueOf).toList()));
    }
    return expected.equals(String.valueOf(actual));
  }

  private static boolean toolMatches(String spec, ToolCall call) {
    String[] words = spec.split(" ", 2);
    return call.name().equals(words[0]) && (words.length == 1 || dataMatches(words[1], call.arguments()));
  }

  /** {@code pasta=600 eggs=300p}: every timer after the line, by name ({@code -} for none), seconds left ±3. */
  private static boolean timersMatch(String spec, List<Timer> after) {
    if (spec.equals("none")) {
      return after.isEmpty();
    }
    String[] wanted = spec.split(" ");
    if (wanted.length != after.size()) {
      return false;
    }
    List<Timer> left = new ArrayList<>(after);
    for (String w : wanted) {
      String name = w.substring(0, w.indexOf('=')).replace('_', ' ');
      String value = w.substring(w.indexOf('=') + 1);
      boolean paused = value.endsWith("p");
      String[] commandSplit = value.replace("p", "").split(":", 2);
      long seconds = Long.parseLong(commandSplit[0]);
      Timer match = left.stream().filter(t -> (name.equals("-") ? t.name() == null : name.equals(t.name()))
          && Math.abs(t.secondsLeft() - seconds) <= 3 && t.active() != paused
          && (commandSplit.length == 1 || commandSplit[1].replace('_', ' ').equals(t.command()))).findFirst()
          .orElse(null);
      if (match == null) {
        return false;
      }
      left.remove(match);
    }
    return true;
  }

  private static String names(List<Timer> timers) {
    return timers.stream().map(t -> (t.name() == null ? "-" : t.name()) + "=" + t.secondsLeft()
        + (t.active() ? "" : "p") + (t.command() == null ? "" : ":" + t.command())).toList().toString();
  }

  /** The report: per intent, then in total, and how many sentences were passed on to the model. */
  static String report(String language, Map<String, Tally> tallies, int needsModel, int lines) {
    StringBuilder out = new StringBuilder("## Intent table, " + language + "\n\n"
        + "| intent | sentences | right | asked or refused | not understood | wrong |\n|---|---|---|---|---|---|\n");
    Map<String, Tally> sorted = new TreeMap<>(tallies);
    sorted.forEach((intent, t) -> out.append(row(intent, t)));
    Tally total = Tally.sum(tallies.values());
    out.append(row("**all**", total));
    out.append(String.format(Locale.ROOT, "%nRight: %.1f %%. Passed on to the model: %d of %d sentences (%.1f %%).%n",
        total.right() * 100.0 / total.count(), needsModel, lines, needsModel * 100.0 / lines));
    return out.toString();
  }

  private static String row(String intent, Tally t) {
    return "| " + intent + " | " + t.count() + " | " + t.counts[0] + " | " + t.counts[1] + " | " + t.counts[2]
        + " | " + t.counts[3] + " |\n";
  }
}
