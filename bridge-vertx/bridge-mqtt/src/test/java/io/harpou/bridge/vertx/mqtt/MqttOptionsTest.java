package io.harpou.bridge.vertx.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class MqttOptionsTest {

  @Test
  void should_read_back_its_json_form_to_the_same_options() {
    MqttOptions options = new MqttOptions(new JsonObject().put("url", "mqtts://broker.local").put("username", "harpou")
        .put("password_file", "/etc/harpou/mqtt-password").put("ca_file", "/etc/harpou/ca.pem")
        .put("discovery_prefix", "ha/discovery").put("node_id", "house-2").put("language", "fr")
        .put("commands_per_minute", 12).put("initial_backoff_ms", 500).put("max_backoff_ms", 9000)
        .put("cost", new JsonObject().put("input_per_million", 0.15).put("output_per_million", 0.6)
            .put("currency", "USD")));

    JsonObject json = options.toJson();

    assertThat(json.getString("url")).isEqualTo("mqtts://broker.local:8883");
    assertThat(new MqttOptions(json).toJson()).isEqualTo(json);
    assertThat(new MqttOptions(new JsonObject().put("url", "mqtt://b")).toJson().fieldNames())
        .doesNotContain("username", "password_file", "ca_file");
  }
}
