package io.harpou.bridge.vertx.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferedToolsTest {

  private final OfferedTools offered = new OfferedTools();
  private final ToolSpec light = spec("light_on", "entity_id");
  private final ToolSpec weather = spec("mcp_weather", "city");

  @Test
  void should_offer_a_tool_that_came_and_drop_one_that_went() {
    offered.of(List.of(light));

    assertThat(names(offered.of(List.of(light, weather)))).containsExactly("light_on", "mcp_weather");
    assertThat(names(offered.of(List.of(weather)))).containsExactly("mcp_weather");
  }

  @Test
  void should_show_the_model_a_tool_s_new_parameters_when_its_server_changes_them() {
    offered.of(List.of(light, weather));
    ToolSpec changed = spec("mcp_weather", "postcode");

    ToolSpecification shown = offered.of(List.of(light, changed)).get(1);

    assertThat(shown.parameters().properties()).containsOnlyKeys("postcode");
  }

  @Test
  void should_answer_an_unchanged_list_with_last_turn_s_forms() {
    List<ToolSpecification> first = offered.of(List.of(light, weather));

    List<ToolSpecification> second = offered.of(List.of(light, weather));

    // The same list, so the model pool counts its tokens once.
    assertThat(second).isSameAs(first);
    assertThat(second).isEqualTo(List.of(ToolSchemas.toSpecification(light), ToolSchemas.toSpecification(weather)));
  }

  private static ToolSpec spec(String name, String parameter) {
    JsonObject schema = new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put(parameter, new JsonObject().put("type", "string")))
        .put("required", new JsonArray().add(parameter));
    return new ToolSpec(name, "Does " + name, schema, Risk.READ, false);
  }

  private static List<String> names(List<ToolSpecification> specifications) {
    return specifications.stream().map(ToolSpecification::name).toList();
  }
}
