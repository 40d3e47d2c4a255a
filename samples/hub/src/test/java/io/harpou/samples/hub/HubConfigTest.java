package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.vertx.core.json.JsonArray;
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

  @Test
  void should_report_misspelt_keys_with_the_nearest_known_key() {
    JsonObject file = new JsonObject()
        .put("wyoming", new JsonObject().put("frameTimeoutMillis", 500).put("port", 10700))
        .put("htpp", new JsonObject().put("port", 8099))
        .put("memory", new JsonObject().put("embeddings", new JsonObject().put("modle", "bge")))
        .put("agent", new JsonObject().put("policy", new JsonObject().put("protected_domain", new JsonArray())));

    assertThat(UnknownKeys.find(file)).containsExactly(
        "wyoming.frameTimeoutMillis (did you mean wyoming.frame_timeout_ms?)",
        "htpp (did you mean http?)",
        "memory.embeddings.modle (did you mean memory.embeddings.model?)",
        "agent.policy.protected_domain (did you mean agent.policy.protected_domains?)");
  }

  @Test
  void should_leave_the_sections_of_plug_ins_to_their_owners() {
    JsonObject file = new JsonObject()
        .put("tools", new JsonObject().put("enabled", new JsonArray().add("home")).put("pool", new JsonObject()))
        .put("agent", new JsonObject().put("openai", new JsonObject().put("url", "http://gpu:8080/v1"))
            .put("provider", new JsonObject().put("id", "echo").put("prefix", "> ")))
        .put("voice", new JsonObject().put("whisper", new JsonObject().put("model", "tiny.en")));

    assertThat(UnknownKeys.find(file)).isEmpty();
  }

  @Test
  void should_know_the_monitors_and_artifacts_sections_and_report_their_misspelt_keys() {
    JsonObject file = new JsonObject()
        .put("monitors", new JsonObject().put("notify_service", "mobile_app_phone").put("rooms", new JsonArray())
            .put("quiet_hours", new JsonObject().put("from", "22:00").put("to", "07:00"))
            .put("repair", new JsonObject().put("cooldown_ms", 60_000).put("max_action", 2)))
        .put("artifacts", new JsonObject().put("backend", "s3").put("quota_bytes", 1 << 20)
            .put("s3", new JsonObject().put("endpoint", "http://minio:9000").put("bucket", "harpou")))
        .put("tools", new JsonObject().put("system", new JsonObject().put("files", new JsonObject())));

    assertThat(UnknownKeys.find(file))
        .containsExactly("monitors.repair.max_action (did you mean monitors.repair.max_actions?)");
  }

  @Test
  void should_know_the_keys_of_the_readme_mqtt_and_notifications_examples() throws Exception {
    String readme = Files.readString(Path.of("../../README.md"));
    for (String section : new String[] {"{\"mqtt\"", "{\"notifications\""}) {
      int start = readme.indexOf("```json\n" + section) + 8;
      JsonObject example = new JsonObject(readme.substring(start, readme.indexOf("```", start)));

      assertThat(UnknownKeys.find(example)).as(section).isEmpty();
    }
    assertThat(UnknownKeys.find(new JsonObject().put("mqtt", new JsonObject().put("discovery_prefx", "ha"))))
        .containsExactly("mqtt.discovery_prefx (did you mean mqtt.discovery_prefix?)");
  }

  @Test
  void should_know_every_key_the_mqtt_and_notifications_options_write_and_report_a_misspelt_one() {
    JsonObject mqtt = new MqttOptions(new JsonObject().put("url", "mqtts://broker.local").put("username", "harpou")
        .put("password_file", "/etc/harpou/mqtt-password").put("ca_file", "/etc/harpou/ca.pem")).toJson()
        .put("enabled", true);
    JsonObject notifications = new NotificationOptions().toJson().put("enabled", true);

    assertThat(UnknownKeys.find(new JsonObject().put("mqtt", mqtt).put("notifications", notifications))).isEmpty();
    assertThat(UnknownKeys.find(new JsonObject()
        .put("mqtt", new JsonObject().put("url", "mqtt://b").put("cost", new JsonObject().put("curency", "EUR")))
        .put("notifications", new JsonObject().put("max_added_rule", 3))))
        .containsExactly("mqtt.cost.curency (did you mean mqtt.cost.currency?)",
            "notifications.max_added_rule (did you mean notifications.max_added_rules?)");
  }

  @Test
  void should_know_every_key_the_readme_and_the_variables_set() throws Exception {
    String readme = Files.readString(Path.of("../../README.md"));
    String configuration = readme.substring(readme.indexOf("## Configuration"));
    JsonObject example = new JsonObject(configuration.substring(configuration.indexOf("```json\n") + 8,
        configuration.indexOf("```", configuration.indexOf("```json\n") + 8)));
    Map<String, String> env = new java.util.HashMap<>();
    ConfigKey.ALL.stream().filter(key -> key.type() != ConfigKey.Type.SECRET_FILE)
        .forEach(key -> env.put(key.env(), key.type() == ConfigKey.Type.INTEGER ? "1" : "x"));

    assertThat(UnknownKeys.find(example)).isEmpty();
    assertThat(UnknownKeys.find(HubConfig.resolve(new JsonObject(), env, Map.of()))).isEmpty();
  }
}
