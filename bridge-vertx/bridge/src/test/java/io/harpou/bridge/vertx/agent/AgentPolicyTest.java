package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AgentPolicyTest extends AgentTestBase {

  private void scriptUnlock() {
    ollama.addRule(OllamaMatch.userContains("unlock").thenReply(OllamaReply.toolCall("unlock",
        new JsonObject().put("entity_id", "lock.front_door"))));
    ollama.addRule(OllamaMatch.toolResultContains("refused").thenReply(OllamaReply.text("I'm not allowed to.")));
  }

  @Test
  void should_wait_for_a_yes_before_unlocking_and_audit_both_steps() {
    start(agentSection(true));
    scriptUnlock();

    Reply question = ask("unlock the front door", "p1");

    assertThat(question.speech()).isEqualTo("Unlock the front door? Say yes to confirm.");
    assertThat(question.continueConversation()).isTrue();
    assertThat(state("lock.front_door")).isEqualTo("locked");

    Reply done = ask("yes", "p1");

    assertThat(done.speech()).isEqualTo("Done.");
    assertThat(done.type()).isEqualTo(Reply.Type.ACTION_DONE);
    assertThat(state("lock.front_door")).isEqualTo("unlocked");
    assertThat(audit("unlock")).extracting(AuditEntry::outcome).containsExactly("ok", "confirmation_required");
    assertThat(audit("unlock")).allSatisfy(row -> assertThat(row.risk()).isEqualTo("protected"));
  }

  @Test
  void should_ask_in_french_with_the_entitys_french_name_and_act_on_oui() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("déverrouille").thenReply(OllamaReply.toolCall("unlock",
        new JsonObject().put("entity_id", "lock.front_door"))));

    Reply question = ask(new Utterance("déverrouille la porte d'entrée", "fr", "p5", Channel.CONSOLE, "hallway",
        null, null));

    assertThat(question.speech()).isEqualTo("Déverrouiller la porte d'entrée ? Dites oui pour confirmer.");
    assertThat(question.continueConversation()).isTrue();
    assertThat(state("lock.front_door")).isEqualTo("locked");

    Reply done = ask(new Utterance("oui", "fr", "p5", Channel.CONSOLE, "hallway", null, null));

    assertThat(done.speech()).isEqualTo("C'est fait.");
    assertThat(state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_cancel_the_pending_call_on_anything_but_yes() {
    start(agentSection(true));
    scriptUnlock();
    ask("unlock the front door", "p2");

    Reply reply = ask("no", "p2");
    Reply late = ask("yes", "p2");

    assertThat(reply.speech()).isEqualTo("OK, I won't.");
    assertThat(late.speech()).isNotEqualTo("Done.");
    assertThat(state("lock.front_door")).isEqualTo("locked");
  }

  @Test
  void should_refuse_protected_calls_from_a_denied_channel_and_tell_the_model() {
    start(agentSection(true).put("policy", new JsonObject().put("channels", new JsonObject()
        .put("satellite", new JsonObject().put("deny", new JsonArray().add("protected"))))));
    scriptUnlock();
    ollama.addRule(OllamaMatch.toolResult("unlock").thenReply(OllamaReply.text("I'm not allowed to.")));

    Reply reply = ask(new Utterance("unlock the front door", "en", "p3", Channel.SATELLITE, "hallway", "sat1",
        null));

    assertThat(reply.speech()).isEqualTo("I'm not allowed to.");
    assertThat(state("lock.front_door")).isEqualTo("locked");
    assertThat(audit("unlock")).singleElement().satisfies(row -> {
      assertThat(row.outcome()).isEqualTo("denied");
      assertThat(row.channel()).isEqualTo("satellite");
      assertThat(row.room()).isEqualTo("hallway");
    });
  }

  @Test
  void should_refuse_dangerous_tools_unless_enabled() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("wipe").thenReply(OllamaReply.toolCall("wipe_disk", new JsonObject())));
    ollama.addRule(OllamaMatch.toolResult("wipe_disk").thenReply(OllamaReply.text("I can't do that.")));

    Reply reply = ask("wipe the disk", "p4");

    assertThat(reply.speech()).isEqualTo("I can't do that.");
    assertThat(audit("wipe_disk")).extracting(AuditEntry::outcome).containsExactly("denied");
    assertThat(ollama.requests().get(1).messages().encode()).contains("disabled on this hub");
  }
}
