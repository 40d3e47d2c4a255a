package io.harpou.bridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void should_accept_the_ids_real_clients_send() {
    List<String> ids = List.of(Ulid.next(), "01HQ3Z5K8YV7W2N4B6C8D0E2F4", "5b6c3f0e-1f2a-4b7c-9d3e-2a1b0c9d8e7f",
        "kitchen-chat", "openai-3f2a9c", "Ada Lovelace", "Zoé", "satellite:kitchen@192.168.1.20", "x".repeat(128));

    assertThat(ids).allSatisfy(id -> assertThat(Ids.isValid(id)).as(id).isTrue());
  }

  @Test
  void should_refuse_control_format_and_separator_characters_without_repeating_them() {
    List<String> bad = List.of("a\u0000b", "line\nbreak", "carriage\rreturn", "tab\there", "rtl\u202Eevil",
        "zero\u200Bwidth", "no\u00A0break", "para\u2029graph", "bell\u0007", "\uD800lonely");

    for (String id : bad) {
      assertThat(Ids.isValid(id)).as(id).isFalse();
      assertThatThrownBy(() -> Ids.require(id, "conversation_id")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("conversation_id must be 1 to 128 visible characters")
          .hasMessageContaining("U+")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(id));
    }
  }

  @Test
  void should_refuse_empty_overlong_and_padded_ids() {
    String rule = "'id' must be 1 to 128 visible characters (inner spaces allowed); it ";
    assertThat(Ids.problem("", "'id'")).isEqualTo(rule + "is empty");
    assertThat(Ids.problem("x".repeat(129), "'id'")).isEqualTo(rule + "is 129 characters long");
    assertThat(Ids.problem(" padded", "'id'")).isEqualTo(rule + "starts or ends with a space");
    assertThat(Ids.problem("padded ", "'id'")).isEqualTo(rule + "starts or ends with a space");
    assertThat(Ids.problem("fine", "'id'")).isNull();
  }

  @Test
  void should_keep_bad_ids_and_languages_out_of_an_utterance() {
    assertThatThrownBy(() -> new Utterance("hi", "en", "a\nb", Channel.HTTP, null, null, null))
        .hasMessageStartingWith("conversation_id must be");
    assertThatThrownBy(() -> new Utterance("hi", "en", "c", Channel.WYOMING, null, "sat\u0000", null))
        .hasMessageStartingWith("satellite id must be");
    assertThatThrownBy(() -> new Utterance("hi", "en", "c", Channel.OPENAI, null, null, "x".repeat(200)))
        .hasMessageStartingWith("user must be");
    assertThatThrownBy(() -> new Utterance("hi", "en\nfr", "c", Channel.HTTP, null, null, null))
        .hasMessageStartingWith("language must be a language tag");
    assertThat(new Utterance("hi", "fr-CA", "  ", Channel.HTTP, null, null, null).conversationId()).hasSize(26);
  }
}
