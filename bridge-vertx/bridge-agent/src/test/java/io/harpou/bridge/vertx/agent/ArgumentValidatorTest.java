package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.agent.impl.ArgumentValidator;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ArgumentValidatorTest {

  private static final JsonObject SCHEMA = new JsonObject("""
      {"type": "object", "required": ["entity_id"], "properties": {
        "entity_id": {"type": "string"},
        "brightness": {"type": "integer", "minimum": 0, "maximum": 100},
        "mode": {"type": "string", "enum": ["warm", "cold"]},
        "ids": {"type": "array", "items": {"type": "string"}}}}""");

  @Test
  void should_accept_fitting_arguments_and_integral_numbers() {
    assertThat(ArgumentValidator.validate(SCHEMA, new JsonObject("{\"entity_id\": \"light.a\", \"brightness\": 40.0,"
        + " \"mode\": \"warm\", \"ids\": [\"x\"]}"))).isEmpty();
  }

  @Test
  void should_name_every_problem() {
    assertThat(ArgumentValidator.validate(SCHEMA, new JsonObject("{\"brightness\": 140, \"mode\": \"hot\","
        + " \"ids\": [1]}")))
        .containsExactlyInAnyOrder("arguments.entity_id is required",
            "arguments.brightness must be at most 100, got 140",
            "arguments.mode must be one of [\"warm\",\"cold\"], got \"hot\"",
            "arguments.ids[0] must be a string, got 1");
  }

  @Test
  void should_reject_wrong_types() {
    assertThat(ArgumentValidator.validate(SCHEMA, new JsonObject("{\"entity_id\": 3, \"brightness\": \"high\"}")))
        .containsExactlyInAnyOrder("arguments.entity_id must be a string, got 3",
            "arguments.brightness must be an integer, got \"high\"");
  }
}
