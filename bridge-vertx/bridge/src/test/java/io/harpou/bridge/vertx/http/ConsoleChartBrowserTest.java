package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sensor's history in the console, in Chromium: the living room's temperature over 24 hours and over 6 hours, from
 * the virtual home's recorder through Home Assistant's {@code history/history_during_period}, drawn by the charting
 * library the hub serves itself, with every resource from the hub and nothing refused by the page's CSP.
 */
class ConsoleChartBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static void choose(HeadlessChromium chromium, String select, String value) {
    chromium.eval("{ const s = document.getElementById('" + select + "'); s.value = '" + value + "';"
        + " s.dispatchEvent(new Event('change')); }");
  }

  @Test
  void should_chart_a_sensor_s_recorded_history_over_the_chosen_period() throws Exception {
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject());
    String sensor = "sensor.living_room_temperature";
    Instant now = Instant.now();
    JsonObject unit = new JsonObject().put("unit_of_measurement", "°C");
    house.home.recordPast(sensor, now.minusSeconds(20 * 3600), "19.0", unit);
    house.home.recordPast(sensor, now.minusSeconds(10 * 3600), "20.0", unit);
    house.home.recordPast(sensor, now.minusSeconds(2 * 3600), "21.5", unit);
    house.home.recordPast(sensor, now.minusSeconds(3600), "unavailable", unit);
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"house\"]').click()");
      chromium.waitFor("[...document.querySelectorAll('#chart-entity option')].some(o => o.value === '" + sensor
          + "')", "the sensor offered", 10);

      choose(chromium, "chart-entity", sensor);
      chromium.waitFor("document.querySelector('#chart canvas') && document.getElementById('chart').dataset.points"
          + " === '4'", "24 hours drawn: three numbers recorded and the current one", 10);
      choose(chromium, "chart-hours", "6");
      chromium.waitFor("document.getElementById('chart').dataset.points === '3'",
          "6 hours drawn: the state at the start, 21.5 and the current one", 10);

      assertThat(chromium.eval("performance.getEntriesByType('resource').every(e => e.name.startsWith("
          + "location.origin))")).isEqualTo(true);
      assertThat(chromium.log).noneMatch(line -> line.contains("Content Security Policy"))
          .noneMatch(line -> line.startsWith("exception"));
      page.screenshots("chart");
    }
  }

  @Test
  void should_say_that_a_home_without_a_recorder_keeps_no_history() throws Exception {
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject(),
        new VirtualHomeOptions().setRecorder(false));
    String sensor = "sensor.living_room_temperature";
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      assertThat(chromium.eval("import('/console/api.js').then(m => m.api('/api/home/history?entity_id=" + sensor
          + "')).then(() => 200, e => e.status)")).isEqualTo(501);
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"house\"]').click()");
      chromium.waitFor("[...document.querySelectorAll('#chart-entity option')].some(o => o.value === '" + sensor
          + "')", "the sensor offered", 10);
      choose(chromium, "chart-entity", sensor);
      chromium.waitFor("document.getElementById('chart-status').textContent.includes('recorder')",
          "the chart saying why there is no history", 10);
      assertThat((String) chromium.eval("document.getElementById('chart-status').textContent"))
          .startsWith("History: this home keeps no history");
      assertThat(chromium.eval("document.querySelector('#chart canvas')")).isNull();
    }
  }
}
