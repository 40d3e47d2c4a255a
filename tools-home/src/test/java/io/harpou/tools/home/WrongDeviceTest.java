package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.vertx.task.VoiceTimers;
import io.harpou.testkit.ha.Houses;
import io.harpou.testkit.ha.RecordedServiceCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ways a voice command can reach the wrong device, each performed against the family house (four floors, two
 * lights called "Lamp", a lock, an alarm, cameras and a garage door), with the service calls the virtual home
 * received as the judge. A misheard room must be a question, never the whole house (Home Assistant issue #155024); "all the
 * lights" must reach lights and nothing else; one name on two devices must ask which; a timer command about a timer
 * must never start one.
 */
class WrongDeviceTest {

  private VirtualHome home;
  private Interpreter interpreter;
  private VoiceTimers timers;

  @BeforeEach
  void start() {
    home = new VirtualHome(new JsonObject(), Houses.family());
    timers = VoiceTimers.create(home.vertx, Optional::empty);
    home.timers = timers;
    interpreter = home.provider.interpreters(new JsonObject()).get(0);
  }

  @AfterEach
  void stop() {
    timers.close();
    home.close();
  }

  private Reply say(String text, String language, String conversation, String room) {
    Utterance u = new Utterance(text, language, conversation, null, room, room == null ? null : room + "-sat", null);
    Interpretation result = interpreter.interpret(u, home.context(u), home.executor()).await();
    return result.reply();
  }

  private List<RecordedServiceCall> changes() {
    return home.ha.calls().stream().filter(c -> !c.service().startsWith("get_")
        && !c.service().equals("search_media")).toList();
  }

  /**
   * Home Assistant issue #155024: "turn on the lights in the <misheard room>" turned on every light in the house. Here
   * a room or floor that is not known is a question naming the nearest one, and nothing is touched; answering yes
   * then acts on that room only.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "turn on the lights in the gargen | en | garden",
      "turn on the gargen lights | en | garden",
      "switch on all the lights in the bedrum | en | bedroom",
      "turn the lights on in the dinning room | en | dining room",
      "turn on the lights on the fourth floor | en | ",
      "turn on the lights in the pool house | en | ",
      "allume les lumières du jardain | fr | jardin",
      "allume toutes les lumières de la cuissine | fr | cuisine",
      "allume la lumière dans la salle de bian | fr | salle de bain",
      "allume les lumières au cinquième étage | fr | "})
  void should_ask_about_a_misheard_room_and_never_light_the_house(String text, String language, String nearest) {
    Reply reply = say(text, language, "misheard", null);

    assertThat(changes()).as("nothing touched for '%s'", text).isEmpty();
    assertThat(reply).isNotNull();
    assertThat(reply.continueConversation()).as("a question").isTrue();
    if (nearest != null) {
      assertThat(reply.speech()).containsIgnoringCase(nearest);
    }
  }

  /**
   * Home Assistant issue #155024's own example, as reported there: a house with no bathroom at all, and "turn on the bathroom lights". Home
   * Assistant 2025.10 turned on every light and said "Turned on the lights"; here nothing is touched and the user is
   * asked which room was meant.
   */
  @Test
  void should_not_light_the_house_for_the_lights_of_a_room_the_house_does_not_have() {
    JsonObject house = Houses.family();
    house.put("areas", new JsonArray(house.getJsonArray("areas").stream()
        .filter(a -> !"bathroom".equals(((JsonObject) a).getString("area_id"))).toList()));
    house.put("entities", new JsonArray(house.getJsonArray("entities").stream()
        .filter(e -> !"bathroom".equals(((JsonObject) e).getString("area_id"))).toList()));
    try (VirtualHome noBathroom = new VirtualHome(new JsonObject(), house)) {
      Interpreter local = noBathroom.provider.interpreters(new JsonObject()).get(0);
      for (String[] said : new String[][] {{"turn on the bathroom lights", "en"},
          {"turn on the lights in the bathroom", "en"}, {"allume les lumières de la salle de bain", "fr"}}) {
        Utterance u = new Utterance(said[0], said[1], "bathroom-" + said[1], null, null, null, null);
        Reply reply = local.interpret(u, noBathroom.context(u), noBathroom.executor()).await().reply();

        assertThat(noBathroom.ha.calls()).as("'%s' touched nothing", said[0]).isEmpty();
        assertThat(reply.continueConversation()).as("'%s' is a question", said[0]).isTrue();
        assertThat(reply.speech()).containsIgnoringCase(said[1].equals("en") ? "bathroom" : "salle de bain");
      }
    }
  }

  @Test
  void should_act_on_the_suggested_room_only_once_the_user_says_yes() {
    say("turn on the lights in the gargen", "en", "yes", null);
    say("yes", "en", "yes", null);

    assertThat(changes()).hasSize(1);
    assertThat(changes().get(0).service()).isEqualTo("turn_on");
    assertThat(changes().get(0).entityIds()).containsExactly("light.garden");
  }

  /** "All the lights" and "everything" reach lights (and the sweepable kinds), never a camera, lock, alarm or door. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "turn off all the lights | en | ",
      "turn off every light in the house | en | office",
      "éteins toutes les lumières | fr | ",
      "éteins toutes les lumières de la maison | fr | kitchen"})
  void should_turn_off_lights_and_only_lights_for_all_the_lights(String text, String language, String room) {
    say(text, language, "all", room);

    assertThat(changes()).isNotEmpty().allSatisfy(c -> assertThat(c.domain()).isEqualTo("light"));
    assertThat(changes().stream().flatMap(c -> c.entityIds().stream()).distinct().count()).isEqualTo(22);
  }

  @Test
  void should_leave_the_lock_camera_alarm_vacuum_and_garage_alone_when_turning_everything_off_in_a_room() {
    say("turn off everything in the hallway", "en", "hall", null);
    say("éteins tout dans le garage", "fr", "garage", null);

    assertThat(changes()).allSatisfy(c -> assertThat(c.domain()).isIn("light", "switch", "fan", "media_player"));
    assertThat(changes().stream().flatMap(c -> c.entityIds().stream()))
        .containsExactlyInAnyOrder("light.hallway", "light.garage");
  }

  /** Two lights are called "Lamp" (living room and office): the name alone asks which, in both languages. */
  @Test
  void should_ask_which_lamp_when_two_devices_share_the_name() {
    Reply en = say("turn on the lamp", "en", "lamp-en", null);
    Reply fr = say("allume la lampe", "fr", "lamp-fr", null);

    assertThat(changes()).isEmpty();
    assertThat(en.continueConversation()).isTrue();
    assertThat(en.speech()).containsIgnoringCase("living room").containsIgnoringCase("office");
    assertThat(fr.continueConversation()).isTrue();

    say("the one in the office", "en", "lamp-en", null);
    assertThat(changes()).hasSize(1);
    assertThat(changes().get(0).entityIds()).containsExactly("light.office_lamp");
  }

  /** A timer command about a timer never starts one, whether timers exist or not. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "add 5 minutes to my timer | en", "add five minutes to the pasta timer | en", "how much time is left | en",
      "how much time is left on the timer | en", "pause the timer | en", "resume my timer | en",
      "take 2 minutes off the timer | en", "cancel the timer | en", "stop the 10 minute timer | en",
      "cancel all timers | en", "when will the timer go off | en",
      "ajoute 5 minutes au minuteur | fr", "combien de temps reste-t-il | fr", "mets le minuteur en pause | fr",
      "enlève deux minutes au minuteur des pâtes | fr", "annule le minuteur | fr", "arrête tous les minuteurs | fr"})
  void should_never_start_a_timer_for_a_command_about_a_timer(String text, String language) {
    say(text, language, "none", "kitchen");
    assertThat(timers.list()).as("no timer existed: '%s' started none", text).isEmpty();

    timers.start(new TimerLength(null, 10, null), "pasta", null,
        new Utterance("set", "en", null, null, "kitchen", "kitchen-sat", null));
    int before = timers.list().size();
    say(text, language, "one", "kitchen");
    assertThat(timers.list().size()).as("'%s' with a timer running", text).isLessThanOrEqualTo(before);
  }
}
