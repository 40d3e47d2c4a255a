package io.harpou.wyoming.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.wyoming.WyomingException;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  private static Object parse(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return JsonReader.parse(bytes, 0, bytes.length);
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_read_what_jackson_reads_for_a_mixed_document() {
    String json = "{\"s\": \"Gr\\u00fc\\u00dfe \\\"q\\\" \\\\ \\/ \\n\\t caf\u00e9 \ud83c\udfb5\", \"i\": -12, "
        + "\"l\": 9876543210, \"b\": 123456789012345678901234567890, \"d\": 1.5e-3, \"z\": -0.0, "
        + "\"t\": true, \"f\": false, \"n\": null, \"a\": [1, [2, {}], []], \"o\": {\"k\": {}}}";

    assertThat(new JsonObject((Map<String, Object>) parse(json))).isEqualTo(new JsonObject(json));
  }

  @Test
  void should_pick_the_smallest_java_number_type_like_jackson() {
    assertThat(parse("7")).isInstanceOf(Integer.class);
    assertThat(parse("2147483648")).isInstanceOf(Long.class);
    assertThat(parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(parse("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(parse("2.5")).isEqualTo(2.5);
  }

  @Test
  void should_refuse_nesting_deeper_than_the_limit() {
    String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);

    assertThatThrownBy(() -> parse(deep)).isInstanceOf(WyomingException.class).hasMessageContaining("nested");
    assertThat(parse("[".repeat(10) + "]".repeat(10))).isInstanceOf(List.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"a\"}", "{\"a\": }", "{a: 1}", "[1,]", "{\"a\": 1,}", "01", "1.", "-",
      "1e", "tru", "nul", "NaN", "Infinity", "1e999", "\"open", "\"bad \\x escape\"", "\"\\u12\"",
      "\"tab\there\"", "{} {}", "'single'"})
  void should_refuse_what_strict_json_refuses(String bad) {
    assertThatThrownBy(() -> parse(bad)).isInstanceOf(WyomingException.class).message().contains("at byte");
  }
}
