package io.harpou.bridge.vertx.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.ToolCall;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A confirmation counts only from its asker, in time, once. */
class PendingConfirmationsTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final PendingConfirmations pending = new PendingConfirmations(30_000, now::get);
  private final ToolCall unlock = ToolCall.of("unlock", null);
  private final List<ServiceCall> action = List.of(ServiceCall.of("lock", "unlock",
      Target.entities("lock.front_door")));

  private static Utterance from(String text, Channel channel, String user, String satellite, String peer) {
    return new Utterance(text, "en", "c1", channel, null, satellite, user, peer);
  }

  @Test
  void should_leave_the_confirmation_waiting_when_someone_else_says_yes() {
    pending.put(unlock, action, from("unlock the front door", Channel.HTTP, "ada", null, null));

    for (Utterance stranger : List.of(from("yes", Channel.HTTP, "bob", null, null),
        from("yes", Channel.WYOMING, null, null, "192.168.1.9"), from("yes", Channel.HTTP, null, null, null),
        from("yes", Channel.SATELLITE, "ada", "kitchen", null))) {
      assertThat(pending.settle(stranger).outcome()).isEqualTo(PendingConfirmations.Outcome.NOTHING);
    }
    PendingConfirmations.Settled own = pending.settle(from("yes", Channel.HTTP, "ada", null, null));

    assertThat(own.outcome()).isEqualTo(PendingConfirmations.Outcome.CONFIRM);
    assertThat(own.confirmation().actions()).isEqualTo(action);
  }

  @Test
  void should_tell_a_late_yes_and_a_second_yes_from_ordinary_words() {
    Utterance ask = from("unlock the front door", Channel.HTTP, null, null, null);
    Utterance yes = from("yes", Channel.HTTP, null, null, null);
    pending.put(unlock, action, ask);
    now.addAndGet(30_001);

    assertThat(pending.settle(yes).outcome()).isEqualTo(PendingConfirmations.Outcome.TOO_LATE);
    assertThat(pending.settle(yes).outcome()).isEqualTo(PendingConfirmations.Outcome.NOTHING);

    PendingConfirmations.Confirmation confirmation = pending.put(unlock, action, ask);
    assertThat(pending.settle(yes).outcome()).isEqualTo(PendingConfirmations.Outcome.CONFIRM);
    pending.done(confirmation);
    assertThat(pending.settle(yes).outcome()).isEqualTo(PendingConfirmations.Outcome.ALREADY_DONE);
    assertThat(pending.settle(yes).outcome()).isEqualTo(PendingConfirmations.Outcome.NOTHING);
  }

  @Test
  void should_drop_the_confirmation_on_the_askers_next_words_and_forget_old_ones() {
    Utterance ask = from("unlock the front door", Channel.HTTP, null, null, null);
    pending.put(unlock, action, ask);

    assertThat(pending.settle(ask.withText("what time is it")).outcome())
        .isEqualTo(PendingConfirmations.Outcome.NOTHING);
    assertThat(pending.settle(ask.withText("yes")).outcome()).isEqualTo(PendingConfirmations.Outcome.NOTHING);

    pending.put(unlock, action, ask);
    now.addAndGet(30_000 + PendingConfirmations.REMEMBERED_MS + 1);
    assertThat(pending.settle(ask.withText("yes")).outcome()).isEqualTo(PendingConfirmations.Outcome.NOTHING);
  }
}
