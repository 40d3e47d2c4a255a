package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubConfigTest {

  @TempDir
  Path dir;

  @Test
  void should_let_environment_override_the_file_and_flags_override_both() {
    JsonObject file = new JsonObject().put("http", new JsonObject().put("port", 9000).put("host", "127.0.0.1"));

    JsonObject config = HubConfig.resolve(file,
        Map.of("HARPOU_HTTP_PORT", "9100", "HARPOU_HA_URL", "http://ha.local:8123", "HARPOU_DATA_DIR", "/var/h"),
        Map.of("--http-port", "9200"));

    assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(9200);
    assertThat(config.getJsonObject("http").getString("host")).isEqualTo("127.0.0.1");
    assertThat(config.getJsonObject("home_assistant").getString("url")).isEqualTo("http://ha.local:8123");
    assertThat(config.getString("data_dir")).isEqualTo("/var/h");
    assertThat(file.getJsonObject("http").getInteger("port")).isEqualTo(9000);
  }

  @Test
  void should_read_a_token_from_a_file_and_never_show_it() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "s3cret-token\n");

    JsonObject config = HubConfig.resolve(new JsonObject(), Map.of("HARPOU_HA_TOKEN_FILE", tokenFile.toString()),
        Map.of());

    assertThat(config.getJsonObject("home_assistant").getString("token")).isEqualTo("s3cret-token");
    assertThat(HubConfig.redacted(config).encode()).doesNotContain("s3cret").contains("***");
  }

  @Test
  void should_name_the_setting_when_a_value_does_not_fit() {
    assertThatThrownBy(() -> HubConfig.resolve(new JsonObject(), Map.of("HARPOU_HTTP_PORT", "eighty"), Map.of()))
        .hasMessageContaining("HARPOU_HTTP_PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> HubConfig.resolve(new JsonObject(), Map.of(),
        Map.of("--ha-token-file", dir.resolve("missing").toString()))).hasMessageContaining("--ha-token-file");
  }
}
