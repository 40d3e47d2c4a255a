package io.harpou.testkit.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code history/history_during_period} answers as Home Assistant's recorder does: compressed states with float
 * {@code lu}, the state at the start imputed, only state changes by default, attributes only on the first entry of a
 * minimal response, nothing for an empty period, and {@code invalid_start_time} for a time it cannot read.
 */
class VirtualHomeHistoryTest extends VirtualHomeTestBase {

  private static JsonObject history(WsTestClient c, int id, Instant start, Instant end, boolean minimal) {
    JsonObject command = new JsonObject().put("id", id).put("type", "history/history_during_period")
        .put("start_time", start.toString()).put("entity_ids", new JsonArray().add("sensor.living_room_temperature"))
        .put("minimal_response", minimal).put("no_attributes", false);
    if (end != null) {
      command.put("end_time", end.toString());
    }
    return c.call(command);
  }

  @Test
  void should_answer_the_recorded_states_of_a_period_in_home_assistant_s_compressed_form() {
    Instant now = Instant.now();
    String sensor = "sensor.living_room_temperature";
    JsonObject unit = new JsonObject().put("unit_of_measurement", "°C");
    home.recordPast(sensor, now.minusSeconds(7200), "19.0", unit);
    home.recordPast(sensor, now.minusSeconds(3600), "19.5", unit);
    home.recordPast(sensor, now.minusSeconds(3500), "19.5", unit.copy().put("friendly_name", "same state"));
    home.recordPast(sensor, now.minusSeconds(1800), "20.5", unit);
    try (WsTestClient c = client()) {
      JsonArray states = history(c, 1, now.minusSeconds(5400), now.minusSeconds(60), true).getJsonObject("result")
          .getJsonArray(sensor);

      assertThat(states).hasSize(3);
      assertThat(states.getJsonObject(0).getString("s")).isEqualTo("19.0");
      assertThat(states.getJsonObject(0).getDouble("lu")).isEqualTo(now.minusSeconds(5400).toEpochMilli() / 1000.0,
          org.assertj.core.data.Offset.offset(0.001));
      assertThat(states.getJsonObject(0).getJsonObject("a").getString("unit_of_measurement")).isEqualTo("°C");
      assertThat(states.getJsonObject(1).getString("s")).isEqualTo("19.5");
      assertThat(states.getJsonObject(1).containsKey("a")).isFalse();
      assertThat(states.getJsonObject(1).containsKey("lc")).isFalse();
      assertThat(states.getJsonObject(2).getString("s")).isEqualTo("20.5");

      Instant same = now.minusSeconds(600);
      assertThat(history(c, 2, same, same, false).getJsonObject("result")).isEmpty();
      assertThat(history(c, 3, now.plusSeconds(3600), null, false).getJsonObject("result")).isEmpty();
      JsonObject bad = c.call(new JsonObject().put("id", 4).put("type", "history/history_during_period")
          .put("start_time", "cats").put("entity_ids", new JsonArray().add(sensor)));
      assertThat(bad.getBoolean("success")).isFalse();
      assertThat(bad.getJsonObject("error").getString("code")).isEqualTo("invalid_start_time");
    }
  }
}
