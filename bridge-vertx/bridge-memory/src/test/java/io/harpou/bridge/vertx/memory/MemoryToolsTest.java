package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The memory tools and interpreter as the agent uses them: found by ServiceLoader, run through an executor. */
class MemoryToolsTest extends MemoryTestSupport {

  private MemoryService store;
  private ToolRegistry registry;
  private final List<String> executed = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    DocumentLibraryTest.writePdf(docs.resolve("boiler.pdf"), List.of(List.of("Boiler manual. Keep this booklet near the appliance.",
        "Installation must be done by a qualified engineer."),
        List.of("Low boiler pressure: if the pressure drops below 1 bar, open the filling loop",
            "until the gauge reads 1.5 bar.")));
    store = open(new MemoryOptions().setDocsDir(docs.toString()));
    store.documents().sync().await();
    registry = ToolRegistry.builder(new JsonObject().put("enabled", new io.vertx.core.json.JsonArray().add("memory")))
        .discover().build();
  }

  private ToolContext context(Utterance utterance) {
    return ToolContext.builder(vertx, utterance).memory(store).build();
  }

  private final ToolGate executor = (call, utterance) -> {
    executed.add(call.name());
    return registry.tool(call.name()).orElseThrow().call(call, context(utterance));
  };

  private ToolResult call(String tool, JsonObject args, Utterance utterance) {
    return registry.tool(tool).orElseThrow().call(ToolCall.of(tool, args), context(utterance)).await();
  }

  private Reply ask(String text, String language) {
    Utterance u = new Utterance(text, language, "conv-1", null, "kitchen", null, "alice");
    Interpreter interpreter = registry.interpreters().stream().filter(i -> i.id().equals("memory")).findFirst()
        .orElseThrow();
    return interpreter.interpret(u, context(u), executor).await().handledReply().orElse(null);
  }

  @Test
  void should_offer_the_five_memory_tools_and_the_interpreter() {
    assertThat(registry.tools()).extracting(Tool::name).contains("memory_store", "memory_recall", "memory_list",
        "memory_delete", "search_documents");
    assertThat(registry.providerOf("memory_store")).contains("memory");
  }

  @Test
  void should_store_for_the_speaker_and_recall_through_the_tools() {
    Utterance alice = new Utterance("x", "en", "c", null, "office", null, "alice");
    ToolResult stored = call("memory_store", new JsonObject().put("text", "Prefers the office at 20 degrees")
        .put("scope", "person"), alice);
    ToolResult roomNote = call("memory_store", new JsonObject().put("text", "The office window sticks")
        .put("scope", "room").put("ttl_days", 7), alice);

    assertThat(stored.error()).isFalse();
    assertThat(stored.json().getJsonObject("stored").getString("subject")).isEqualTo("alice");
    assertThat(roomNote.json().getJsonObject("stored").getString("subject")).isEqualTo("office");
    assertThat(roomNote.json().getJsonObject("stored").getString("expires_at")).isNotNull();
    ToolResult recalled = call("memory_recall", new JsonObject().put("query", "what temperature does Alice like")
        .put("limit", 1), alice);
    assertThat(recalled.json().getJsonArray("memories").getJsonObject(0).getString("text"))
        .isEqualTo("Prefers the office at 20 degrees");
    assertThat(call("memory_list", new JsonObject().put("scope", "room"), alice).json().getJsonArray("memories"))
        .hasSize(1);
  }

  @Test
  void should_reject_bad_arguments_and_report_unknown_ids_to_the_model() {
    Utterance u = Utterance.of("x");
    Tool store = registry.tool("memory_store").orElseThrow();
    assertThatThrownBy(() -> store.call(ToolCall.of("memory_store", new JsonObject()), context(u)).await())
        .isInstanceOf(ToolArgumentsException.class);
    assertThatThrownBy(() -> store.call(ToolCall.of("memory_store", new JsonObject().put("text", "x")
        .put("scope", "galaxy")), context(u)).await()).isInstanceOf(ToolArgumentsException.class);
    ToolResult unknown = call("memory_delete", new JsonObject().put("id", "nope"), u);
    assertThat(unknown.error()).isTrue();
    assertThat(unknown.text()).contains("nope");
    ToolResult noMemory = registry.tool("memory_recall").orElseThrow().call(ToolCall.of("memory_recall",
        new JsonObject().put("query", "x")), ToolContext.builder(vertx, u).build()).await();
    assertThat(noMemory.error()).isTrue();
  }

  @Test
  void should_forget_a_whole_scope_through_the_delete_tool() {
    store.remember(new Memory(null, "The nursery lamp is too bright", MemoryScope.ROOM, "nursery", null, null, null,
        null)).await();
    store.remember(Memory.of("The bins go out on Tuesday")).await();

    ToolResult result = call("memory_delete", new JsonObject().put("scope", "room").put("all", true),
        Utterance.of("x"));

    assertThat(result.json().getInteger("forgotten")).isEqualTo(1);
    assertThat(store.list(null, 10).await()).extracting(Memory::text).containsExactly("The bins go out on Tuesday");
  }

  @Test
  void should_cite_document_passages() {
    ToolResult result = call("search_documents", new JsonObject().put("query", "the boiler pressure is low")
        .put("limit", 1), Utterance.of("x"));

    JsonObject passage = result.json().getJsonArray("passages").getJsonObject(0);
    assertThat(passage.getString("citation")).isEqualTo("boiler.pdf, page 2");
    assertThat(passage.getString("text")).contains("filling loop");
  }

  @Test
  void should_remember_recall_and_forget_by_voice_in_english_and_french() {
    Reply remembered = ask("Remember that the cat is called Mochi.", "en");
    assertThat(remembered.speech()).isEqualTo("OK, I'll remember that the cat is called Mochi.");
    assertThat(store.list(null, 10).await()).extracting(Memory::text).contains("The cat is called Mochi");

    Reply retenu = ask("Retiens que le code du portail est 1187", "fr");
    assertThat(retenu.speech()).startsWith("D'accord, je retiens que le code du portail est 1187");

    assertThat(ask("What do you know about the cat?", "en").speech()).startsWith("Here is what I know: ")
        .contains("The cat is called Mochi");
    assertThat(ask("Que sais-tu du portail ?", "fr").speech()).startsWith("Voici ce que je sais : ")
        .contains("1187");

    assertThat(ask("Forget that the cat is called Mochi", "en").speech()).isEqualTo("OK, I've forgotten that.");
    assertThat(ask("Oublie le code du portail", "fr").speech()).isEqualTo("C'est oublié.");
    assertThat(store.list(null, 10).await()).isEmpty();
    assertThat(ask("Forget the colour of the front door", "en").speech())
        .isEqualTo("I didn't find anything like that to forget.");
    assertThat(executed).containsExactly("memory_store", "memory_store", "memory_recall", "memory_recall",
        "memory_delete", "memory_delete", "memory_delete");
  }

  @Test
  void should_leave_other_utterances_to_the_next_interpreter() {
    assertThat(ask("Turn on the kitchen light", "en")).isNull();
    assertThat(ask("Remember", "en")).isNull();
    assertThat(executed).isEmpty();
  }
}
