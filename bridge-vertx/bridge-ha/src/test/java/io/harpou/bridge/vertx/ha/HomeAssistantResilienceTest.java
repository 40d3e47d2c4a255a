package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.api.home.Target;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HomeAssistantResilienceTest extends VirtualHomeFixture {

  private static final ServiceCall TOGGLE_KITCHEN = ServiceCall.of("light", "toggle", Target.entities("light.kitchen"));

  private static String code(Throwable failure) {
    assertThat(failure).isInstanceOf(HomeAssistantException.class);
    return ((HomeAssistantException) failure).code();
  }

  private long toggles() {
    return home.calls().stream().filter(c -> c.domain().equals("light") && c.service().equals("toggle")).count();
  }

  @Test
  void should_fail_the_call_in_flight_when_the_link_drops_and_never_replay_it() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setRestFallback(false).setInitialBackoffMs(500));
    client.connect().await();
    List<StateChange> seen = new CopyOnWriteArrayList<>();
    client.onStateChange(seen::add);
    home.faults().dropOnNext("call_service");

    Throwable failure = catchThrowable(() -> client.callService(TOGGLE_KITCHEN).await());

    assertThat(code(failure)).isEqualTo(HomeAssistantException.CONNECTION_LOST);
    assertThat(client.connectionState()).isEqualTo(ConnectionState.RECONNECTING);
    home.setState("sensor.living_room_temperature", "25.5");
    assertThat(client.connectionState()).as("the change happened while the link was down")
        .isEqualTo(ConnectionState.RECONNECTING);

    eventually("reconnected", () -> client.connectionState() == ConnectionState.CONNECTED);
    client.callService(TOGGLE_KITCHEN).await();
    assertThat(toggles()).as("the dropped call was not replayed").isEqualTo(1);
    assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
    assertThat(client.state("sensor.living_room_temperature").orElseThrow().state()).isEqualTo("25.5");
    assertThat(seen).anySatisfy(change -> {
      assertThat(change.entityId()).isEqualTo("sensor.living_room_temperature");
      assertThat(change.newState().state()).isEqualTo("25.5");
    });
  }

  @Test
  void should_report_a_wrong_token_as_auth_failed_while_retrying_and_never_show_it() throws InterruptedException {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setToken("wrong-token").setMaxAuthBackoffMs(50));
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    client.onConnectionStateChange(states::add);

    Throwable failure = catchThrowable(() -> client.connect().await());

    assertThat(code(failure)).isEqualTo(HomeAssistantException.AUTH_INVALID);
    assertThat(client.connectionState()).isEqualTo(ConnectionState.AUTH_FAILED);
    assertThat(client.connectionDetail()).doesNotContain("wrong-token").contains("retrying");
    Thread.sleep(300);
    assertThat(states).as("each retry is rejected again: one state change").containsExactly(
        ConnectionState.AUTH_FAILED);
    assertThat(code(catchThrowable(() -> client.fireEvent("x", null).await())))
        .isEqualTo(HomeAssistantException.AUTH_INVALID);
  }

  @Test
  void should_time_out_a_call_whose_reply_stalls_and_keep_the_link() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setCallTimeoutMs(300));
    client.connect().await();
    home.faults().delayNext("call_service", Duration.ofSeconds(2));

    Throwable failure = catchThrowable(() -> client.callService(TOGGLE_KITCHEN).await());

    assertThat(code(failure)).isEqualTo(HomeAssistantException.TIMEOUT);
    assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(client.renderTemplate("{{ states('light.kitchen') }}").await()).isEqualTo("off");
  }

  @Test
  void should_treat_a_missing_pong_as_a_drop_and_reconnect() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setPingIntervalMs(100).setPongTimeoutMs(200));
    client.connect().await();
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    client.onConnectionStateChange(states::add);

    home.faults().stallReplies(true);
    eventually("the silent link was given up", () -> states.contains(ConnectionState.RECONNECTING));
    home.faults().stallReplies(false);

    eventually("reconnected", () -> client.connectionState() == ConnectionState.CONNECTED);
    assertThat(client.renderTemplate("{{ states('light.kitchen') }}").await()).isEqualTo("off");
  }

  @Test
  void should_fail_fast_while_disconnected_when_told_not_to_wait() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setDisconnectedWaitMs(0).setRestFallback(false)
        .setInitialBackoffMs(60_000).setMaxBackoffMs(60_000));
    client.connect().await();
    home.faults().dropNow();
    eventually("the drop was noticed", () -> client.connectionState() == ConnectionState.RECONNECTING);

    Throwable failure = catchThrowable(() -> client.callService(TOGGLE_KITCHEN).await());

    assertThat(code(failure)).isEqualTo(HomeAssistantException.NOT_CONNECTED);
    assertThat(toggles()).isZero();
  }

  @Test
  void should_wait_a_bounded_time_for_the_link_while_disconnected() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setDisconnectedWaitMs(5_000).setRestFallback(false)
        .setInitialBackoffMs(300));
    client.connect().await();
    home.faults().dropNow();
    eventually("the drop was noticed", () -> client.connectionState() == ConnectionState.RECONNECTING);

    client.fireEvent("harpou_waited", new JsonObject()).await();

    assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void should_give_up_waiting_for_the_link_after_the_bound() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setDisconnectedWaitMs(200).setRestFallback(false)
        .setInitialBackoffMs(60_000).setMaxBackoffMs(60_000));
    client.connect().await();
    home.close().await();
    eventually("the drop was noticed", () -> client.connectionState() == ConnectionState.RECONNECTING);

    Throwable failure = catchThrowable(() -> client.fireEvent("harpou_lost", null).await());

    assertThat(code(failure)).isEqualTo(HomeAssistantException.NOT_CONNECTED);
    assertThat(failure).hasMessageContaining("200 ms");
    home = null;
  }

  @Test
  void should_act_and_refresh_states_over_rest_while_the_websocket_is_down() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setRestPollIntervalMs(50).setInitialBackoffMs(60_000)
        .setMaxBackoffMs(60_000));
    client.connect().await();
    home.faults().dropNow();
    eventually("the drop was noticed", () -> client.connectionState() == ConnectionState.RECONNECTING);

    JsonObject result = client.callService(ServiceCall.of("light", "turn_on", Target.entities("light.kitchen")))
        .await();
    home.setState("sensor.living_room_temperature", "30.0");

    assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
    assertThat(result.getJsonArray("changed_states").encode()).contains("light.kitchen");
    eventually("the REST refresh saw the new temperature",
        () -> "30.0".equals(client.state("sensor.living_room_temperature").orElseThrow().state()));
    assertThat(client.state("light.kitchen").orElseThrow().state()).isEqualTo("on");
    assertThat(client.connectionState()).isEqualTo(ConnectionState.RECONNECTING);
  }

  @Test
  void should_fail_calls_after_close_and_report_closed() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();

    client.close().await();

    assertThat(client.connectionState()).isEqualTo(ConnectionState.CLOSED);
    assertThat(code(catchThrowable(() -> client.callService(TOGGLE_KITCHEN).await())))
        .isEqualTo(HomeAssistantException.NOT_CONNECTED);
    eventually("the virtual home saw the socket close", () -> home.connectionCount() == 0);
  }
}
