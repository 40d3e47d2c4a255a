package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsJsonTest {

  @Test
  void should_round_trip_home_tools_options_through_json() {
    HomeToolsOptions options = new HomeToolsOptions().setIntentsDir("/etc/harpou/intents").setLocalIntents(false)
        .setExposure(new ExposureOptions().setDomains(Set.of("light")).setExcludeEntities(Set.of("light.attic"))
            .setIncludeAreas(Set.of("kitchen")).setProtectedEntities(Set.of("switch.boiler")));
    HomeToolsOptions back = new HomeToolsOptions(options.toJson());
    assertThat(back.toJson()).isEqualTo(options.toJson());
    assertThat(back.isLocalIntents()).isFalse();
    assertThat(back.getIntentsDir()).isEqualTo("/etc/harpou/intents");
    assertThat(back.getExposure().getExcludeEntities()).containsExactly("light.attic");
  }

  @Test
  void should_read_defaults_from_empty_or_missing_json_and_omit_a_missing_directory() {
    HomeToolsOptions empty = new HomeToolsOptions(new JsonObject().put("unknown", 1));
    assertThat(empty.isLocalIntents()).isTrue();
    assertThat(empty.getIntentsDir()).isNull();
    assertThat(empty.toJson().containsKey("intents_dir")).isFalse();
    assertThat(new HomeToolsOptions((JsonObject) null).toJson()).isEqualTo(new HomeToolsOptions().toJson());
    assertThat(empty.getExposure().getDomains()).containsExactlyElementsOf(ExposureOptions.DEFAULT_DOMAINS);
  }

  @Test
  void should_round_trip_exposure_options_and_add_extra_domains_to_the_defaults() {
    ExposureOptions options = new ExposureOptions(new JsonObject()
        .put("extra_domains", new JsonArray().add("vacuum"))
        .put("protected_domains", new JsonArray().add("lock"))
        .put("exclude_areas", new JsonArray().add("garage"))
        .put("include_entities", new JsonArray().add("sensor.power"))
        .put("protected_device_classes", new JsonArray().add("gate")));
    assertThat(options.getDomains()).contains("light", "vacuum");
    assertThat(options.getProtectedDomains()).containsExactly("lock");
    ExposureOptions back = new ExposureOptions(options.toJson());
    assertThat(back.toJson()).isEqualTo(options.toJson());
    assertThat(back.getExcludeAreas()).containsExactly("garage");
    assertThat(back.getIncludeEntities()).containsExactly("sensor.power");
  }
}
