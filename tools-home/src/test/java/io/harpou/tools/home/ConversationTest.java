package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.testkit.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local-intents interpreter over several turns against the demo house: answers to its own questions, players
 * chosen by what is playing, and the wording of replies.
 */
class ConversationTest {

  private VirtualHome home;
  private Interpreter interpreter;

  @BeforeEach
  void start() {
    home = new VirtualHome();
    interpreter = home.provider.interpreters(new JsonObject()).get(0);
  }

  @AfterEach
  void stop() {
    home.close();
  }

  private Reply say(String text, String language, String conversation, String room) {
    Utterance u = new Utterance(text, language, conversation, null, room, "satellite", null);
    Interpretation result = interpreter.interpret(u, home.context(u), home.executor()).await();
    return result.reply();
  }

  private void playing(String entityId, String state) {
    home.ha.setState(entityId, state);
    Await.until(entityId + " " + state + " in the client's cache",
        () -> home.client.state(entityId).map(s -> s.state().equals(state)).orElse(false));
  }

  @Test
  void should_finish_a_request_with_the_answer_to_its_question() {
    Reply question = say("turn on the light", "en", "c1", "living_room");
    assertThat(question.continueConversation()).isTrue();
    assertThat(question.speech()).contains("Living room lamp").contains("Living room ceiling");
    assertThat(home.calls).isEmpty();

    Reply done = say("the lamp", "en", "c1", "living_room");

    assertThat(done.type()).isEqualTo(Reply.Type.ACTION_DONE);
    assertThat(home.state("light.living_room_lamp")).isEqualTo("on");
    assertThat(home.state("light.living_room_ceiling")).isEqualTo("off");
  }

  @Test
  void should_take_the_kitchen_one_after_asking_which_light_in_which_room() {
    assertThat(say("turn on the light", "en", "c2", null).continueConversation()).isTrue();
    say("the kitchen one", "en", "c2", null);
    assertThat(home.state("light.kitchen")).isEqualTo("on");
    assertThat(home.calls).hasSize(1);
  }

  @Test
  void should_understand_a_french_answer_and_reply_with_the_article() {
    Reply question = say("allume la lumière", "fr", "c3", null);
    assertThat(question.speech()).startsWith("Quelle lumière");

    Reply done = say("celle de la cuisine", "fr", "c3", null);

    assertThat(home.state("light.kitchen")).isEqualTo("on");
    assertThat(done.speech()).isEqualTo("J'ai allumé la lumière de la cuisine.");
  }

  @Test
  void should_narrow_a_question_then_act_on_the_final_answer_or_both() {
    say("turn off the lights", "en", "c4", null);
    Reply narrower = say("the living room ones", "en", "c4", null);
    assertThat(narrower.continueConversation()).isTrue();
    assertThat(home.calls).isEmpty();
    home.ha.setState("light.living_room_lamp", "on");
    home.ha.setState("light.living_room_ceiling", "on");
    say("both", "en", "c4", null);
    assertThat(home.calls).hasSize(1);
    assertThat(home.calls.get(0).arguments().getJsonArray("entity_id").getList())
        .containsExactlyInAnyOrder("light.living_room_lamp", "light.living_room_ceiling");
  }

  @Test
  void should_not_take_an_answer_from_another_conversation_or_a_new_request_as_an_answer() {
    say("turn on the light", "en", "c5", "living_room");
    assertThat(say("the lamp", "en", "other", "living_room")).as("another conversation").isNull();

    say("turn on the light", "en", "c6", "living_room");
    say("turn off the kitchen light", "en", "c6", "living_room");
    assertThat(home.calls).hasSize(1);
    assertThat(home.calls.get(0).name()).isEqualTo("turn_off");
    assertThat(home.state("light.living_room_lamp")).as("the question was dropped").isEqualTo("on");
    assertThat(say("the ceiling", "en", "c6", "living_room")).as("no question pending any more").isNull();
  }

  @Test
  void should_call_off_a_question_when_told_never_mind() {
    say("turn on the light", "en", "c7", "living_room");
    Reply reply = say("never mind", "en", "c7", "living_room");
    assertThat(reply.speech()).isEqualTo("OK, I'll leave it.");
    assertThat(reply.continueConversation()).isFalse();
    assertThat(home.calls).isEmpty();
  }

  @Test
  void should_answer_which_room_for_the_temperature() {
    assertThat(say("what's the temperature", "en", "c8", null).speech()).isEqualTo("In which room?");
    Reply answer = say("in the bedroom", "en", "c8", null);
    assertThat(answer.speech()).contains("19.2").containsIgnoringCase("bedroom");
  }

  @Test
  void should_stop_the_player_that_is_playing_even_in_another_room() throws InterruptedException {
    playing("media_player.soundbar", "playing");

    say("stop the music", "en", "c9", "kitchen");

    assertThat(home.calls).hasSize(1);
    assertThat(home.calls.get(0).arguments().getValue("entity_id").toString()).contains("media_player.soundbar");
  }

  @Test
  void should_prefer_the_player_playing_in_the_speakers_room() throws InterruptedException {
    playing("media_player.soundbar", "playing");
    playing("media_player.kitchen_speaker", "playing");

    say("next song", "en", "c10", "kitchen");
    assertThat(home.calls.get(0).arguments().getValue("entity_id").toString())
        .contains("media_player.kitchen_speaker").doesNotContain("soundbar");

    home.calls.clear();
    Reply question = say("pause the music", "en", "c11", null);
    assertThat(question.continueConversation()).as("two players playing, no room").isTrue();
    assertThat(home.calls).isEmpty();
  }

  @Test
  void should_use_the_rooms_player_when_nothing_plays() {
    say("skip this song", "en", "c12", "kitchen");
    assertThat(home.calls).hasSize(1);
    assertThat(home.calls.get(0).arguments().getValue("entity_id").toString())
        .contains("media_player.kitchen_speaker");
  }

  @Test
  void should_answer_state_questions_with_the_room_at_the_end() {
    assertThat(say("are the lights on in the kitchen", "en", "c13", null).speech())
        .isEqualTo("No, Kitchen light is off.");
    assertThat(say("is the light on in the living room", "en", "c14", null).speech())
        .isEqualTo("No, Living room ceiling is off.");
    assertThat(say("est-ce que les lumières sont allumées dans le salon", "fr", "c15", null).speech())
        .startsWith("Non");
    assertThat(say("are any lights on", "en", "c16", null).speech())
        .isEqualTo("Yes, Living room lamp is on.");
  }

  @Test
  void should_pass_on_long_rambling_text_that_many_sentences_could_start_to_match() {
    IntentMatcher matcher = IntentMatcher.create(ExposedHome.create(home.client, ExposurePolicy.create(null)), null);
    String rambling = "set the light to the light to the light to the light to the light to the light to the light "
        + "to the light to the light to the light to the light to the light to the light to the light to fifty "
        + "fifty fifty fifty fifty fifty fifty fifty fifty fifty fifty percent on off is are in the kitchen";
    assertThat(rambling.length()).isLessThanOrEqualTo(300);

    assertThat(matcher.match(rambling, "en", "kitchen").isNotMine()).isTrue();
    assertThat(matcher.match(rambling.replace(" ", " de la "), "fr", null).isNotMine()).as("over 300 chars").isTrue();
    assertThat(matcher.match("turn on the kitchen light", "en", null).call().name()).isEqualTo("turn_on");
  }
}
