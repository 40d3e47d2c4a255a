package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A call's outcome whatever the transport: a call that may have run is never sent again, and says so. */
class HomeAssistantOutcomeTest extends VirtualHomeFixture {

  private static final ServiceCall ADD_BREAD = new ServiceCall("todo", "add_item",
      new JsonObject().put("item", "bread"), Target.entities("todo.shopping_list"), false);

  private static HomeAssistantException failure(Future<?> call) {
    Throwable failure = catchThrowable(() -> call.await(20, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(HomeAssistantException.class);
    return (HomeAssistantException) failure;
  }

  /** The shopping list as Home Assistant shows it, read with the client once it is connected again. */
  private List<String> shoppingList(HomeAssistantClient client) {
    JsonObject result = client.callService(new ServiceCall("todo", "get_items", null,
        Target.entities("todo.shopping_list"), true)).await();
    JsonArray items = result.getJsonObject("response").getJsonObject("todo.shopping_list").getJsonArray("items");
    return items.stream().map(item -> ((JsonObject) item).getString("summary")).toList();
  }

  private long breadCalls() {
    return home.calls().stream().filter(c -> c.service().equals("add_item")).count();
  }

  @Test
  void should_never_send_a_call_again_over_the_websocket_when_its_rest_reply_was_lost() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setRestPollIntervalMs(50));
    client.connect().await();
    home.faults().refuseWebSockets(true).dropNextRestServiceReply();
    home.faults().dropNow();
    eventually("the drop was noticed", () -> client.connectionState() == ConnectionState.RECONNECTING);

    Future<JsonObject> call = client.callService(ADD_BREAD);
    home.takeCall(Duration.ofSeconds(10));
    // The WebSocket comes back while the caller still waits: a resend would now reach Home Assistant.
    home.faults().refuseWebSockets(false);
    HomeAssistantException lost = failure(call);

    assertThat(lost.outcome()).isEqualTo(HomeAssistantException.Outcome.UNKNOWN);
    eventually("reconnected", () -> client.connectionState() == ConnectionState.CONNECTED);
    assertThat(shoppingList(client)).filteredOn("bread"::equals).hasSize(1);
    assertThat(breadCalls()).isEqualTo(1);
  }

  @Test
  void should_report_an_unknown_outcome_when_the_link_drops_after_home_assistant_acted() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setRestFallback(false));
    client.connect().await();
    home.faults().dropReplyOfNext("call_service");

    HomeAssistantException lost = failure(client.callService(ServiceCall.of("light", "turn_on",
        Target.entities("light.kitchen"))));

    assertThat(lost.outcome()).isEqualTo(HomeAssistantException.Outcome.UNKNOWN);
    assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
    eventually("reconnected", () -> client.connectionState() == ConnectionState.CONNECTED);
    assertThat(client.fetchState("light.kitchen").await().orElseThrow().state()).isEqualTo("on");
    assertThat(home.calls()).hasSize(1);
  }

  @Test
  void should_fail_at_once_and_name_the_url_while_home_assistant_is_unreachable() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = client(options().setDisconnectedWaitMs(120_000));
    client.connect().await();
    String url = home.url();
    home.close().await();
    home = null;
    eventually("an attempt failed", () -> client.connectionDetail().contains("unreachable"));

    // Bounded far below the configured wait: the call must not wait for a link known to be down.
    HomeAssistantException refused = failure(client.callService(ServiceCall.of("light", "turn_on",
        Target.entities("light.kitchen"))));

    assertThat(refused.outcome()).isEqualTo(HomeAssistantException.Outcome.NOT_SENT);
    assertThat(refused.getMessage()).contains(url).contains("unreachable");
  }

  @Test
  void should_retry_a_rejected_token_and_connect_once_home_assistant_accepts_it_again() {
    startHome(new VirtualHomeOptions());
    home.faults().rejectAuth(true);
    HomeAssistantClient client = client(options().setMaxAuthBackoffMs(200));

    HomeAssistantException rejected = failure(client.connect());

    assertThat(rejected.code()).isEqualTo(HomeAssistantException.AUTH_INVALID);
    assertThat(client.connectionState()).isEqualTo(ConnectionState.AUTH_FAILED);
    assertThat(client.connectionDetail()).contains("rejected the access token").contains("retrying")
        .doesNotContain(home.accessToken());
    assertThat(failure(client.callService(ADD_BREAD)).outcome()).isEqualTo(HomeAssistantException.Outcome.NOT_SENT);

    home.faults().rejectAuth(false);

    eventually("connected once the token was accepted", () -> client.connectionState() == ConnectionState.CONNECTED);
    client.callService(ADD_BREAD).await();
    assertThat(shoppingList(client)).contains("bread");
  }
}
