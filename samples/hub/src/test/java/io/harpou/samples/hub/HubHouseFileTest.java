package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's virtual home serves the household's own house file, so the console's demo is their house. */
class HubHouseFileTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private JsonObject config(Path house) {
    return new JsonObject().put("data_dir", dir.resolve("data").toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false))
        .put("virtual_home", new JsonObject().put("house", house.toString()));
  }

  @Test
  void should_serve_the_house_file_named_in_the_configuration() throws Exception {
    Path house = dir.resolve("house.json");
    Files.writeString(house, new JsonObject().put("location_name", "Chez Anne")
        .put("areas", new JsonArray().add(new JsonObject().put("area_id", "atelier").put("name", "Atelier")))
        .put("entities", new JsonArray().add(new JsonObject().put("entity_id", "light.atelier").put("name", "Atelier")
            .put("area_id", "atelier").put("state", "off"))).encode());
    HubVerticle hub = new HubVerticle();
    vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config(house))).await();
    assertThat(hub.virtualHome().entityIds()).containsExactly("light.atelier");
    assertThat(hub.bridge().home().orElseThrow().state("light.atelier")).isPresent();
  }

  @Test
  void should_refuse_to_start_on_a_house_file_that_is_not_a_house() throws Exception {
    Path house = dir.resolve("house.json");
    Files.writeString(house, "{\"entities\": [");
    Throwable failure = catchThrowable(() -> vertx.deployVerticle(new HubVerticle(),
        new DeploymentOptions().setConfig(config(house))).await());
    assertThat(failure).hasMessageContaining("house file").hasMessageContaining(house.toString());
  }
}
