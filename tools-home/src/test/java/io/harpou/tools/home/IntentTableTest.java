package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.vertx.task.VoiceTimers;
import io.harpou.testkit.ha.Houses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The intent table: every line of {@code intent-table/en.txt} and {@code fr.txt} goes through the local-intents
 * interpreter against the family house (four floors) in the virtual home, reached through the real client, with
 * real voice timers. A line is right when the service calls the virtual home received, the timers and the reply are
 * the expected ones; it acted wrongly when the home received any other state-changing call or a timer appeared that
 * was not asked for. The report (per intent: right, asked or refused, not understood, wrong) is printed and written
 * to {@code target/intent-table.md}.
 */
class IntentTableTest {

  private static VirtualHome home;
  private static Interpreter interpreter;
  private static VoiceTimers timers;

  private static void start() {
    JsonObject config = new JsonObject().put("exposure", new JsonObject()
        .put("extra_domains", new JsonArray().add("button")));
    home = new VirtualHome(config, Houses.family());
    timers = VoiceTimers.create(home.vertx, Optional::empty);
    home.timers = timers;
    home.announcer = announcement -> List.of("kitchen", "office", "bedroom", "living_room")
        .contains(announcement.room()) ? Future.succeededFuture()
        : Future.failedFuture(new IllegalStateException("no satellite"));
    interpreter = home.provider.interpreters(config).get(0);
  }

  private static void stop() {
    timers.close();
    home.close();
  }

  @Test
  void should_act_rightly_on_at_least_95_percent_of_english_sentences_and_never_wrongly() throws IOException {
    check("en");
  }

  @Test
  void should_act_rightly_on_at_least_95_percent_of_french_sentences_and_never_wrongly() throws IOException {
    check("fr");
  }

  /** Each language gets a fresh house and timer book, so no state carries over from the other table. */
  private void check(String language) throws IOException {
    start();
    try {
      checkTable(language);
    } finally {
      stop();
    }
  }

  private void checkTable(String language) throws IOException {
    List<IntentTable.Line> lines = IntentTable.read("/intent-table/" + language + ".txt");
    Map<String, IntentTable.Tally> tallies = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int needsModel = 0;
    for (IntentTable.Line line : lines) {
      IntentTable.Verdict verdict = run(line);
      tallies.computeIfAbsent(line.intent(), k -> new IntentTable.Tally()).add(verdict.outcome());
      if (verdict.notMine()) {
        needsModel++;
      }
      if (verdict.outcome() != IntentTable.Outcome.RIGHT) {
        failures.add(verdict.outcome() + " line " + line.number() + ": " + line.text() + " → " + verdict.detail());
      }
    }
    String report = IntentTable.report(language, tallies, needsModel, lines.size());
    System.out.println(report);
    failures.forEach(System.out::println);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "intent-table-" + language + ".md"), report + "\n"
        + String.join("\n", failures) + "\n");
    IntentTable.Tally total = IntentTable.Tally.sum(tallies.values());
    assertThat(lines.size()).as("sentences in the %s table", language).isGreaterThanOrEqualTo(500);
    assertThat(total.wrong()).as("wrong actions in %s", language).isZero();
    assertThat(total.right() * 100.0 / total.count()).as("percent right in %s", language)
        .isGreaterThanOrEqualTo(95.0);
  }

  /**
   * The executor of the table: protected tools are recorded and answered with a confirmation question, as the hub's
   * policy does, so a line about a lock expects that question and never a lock moved without a yes.
   */
  private static ToolGate confirming() {
    ToolGate runs = home.executor();
    return (call, utterance) -> {
      Tool tool = home.tools.get(call.name());
      if (tool != null && tool.spec().risk() == Risk.PROTECTED) {
        home.calls.add(call);
        return Future.failedFuture(PolicyException.confirm("Confirm " + call.name() + "? Say yes to confirm."));
      }
      return runs.execute(call, utterance);
    };
  }

  private IntentTable.Verdict run(IntentTable.Line line) {
    line.setup().forEach(step -> IntentTable.prepare(step, home, timers));
    int callsBefore = home.ha.calls().size();
    home.calls.clear();
    List<String> timersBefore = timers.list().stream().map(t -> t.id()).toList();
    Utterance utterance = new Utterance(line.text(), line.language(), "table-" + line.number(), null,
        line.room(), line.satellite(), null);
    Interpretation result = interpreter.interpret(utterance, home.context(utterance), confirming()).await();
    return IntentTable.judge(line, result, home.ha.calls().subList(callsBefore, home.ha.calls().size()),
        home.calls, timers.list().stream().filter(t -> !timersBefore.contains(t.id())).toList(), timers.list());
  }
}
