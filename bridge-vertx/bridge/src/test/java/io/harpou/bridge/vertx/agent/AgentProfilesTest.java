package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

/** Agent profiles over {@code /api/profiles}, and the agent and the policy point honouring them. */
class AgentProfilesTest extends HttpAgentTestBase {

  private static final JsonObject KITCHEN = new JsonObject().put("id", "kitchen").put("name", "Chef")
      .put("persona", "You are Chef, a patient cooking helper.").put("language", "fr")
      .put("tools", new JsonArray().add("count_*")).put("rooms", new JsonArray().add("kitchen"));

  @Test
  void should_create_read_replace_and_delete_a_profile_and_audit_each_change() {
    start(agentSection(false));

    HttpResponse<Buffer> created = post("/api/profiles", KITCHEN);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject stored = created.bodyAsJsonObject();
    assertThat(stored.getString("updated_at")).isNotBlank();
    assertThat(get("/api/profiles/kitchen").bodyAsJsonObject().getString("persona")).contains("Chef");

    HttpResponse<Buffer> replaced = put("/api/profiles/kitchen", stored.copy().put("name", "Chef Mochi"));
    assertThat(replaced.statusCode()).as(replaced.bodyAsString()).isEqualTo(200);
    assertThat(get("/api/profiles").bodyAsJsonObject().getJsonArray("profiles").getJsonObject(0).getString("name"))
        .isEqualTo("Chef Mochi");

    HttpResponse<Buffer> deleted = WebClient.create(vertx).delete(bridge.httpPort(), "127.0.0.1",
        "/api/profiles/kitchen").send().await();
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(get("/api/profiles/kitchen").statusCode()).isEqualTo(404);
    assertThat(audit("profiles").stream().map(AuditEntry::outcome)).contains("created", "updated", "deleted");
  }

  @Test
  void should_refuse_a_change_made_from_a_version_someone_else_replaced() {
    start(agentSection(false));
    JsonObject first = post("/api/profiles", KITCHEN).bodyAsJsonObject();
    put("/api/profiles/kitchen", first.copy().put("name", "Chef One"));

    HttpResponse<Buffer> stale = put("/api/profiles/kitchen", first.copy().put("name", "Chef Two"));

    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(get("/api/profiles/kitchen").bodyAsJsonObject().getString("name")).isEqualTo("Chef One");
  }

  @Test
  void should_refuse_invalid_profiles_with_the_field_at_fault_and_store_nothing() {
    start(agentSection(false));

    HttpResponse<Buffer> unknownTool = post("/api/profiles", KITCHEN.copy().put("tools", new JsonArray()
        .add("shell_exec")));
    HttpResponse<Buffer> badId = post("/api/profiles", KITCHEN.copy().put("id", "../etc"));
    HttpResponse<Buffer> noPersona = post("/api/profiles", KITCHEN.copy().putNull("persona"));
    HttpResponse<Buffer> notAList = post("/api/profiles", KITCHEN.copy().put("tools", "count_files"));
    HttpResponse<Buffer> unknownModel = post("/api/profiles", KITCHEN.copy().put("model", "gpt-9"));

    assertThat(unknownTool.statusCode()).isEqualTo(400);
    assertThat(unknownTool.bodyAsString()).contains("shell_exec");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.bodyAsString()).contains("id");
    assertThat(noPersona.statusCode()).isEqualTo(400);
    assertThat(notAList.statusCode()).isEqualTo(400);
    assertThat(unknownModel.statusCode()).isEqualTo(400);
    assertThat(get("/api/profiles").bodyAsJsonObject().getJsonArray("profiles")).isEmpty();
  }

  @Test
  void should_list_each_profile_as_a_model_for_chat_front_ends() {
    start(agentSection(false));
    post("/api/profiles", KITCHEN);

    JsonArray models = get("/v1/models").bodyAsJsonObject().getJsonArray("data");

    assertThat(models.stream().map(m -> ((JsonObject) m).getString("id"))).contains("kitchen");
  }

  @Test
  void should_refuse_at_the_policy_point_a_tool_the_profile_does_not_allow_and_audit_it() {
    start(agentSection(true));
    post("/api/profiles", KITCHEN);
    // The model, answering as the kitchen's agent, asks for a tool its profile does not grant.
    ollama.enqueue(OllamaReply.toolCall("light_on", new JsonObject().put("entity_id", "light.kitchen")));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("I could not.")));

    HttpResponse<Buffer> answer = post("/api/conversation/process", new JsonObject()
        .put("text", "allume la lumière").put("agent_id", "kitchen"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(state("light.kitchen")).isEqualTo("off");
    AuditEntry row = audit("light_on").get(0);
    assertThat(row.outcome()).isEqualTo("denied");
    assertThat(row.detail()).contains("Chef");
    assertThat(ollama.requests().get(0).messages().encode()).contains("You are Chef");
    assertThat(ollama.requests().get(0).toolNames()).contains("count_files").doesNotContain("light_on");
  }

  @Test
  void should_hold_a_profile_to_its_list_for_the_system_tools_and_the_answer_to_a_repair() {
    start(agentSection(true));
    post("/api/profiles", KITCHEN);
    // The kitchen's agent, granted count_* only, reaches for the host's tools and tries to approve a repair.
    ollama.enqueue(OllamaReply.toolCall("service_control", new JsonObject().put("unit", "nginx.service")
        .put("action", "stop")));
    ollama.enqueue(OllamaReply.toolCall("answer_repair", new JsonObject().put("alert_id", "disk:/")
        .put("answer", "yes")));
    ollama.fallback(OllamaReply.text("I could not."));

    HttpResponse<Buffer> answer = post("/api/conversation/process", new JsonObject()
        .put("text", "arrête nginx et répare le disque").put("agent_id", "kitchen"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(ollama.requests().get(0).toolNames()).contains("count_files")
        .doesNotContain("service_control", "system_info", "answer_repair", "list_alerts");
    assertThat(audit("service_control").stream().map(AuditEntry::outcome)).containsExactly("denied");
    // Refused before anyone is asked: a profile without answer_repair cannot even raise the question.
    assertThat(audit("answer_repair").stream().map(AuditEntry::outcome)).containsExactly("denied");
    assertThat(answer.bodyAsString()).doesNotContain("Say yes", "Dites oui");
  }

  @Test
  void should_answer_an_unknown_agent_id_with_a_clear_error() {
    start(agentSection(false));
    post("/api/profiles", KITCHEN);

    HttpResponse<Buffer> answer = post("/api/conversation/process", new JsonObject().put("text", "hello")
        .put("agent_id", "garage"));

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.bodyAsString()).contains("kitchen");
  }

  @Test
  void should_generate_a_profile_from_a_description_for_review_without_saving_it() {
    start(agentSection(true));
    ollama.enqueue(OllamaReply.text("Here it is:\n```json\n" + new JsonObject().put("id", "Chef cuisine")
        .put("name", "Chef").put("persona", "Tu es Chef, un aide patient en cuisine.").put("language", "fr")
        .put("tools", new JsonArray().add("count_files")).put("rooms", new JsonArray().add("kitchen")).encode()
        + "\n```"));

    HttpResponse<Buffer> generated = post("/api/profiles/generate", new JsonObject().put("description",
        "a patient cooking helper for the kitchen, in French"));

    assertThat(generated.statusCode()).as(generated.bodyAsString()).isEqualTo(200);
    JsonObject profile = generated.bodyAsJsonObject().getJsonObject("profile");
    assertThat(profile.getString("id")).isEqualTo("chef-cuisine");
    assertThat(profile.getJsonArray("tools")).containsExactly("count_files");
    assertThat(ollama.requests().get(0).lastUserMessage()).contains("cooking helper");
    assertThat(get("/api/profiles").bodyAsJsonObject().getJsonArray("profiles")).isEmpty();
  }

  @Test
  void should_strip_the_tools_a_model_grants_itself_beyond_what_is_allowed() {
    start(agentSection(true));
    ollama.enqueue(OllamaReply.text(new JsonObject().put("id", "helper").put("name", "Helper")
        .put("persona", "You help.").put("tools", new JsonArray().add("light_on").add("wipe_disk")
            .add("shell_exec").add("*")).encode()));

    HttpResponse<Buffer> generated = post("/api/profiles/generate", new JsonObject().put("description",
        "a helper that can do anything at all, including wiping the disk"));

    assertThat(generated.statusCode()).as(generated.bodyAsString()).isEqualTo(200);
    JsonArray tools = generated.bodyAsJsonObject().getJsonObject("profile").getJsonArray("tools");
    assertThat(tools).contains("light_on", "count_files").doesNotContain("wipe_disk", "shell_exec", "*");
    assertThat(generated.bodyAsJsonObject().getJsonArray("warnings").encode()).contains("wipe_disk", "shell_exec");
  }

  @Test
  void should_answer_a_model_that_talks_garbage_with_a_clear_error_and_save_nothing() {
    start(agentSection(true));
    ollama.enqueue(OllamaReply.text("I am a teapot { not json"));
    ollama.enqueue(OllamaReply.text("{\"name\": \"\", \"persona\": 42}"));

    HttpResponse<Buffer> prose = post("/api/profiles/generate", new JsonObject().put("description", "a helper"));
    HttpResponse<Buffer> invalid = post("/api/profiles/generate", new JsonObject().put("description", "a helper"));
    HttpResponse<Buffer> empty = post("/api/profiles/generate", new JsonObject().put("description", " "));

    assertThat(prose.statusCode()).isEqualTo(502);
    assertThat(prose.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("teapot");
    assertThat(invalid.statusCode()).isEqualTo(502);
    assertThat(invalid.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("model_answer_unusable");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(get("/api/profiles").bodyAsJsonObject().getJsonArray("profiles")).isEmpty();
  }

  @Test
  void should_answer_a_room_with_its_profile_and_a_chat_client_with_the_profile_it_picks_as_model() {
    start(agentSection(true));
    post("/api/profiles", KITCHEN);
    post("/api/profiles", new JsonObject().put("id", "butler").put("name", "Jeeves")
        .put("persona", "You are Jeeves, a formal butler.").put("tools", new JsonArray().add("light_on")));
    ollama.fallback(OllamaReply.text("Certainly."));

    ask("what can I cook tonight", "c-kitchen");
    post("/v1/chat/completions", new JsonObject().put("model", "butler").put("messages", new JsonArray()
        .add(new JsonObject().put("role", "user").put("content", "good evening"))));

    assertThat(ollama.requests().get(0).messages().encode()).contains("You are Chef");
    assertThat(ollama.requests().get(0).toolNames()).doesNotContain("light_on");
    assertThat(ollama.requests().get(1).messages().encode()).contains("You are Jeeves").doesNotContain("Chef");
    assertThat(ollama.requests().get(1).toolNames()).containsExactly("light_on");
  }

  @Test
  void should_never_serve_a_profiles_turn_from_the_response_cache_nor_keep_its_answer_there() {
    start(agentSection(true).put("cache", new JsonObject().put("enabled", true).put("threshold", 0.9)
        .put("embeddings", new JsonObject().put("provider", "ollama").put("url", ollama.baseUrl())
            .put("model", "all-minilm"))));
    post("/api/profiles", KITCHEN);
    ollama.enqueue(OllamaReply.text("Lima, mon chef."));
    ollama.enqueue(OllamaReply.text("Lima."));
    ollama.enqueue(OllamaReply.text("Lima, encore, mon chef."));
    ollama.fallback(OllamaReply.text("A question too many."));

    // The kitchen's profile, the hub's own agent in the hall, the kitchen again, and the hall again.
    Reply kitchen = ask(peru("kitchen", "p1"));
    Reply hall = ask(peru("hall", "p2"));
    Reply kitchenAgain = ask(peru("kitchen", "p3"));
    Reply hallAgain = ask(peru("hall", "p4"));

    // The hall was not served the kitchen's answer, the kitchen not the hall's; the hall's own was cached.
    assertThat(kitchen.speech()).isEqualTo("Lima, mon chef.");
    assertThat(hall.speech()).isEqualTo("Lima.");
    assertThat(kitchenAgain.speech()).isEqualTo("Lima, encore, mon chef.");
    assertThat(hallAgain.speech()).isEqualTo("Lima.");
    assertThat(ollama.requests().stream().filter(r -> r.path().equals("/api/chat"))).hasSize(3);
  }

  private static Utterance peru(String room, String conversation) {
    return new Utterance("What is the capital of Peru?", "en", conversation, Channel.CONSOLE, room, null, "ada");
  }

  private HttpResponse<Buffer> get(String path) {
    return WebClient.create(vertx).get(bridge.httpPort(), "127.0.0.1", path).send().await();
  }

  private HttpResponse<Buffer> put(String path, JsonObject body) {
    return WebClient.create(vertx).put(bridge.httpPort(), "127.0.0.1", path).sendJsonObject(body).await();
  }
}
