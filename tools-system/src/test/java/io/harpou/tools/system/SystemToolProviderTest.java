package io.harpou.tools.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemToolProviderTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_be_found_by_service_loader_with_its_tools() {
    ToolProvider provider = ServiceLoader.load(ToolProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.id().equals("system")).findFirst().orElseThrow();

    assertThat(provider.tools(new JsonObject())).extracting(Tool::name).contains("get_time");
  }

  @Test
  void should_tell_the_time_in_the_requested_zone() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T08:30:00Z"), ZoneOffset.UTC);
    ToolContext context = ToolContext.builder(vertx, Utterance.of("what time is it in Paris")).build();

    ToolResult result = new GetTimeTool(clock)
        .call(ToolCall.of("get_time", new JsonObject().put("timezone", "Europe/Paris")), context).await();

    assertThat(result.error()).isFalse();
    assertThat(result.json().getString("iso")).isEqualTo("2026-11-21T09:30+01:00");
    assertThat(result.json().getString("spoken")).contains("9:30");
  }

  @Test
  void should_answer_an_unknown_zone_with_an_error_the_model_can_read() {
    ToolContext context = ToolContext.builder(vertx, Utterance.of("time on Mars")).build();

    ToolResult result = new GetTimeTool(Clock.systemUTC())
        .call(ToolCall.of("get_time", new JsonObject().put("timezone", "Mars/Olympus")), context).await();

    assertThat(result.error()).isTrue();
    assertThat(result.text()).contains("Mars/Olympus");
  }
}
