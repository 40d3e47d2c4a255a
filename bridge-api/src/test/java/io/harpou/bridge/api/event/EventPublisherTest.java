package io.harpou.bridge.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_give_every_local_consumer_the_event_and_let_none_change_it() throws Exception {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> change = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>localConsumer(BridgeAddresses.EVENTS, m -> received.add(m.body()));
    vertx.eventBus().<JsonObject>localConsumer(BridgeAddresses.EVENTS, m -> {
      try {
        m.body().put("state", "changed by a consumer");
        change.complete(null);
      } catch (RuntimeException e) {
        change.complete(e);
      }
    });
    ComponentStateChanged event = new ComponentStateChanged(Instant.now(), "home_assistant", "connected", "in sync");

    new EventPublisher(vertx).publish(event);

    assertThat(change.get(5, TimeUnit.SECONDS)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(received).hasSize(1);
    assertThat(BridgeEvent.fromJson(received.get(0))).isEqualTo(event);
  }

  @Test
  void should_let_several_publishers_share_one_bus() throws Exception {
    List<String> states = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> both = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>localConsumer(BridgeAddresses.EVENTS, m -> {
      states.add(m.body().getString("state"));
      if (states.size() == 2) {
        both.complete(null);
      }
    });

    new EventPublisher(vertx).publish(new ComponentStateChanged(Instant.now(), "a", "connected", null));
    new EventPublisher(vertx).publish(new ComponentStateChanged(Instant.now(), "b", "failed", "gone"));

    both.get(5, TimeUnit.SECONDS);
    assertThat(states).containsExactly("connected", "failed");
  }

  @Test
  void should_put_the_json_text_on_the_wire() {
    SharedJsonCodec codec = new SharedJsonCodec();
    JsonObject event = new ComponentStateChanged(Instant.now(), "home_assistant", "connected", "é ✓").toJson();
    Buffer wire = Buffer.buffer("before");

    codec.encodeToWire(wire, event);

    assertThat(codec.decodeFromWire("before".length(), wire)).isEqualTo(event);
  }
}
