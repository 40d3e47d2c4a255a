package io.harpou.samples.hubimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.harpou.samples.hub.ConfigKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The household's {@code compose.yaml} and the cluster's Kubernetes manifests, parsed, against the image the build made:
 * the same image, ports it exposes, its volume and user, health on the path and port it serves, and only
 * environment variables the hub reads (a misspelt one would be silently ignored).
 */
class HubDeploymentTest {

  private static final Path ROOT = Path.of("../..");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> HUB_VARIABLES = ConfigKey.ALL.stream().map(ConfigKey::env)
      .collect(Collectors.toSet());
  private static final String HEALTH = "http://127.0.0.1:8099/health";

  private static JsonNode image;
  private static String imageName;
  private static JsonNode compose;
  private static List<JsonNode> kubernetes;

  @BeforeAll
  static void read() throws IOException {
    assumeFalse(Boolean.getBoolean("harpou.image.skipped"), "the image was not built (-Dimage.skip)");
    ImageTar tar = ImageTar.read(HubImageTest.TAR);
    image = tar.config();
    imageName = tar.manifest().get("RepoTags").get(0).asText();
    compose = YAML.readTree(ROOT.resolve("compose.yaml").toFile());
    kubernetes = YAML.readValues(YAML.createParser(ROOT.resolve("deploy/kubernetes/harpou.yaml").toFile()),
        JsonNode.class).readAll().stream().filter(doc -> doc != null && !doc.isEmpty()).toList();
  }

  @Test
  void should_run_the_household_s_compose_hub_from_the_image_with_its_ports_volume_and_health() {
    JsonNode hub = compose.get("services").get("harpou");

    assertThat(hub.get("image").asText()).isEqualTo(imageName);
    assertThat(texts(hub.get("ports")).stream().map(p -> p.substring(p.lastIndexOf(':') + 1) + "/tcp"))
        .containsExactlyInAnyOrder("8099/tcp", "10700/tcp").allSatisfy(p -> assertThat(exposed()).contains(p));
    assertThat(texts(hub.get("volumes"))).containsExactly("harpou-data:" + volume());
    assertThat(texts(hub.get("environment"))).isNotEmpty().allSatisfy(name -> assertThat(HUB_VARIABLES)
        .as("a variable the hub reads").contains(name));
    assertThat(texts(hub.get("healthcheck").get("test"))).contains("/bin/busybox", HEALTH);
    assertThat(hub.has("profiles")).isFalse();
    JsonNode keys = compose.get("services").get("keys");
    assertThat(keys.get("image").asText()).isEqualTo(imageName);
    assertThat(texts(keys.get("volumes"))).containsExactly("harpou-data:" + volume());
  }

  @Test
  void should_keep_the_broker_and_the_database_optional_and_the_broker_closed_to_strangers() throws IOException {
    JsonNode services = compose.get("services");

    assertThat(texts(services.get("mosquitto").get("profiles"))).containsExactly("mqtt");
    assertThat(texts(services.get("postgres").get("profiles"))).containsExactly("postgres");
    // The password comes from the household's environment, never from this file.
    assertThat(services.get("postgres").get("environment").get("POSTGRES_PASSWORD").asText())
        .isEqualTo("${HARPOU_DB_PASSWORD:-}");
    assertThat(java.nio.file.Files.readString(ROOT.resolve("deploy/compose/mosquitto/mosquitto.conf")))
        .contains("allow_anonymous false").contains("password_file");
  }

  @Test
  void should_run_the_cluster_as_the_image_s_user_found_through_a_headless_service() {
    JsonNode headless = kind("Service", "harpou-cluster");
    JsonNode set = kind("StatefulSet", "harpou");
    JsonNode pod = set.get("spec").get("template").get("spec");
    JsonNode container = pod.get("containers").get(0);

    assertThat(headless.get("spec").get("clusterIP").asText()).isEqualTo("None");
    assertThat(set.get("spec").get("serviceName").asText()).isEqualTo("harpou-cluster");
    assertThat(headless.get("spec").get("selector")).isEqualTo(set.get("spec").get("template").get("metadata")
        .get("labels"));
    assertThat(container.get("image").asText()).isEqualTo(imageName);
    assertThat(pod.get("securityContext").get("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.get("securityContext").get("runAsUser").asText() + ":"
        + pod.get("securityContext").get("runAsGroup").asText()).isEqualTo(image.get("User").asText());
    assertThat(StreamSupport.stream(container.get("ports").spliterator(), false)
        .map(p -> p.get("containerPort").asText() + "/tcp")).containsExactlyInAnyOrderElementsOf(exposed());
    assertThat(headless.get("spec").get("ports").get(0).get("port").asText() + "/tcp").isIn(exposed());
    assertThat(container.get("volumeMounts").get(0).get("mountPath").asText()).isEqualTo(volume());
  }

  @Test
  void should_probe_health_where_the_hub_serves_it_and_take_the_database_url_from_a_secret() {
    JsonNode container = kind("StatefulSet", "harpou").get("spec").get("template").get("spec").get("containers")
        .get(0);
    JsonNode env = container.get("env");

    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      assertThat(texts(container.get(probe).get("exec").get("command"))).as(probe).contains("/bin/busybox", HEALTH);
    }
    assertThat(HEALTH).contains(":" + port("HARPOU_HTTP_PORT") + "/").endsWith(image.get("Labels")
        .get("io.harpou.health").asText());
    assertThat(env).allSatisfy(variable -> assertThat(HUB_VARIABLES).contains(variable.get("name").asText()));
    JsonNode url = StreamSupport.stream(env.spliterator(), false)
        .filter(v -> v.get("name").asText().equals("HARPOU_DATABASE_URL")).findFirst().orElseThrow();
    assertThat(url.has("value")).as("no database password in the manifest").isFalse();
    assertThat(url.get("valueFrom").get("secretKeyRef").get("name").asText()).isEqualTo("harpou-database");
    assertThat(kubernetes).noneMatch(doc -> doc.get("kind").asText().equals("Secret"));
  }

  private static JsonNode kind(String kind, String name) {
    return kubernetes.stream().filter(doc -> doc.get("kind").asText().equals(kind)
        && doc.get("metadata").get("name").asText().equals(name)).findFirst().orElseThrow(
            () -> new AssertionError("no " + kind + " " + name));
  }

  private static List<String> exposed() {
    List<String> ports = new ArrayList<>();
    image.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    return ports;
  }

  private static String volume() {
    return image.get("Volumes").fieldNames().next();
  }

  private static String port(String variable) {
    return texts(image.get("Env")).stream().filter(e -> e.startsWith(variable + "=")).findFirst().orElseThrow()
        .substring(variable.length() + 1);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
