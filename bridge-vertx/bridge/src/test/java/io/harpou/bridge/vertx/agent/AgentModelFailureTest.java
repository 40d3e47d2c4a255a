package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model's server failing, over a real connection: the answer says what happened (an error, or no server), the
 * log says why, and {@code /health} shows the agent degraded until the model answers again.
 */
class AgentModelFailureTest extends AgentTestBase {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream stderr;

  @BeforeEach
  void captureLog() {
    stderr = System.err;
    System.setErr(new PrintStream(new TeeStream(stderr, log), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(stderr);
  }

  private JsonObject health() {
    return bridge.health().toJson();
  }

  @Test
  void should_answer_a_server_error_as_an_error_log_its_cause_and_show_it_until_the_model_answers_again() {
    start(agentSection(true));
    ollama.enqueue(OllamaReply.error(500, "model runner crashed"));

    Reply reply = ask("tell me a story", "m1");

    assertThat(reply.type()).isEqualTo(Reply.Type.ERROR);
    assertThat(reply.speech()).isEqualTo("Sorry, the language model (ollama llama3.2 at " + ollama.baseUrl()
        + ") returned an error: HTTP 500: model runner crashed.");
    assertThat(health().getString("status")).isEqualTo("degraded");
    assertThat(health().getJsonObject("problems").getString("agent")).startsWith("degraded: ")
        .contains("HTTP 500: model runner crashed");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("The language model (ollama llama3.2 at "
        + ollama.baseUrl() + ") failed: HTTP 500: model runner crashed");

    ask("tell me another story", "m1");

    assertThat(health().getString("status")).isEqualTo("up");
    assertThat(health().getJsonObject("components").getJsonObject("agent").getString("state")).isEqualTo("ready");
  }

  @Test
  void should_say_the_model_cannot_be_reached_in_the_users_language_when_its_server_refuses_connections() {
    start(agentSection(true));
    String where = "ollama llama3.2 at " + ollama.baseUrl();
    ollama.close().await();

    Reply english = ask("tell me a story", "m2");
    Reply french = ask(new Utterance("raconte-moi une histoire", "fr", "m3", Channel.CONSOLE, "kitchen", null,
        null));

    assertThat(english.speech()).isEqualTo("Sorry, I can't reach the language model (" + where + ").");
    assertThat(french.speech()).isEqualTo("Désolé, je n'arrive pas à joindre le modèle de langage (" + where + ").");
    assertThat(health().getJsonObject("problems").getString("agent")).contains("cannot connect");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("The language model (" + where + ") failed: cannot"
        + " connect");
  }

  /** Writes to the console and keeps a copy, so the test reads the log without hiding it. */
  private static final class TeeStream extends java.io.OutputStream {
    private final PrintStream console;
    private final ByteArrayOutputStream copy;

    TeeStream(PrintStream console, ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) {
      console.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      console.write(bytes, offset, length);
      copy.write(bytes, offset, length);
    }
  }
}
