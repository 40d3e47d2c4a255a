package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies are JSON or nothing: any other content type is a client error answered 415 in JSON before any parser reads
 * it, and client errors leave no stack trace in the log.
 */
class BodyTypeTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_answer_415_in_json_to_every_body_that_is_not_json_and_log_no_stack_trace() throws Exception {
    TestContext context = new TestContext(vertx, dataDir, new JsonObject());
    ScriptedAgent agent = new ScriptedAgent(vertx, u -> Reply.answer("ok", u.conversationId()));
    context.agent(agent);
    context.startHttp().await();
    String form = "text=" + "turn+on+the+light+".repeat(300);
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (String[] sent : new String[][] {
          {"/api/conversation/process", "application/x-www-form-urlencoded", form},
          {"/v1/chat/completions", "application/x-www-form-urlencoded", form},
          {"/api/conversation/process", "text/plain", "{\"text\":\"turn on the light\"}"},
          {"/api/conversation/process", "multipart/form-data; boundary=x",
              "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello\r\n--x--\r\n"},
          {"/api/conversation/process", null, "{\"text\":\"turn on the light\"}"}}) {
        RawHttp.Response response = RawHttp.exchange(context.httpPort(), "POST", sent[0],
            sent[1] == null ? Map.of() : Map.of("Content-Type", sent[1]), sent[2]);

        assertThat(response.status()).as(sent[1]).isEqualTo(415);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
            .isEqualTo("unsupported_media_type");
      }
      RawHttp.Response badHandshake = RawHttp.exchange(context.httpPort(), "GET", "/api/events",
          Map.of("Upgrade", "websocket", "Connection", "Upgrade"), null);
      assertThat(badHandshake.status()).isEqualTo(400);
    } finally {
      System.setErr(stderr);
    }

    assertThat(agent.heard).isEmpty();
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
