package io.harpou.bridge.vertx.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

  @Test
  void should_discover_installed_providers_through_service_loader() {
    ToolRegistry registry = ToolRegistry.load(new JsonObject());

    assertThat(registry.providers()).contains("system");
    assertThat(registry.tool("get_time")).isPresent();
    assertThat(registry.providerOf("get_time")).contains("system");
    assertThat(registry.specs()).extracting(ToolSpec::name).contains("get_time");
  }

  @Test
  void should_refuse_two_tools_with_one_name_naming_both_providers() {
    ToolRegistry.Builder builder = ToolRegistry.builder(new JsonObject()).discover()
        .add(new FixedProvider("clock", "get_time"));

    assertThatThrownBy(builder::build).isInstanceOf(BridgeException.class)
        .hasMessageContaining("get_time").hasMessageContaining("'system'").hasMessageContaining("'clock'");
  }

  @Test
  void should_enable_only_the_configured_providers_and_hand_them_their_section() {
    FixedProvider custom = new FixedProvider("custom", "say_hello");
    JsonObject config = new JsonObject().put("enabled", new JsonArray().add("custom"))
        .put("custom", new JsonObject().put("greeting", "bonjour"));

    ToolRegistry registry = ToolRegistry.builder(config).discover().add(custom).build();

    assertThat(registry.providers()).containsExactly("custom");
    assertThat(registry.tool("get_time")).isEmpty();
    assertThat(custom.lastConfig.getString("greeting")).isEqualTo("bonjour");
  }

  @Test
  void should_say_which_enabled_provider_is_missing() {
    JsonObject config = new JsonObject().put("enabled", new JsonArray().add("weather"));

    assertThatThrownBy(() -> ToolRegistry.load(config)).hasMessageContaining("'weather'")
        .hasMessageContaining("system");
  }

  private static final class FixedProvider implements ToolProvider {
    private final String id;
    private final String toolName;
    private JsonObject lastConfig;

    FixedProvider(String id, String toolName) {
      this.id = id;
      this.toolName = toolName;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<Tool> tools(JsonObject config) {
      lastConfig = config;
      ToolSpec spec = ToolSpec.of(toolName, "A test tool.", Risk.READ);
      return List.of(new Tool() {
        @Override
        public ToolSpec spec() {
          return spec;
        }

        @Override
        public Future<ToolResult> call(ToolCall call, ToolContext context) {
          return Tool.done(ToolResult.ok(config.getString("greeting", "hi")));
        }
      });
    }
  }
}
