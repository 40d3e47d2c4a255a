package io.harpou.testkit.ha.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ha.RecordedServiceCall;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogTest {

  @Test
  void should_keep_only_the_most_recent_calls_so_a_long_run_stays_small() throws InterruptedException {
    CallLog log = new CallLog();
    for (int i = 0; i < CallLog.KEPT + 5; i++) {
      log.add(call("light.l" + i));
    }

    List<RecordedServiceCall> kept = log.all();
    assertThat(kept).hasSize(CallLog.KEPT);
    assertThat(kept.get(0).entityIds()).containsExactly("light.l5");
    assertThat(kept.get(kept.size() - 1).entityIds()).containsExactly("light.l" + (CallLog.KEPT + 4));
    assertThat(log.take(Duration.ofMillis(10)).entityIds()).containsExactly("light.l5");
  }

  @Test
  void should_wait_for_a_call_and_give_up_after_the_timeout() throws InterruptedException {
    CallLog log = new CallLog();
    new Thread(() -> {
      sleep(50);
      log.add(call("light.kitchen"));
    }).start();

    assertThat(log.take(Duration.ofSeconds(5)).entityIds()).containsExactly("light.kitchen");
    assertThat(log.take(Duration.ofMillis(20))).isNull();
  }

  private static RecordedServiceCall call(String entityId) {
    return new RecordedServiceCall("light", "turn_on", new JsonObject(), List.of(entityId), "ctx", "websocket");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
