package io.harpou.bridge.vertx.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Every call is in the ledger; a cloud model's monthly budget warns at 80% and, once spent, its calls are refused and
 * its turns go to a local model, with a true message, even after a restart.
 */
class BudgetTest extends ModelsTestBase {

  private static final String QUESTION = "what is the capital of Peru?";

  /** The scripted server counts a word a token: each question costs 10 (4 + 6 prompt words at 1 a token). */
  private JsonObject pricedStrong(double budget) {
    return strong().put("cost_per_1k_input", 1000.0).put("cost_per_1k_output", 0.0).put("monthly_budget", budget);
  }

  @Test
  void should_warn_at_80_percent_then_route_to_the_local_model_once_the_budget_is_spent() {
    start(agent(fast(), pricedStrong(12)));
    strongServer.fallback(OllamaReply.text("Lima."));
    fastServer.fallback(OllamaReply.text("Lima, from the local model."));
    String month = YearMonth.now(ZoneOffset.UTC).toString();

    assertThat(ask(begin(QUESTION), QUESTION).aiMessage().text()).isEqualTo("Lima.");
    assertThat(awaitState("budget.strong", "warning").getString("detail"))
        .isEqualTo("10.00 of the monthly budget of 12.00 spent in " + month);

    ask(begin(QUESTION), QUESTION);
    assertThat(awaitState("budget.strong", "degraded").getString("detail")).startsWith("budget spent: 20.00 of the"
        + " monthly budget of 12.00");

    ModelTurn third = begin(QUESTION);
    assertThat(ask(third, QUESTION).aiMessage().text()).isEqualTo("Lima, from the local model.");
    assertThat(third.notice("en")).contains("(The strong model has spent its monthly budget, so a local model"
        + " answered.)");
    assertThat(strongServer.requestCount()).isEqualTo(2);
    assertThat(events("model_chosen").get(2).getString("reason"))
        .isEqualTo("an open question; strong has spent its monthly budget");

    JsonObject usage = pool.usage().usage(ModelUsage.GroupBy.MODEL, Instant.now().minusSeconds(3600),
        Instant.now().plusSeconds(1)).await();
    assertThat(usage.getJsonArray("groups").encode()).contains("\"model\":\"fast\",\"calls\":1")
        .contains("\"model\":\"strong\",\"calls\":2");
    assertThat(usage.getJsonObject("budgets").getJsonObject("strong").getString("state")).isEqualTo("spent");
    assertThat(usage.getJsonObject("budgets").getJsonObject("strong").getDouble("spent")).isEqualTo(20.0);

    // The ledger outlives the process: a restart still routes away from the spent model.
    start(agent(fast(), pricedStrong(12)));
    ask(begin(QUESTION), QUESTION);
    assertThat(strongServer.requestCount()).isEqualTo(2);
  }

  @Test
  void should_refuse_with_a_true_message_when_no_local_model_can_stand_in() {
    start(new JsonObject().put("models", new JsonObject().put("strong", pricedStrong(5))));
    strongServer.fallback(OllamaReply.text("Lima."));
    ask(begin(QUESTION), QUESTION);

    assertThatThrownBy(() -> ask(begin(QUESTION), QUESTION)).isInstanceOfSatisfying(ModelFailure.class,
        failure -> assertThat(failure.speech("en")).isEqualTo("Sorry, the language model strong has spent its"
            + " monthly budget and no local model can stand in, so I can't answer that until next month."));
    assertThat(strongServer.requestCount()).isEqualTo(1);
  }

  @Test
  void should_record_every_call_with_its_profile_and_sum_it_by_day_and_profile() {
    start(agent(fast(), strong()));
    fastServer.enqueue(OllamaReply.error(500, "broken"));
    strongServer.fallback(OllamaReply.text("fine"));
    ask(begin("turn on the lamp"), "turn on the lamp");

    JsonObject byProfile = pool.usage().usage(ModelUsage.GroupBy.PROFILE, Instant.now().minusSeconds(3600),
        Instant.now().plusSeconds(1)).await();
    JsonObject ada = byProfile.getJsonArray("groups").getJsonObject(0);
    assertThat(ada.getString("profile")).isEqualTo("ada");
    assertThat(ada.getLong("calls")).isEqualTo(2);
    assertThat(ada.getLong("failures")).isEqualTo(1);
    assertThat(ada.getDouble("cost")).isGreaterThan(0);
    JsonObject byDay = pool.usage().usage(ModelUsage.GroupBy.DAY, Instant.now().minusSeconds(3600),
        Instant.now().plusSeconds(1)).await();
    assertThat(byDay.getJsonArray("groups").getJsonObject(byDay.getJsonArray("groups").size() - 1)
        .getString("day")).isEqualTo(java.time.LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(events("model_call")).extracting(e -> e.getString("model") + " " + e.getString("outcome"))
        .containsExactly("fast failed", "strong ok");
  }
}
