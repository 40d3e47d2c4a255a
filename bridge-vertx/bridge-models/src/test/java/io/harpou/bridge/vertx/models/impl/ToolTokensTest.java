package io.harpou.bridge.vertx.models.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tool definitions' tokens, remembered for the list offered every turn and counted again for another list. */
class ToolTokensTest {

  private static final TokenCountEstimator GPT = new OpenAiTokenCountEstimator("gpt-4o");

  private static ToolSpecification tool(String name, String description) {
    return ToolSpecification.builder().name(name).description(description)
        .parameters(JsonObjectSchema.builder().addStringProperty("entity_id", "the light").required("entity_id")
            .build())
        .build();
  }

  @Test
  void should_count_each_list_of_tools_as_sent_and_a_different_list_again() {
    List<ToolSpecification> household = List.of(tool("light_on", "Turns a light on."),
        tool("light_off", "Turns a light off."));
    List<ToolSpecification> one = List.of(tool("light_on", "Turns a light on."));
    ToolTokens tokens = new ToolTokens(GPT);

    int both = tokens.of(household);
    int single = tokens.of(one);

    assertThat(both).isEqualTo(GPT.estimateTokenCountInText(ToolTokens.asSent(household.get(0)))
        + GPT.estimateTokenCountInText(ToolTokens.asSent(household.get(1))));
    assertThat(single).isLessThan(both).isGreaterThan(0);
    assertThat(ToolTokens.asSent(one.get(0))).contains("light_on", "Turns a light on.", "\"entity_id\"");
    assertThat(tokens.of(household)).isEqualTo(both);
    assertThat(tokens.of(List.of())).isZero();
  }
}
