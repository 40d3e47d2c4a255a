package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A "yes" that comes too late, a second "yes" and a "yes" to nothing each get their own true answer, in English and
 * French, instead of the hub saying it lacks a language model.
 */
class ConfirmationAnswersTest {

  /** Long enough for a question to be answered in a test, short enough to wait out. */
  private static final long TIMEOUT_MS = 1_000;

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private HubHarness hub() {
    return HubHarness.start(vertx, dataDir, new JsonObject().put("agent", new JsonObject().put("policy",
        new JsonObject().put("confirmation_timeout_ms", TIMEOUT_MS))), false);
  }

  private static String say(HubHarness hub, String text, String language, String conversation) {
    return HubHarness.speech(hub.converse(text, language, conversation, null));
  }

  @Test
  void should_say_that_a_late_yes_came_after_the_confirmation_expired_and_do_nothing() throws Exception {
    HubHarness hub = hub();
    say(hub, "unlock the front door", "en", "e1");
    say(hub, "déverrouille la porte d'entrée", "fr", "e2");
    Thread.sleep(TIMEOUT_MS + 500);

    String english = say(hub, "yes", "en", "e1");
    String french = say(hub, "oui", "fr", "e2");

    assertThat(english).isEqualTo("That confirmation expired after 1 second, so nothing was done. Ask again if you"
        + " still want it.");
    assertThat(french).isEqualTo("Cette confirmation a expiré au bout de 1 seconde : rien n'a été fait."
        + " Redemandez-le si vous le voulez toujours.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
    assertThat(hub.callsOf("lock")).isZero();
  }

  @Test
  void should_say_a_second_yes_finds_the_action_already_done() {
    HubHarness hub = hub();
    say(hub, "unlock the front door", "en", "e3");
    assertThat(say(hub, "yes", "en", "e3")).isEqualTo("Done.");
    say(hub, "verrouille la porte d'entrée", "fr", "e4");
    assertThat(say(hub, "oui", "fr", "e4")).isEqualTo("C'est fait.");

    assertThat(say(hub, "yes", "en", "e3")).isEqualTo("That's already done; nothing else is waiting for your yes.");
    assertThat(say(hub, "oui", "fr", "e4")).isEqualTo("C'est déjà fait ; rien d'autre n'attend votre oui.");
    assertThat(hub.callsOf("lock")).isEqualTo(2);
  }

  @Test
  void should_say_nothing_waits_for_a_yes_when_nothing_was_asked() {
    HubHarness hub = hub();

    assertThat(say(hub, "yes", "en", "e5")).isEqualTo("There's nothing waiting for your confirmation right now.");
    assertThat(say(hub, "oui", "fr", "e6")).isEqualTo("Rien n'attend votre confirmation pour l'instant.");
  }
}
