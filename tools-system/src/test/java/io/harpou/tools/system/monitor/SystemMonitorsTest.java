package io.harpou.tools.system.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.testkit.docker.VirtualContainer;
import io.harpou.testkit.docker.VirtualDocker;
import io.harpou.testkit.fs.TmpfsMount;
import io.harpou.tools.system.SystemToolProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemMonitorsTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path temp;

  /** Unmounts what a failed {@code close()} left; a killed run's mounts go at the next mount (see TmpfsMount). */
  @AfterAll
  static void unmountWhatIsLeft() {
    TmpfsMount.closeAll();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private Monitor monitor(JsonObject section, String id) {
    return new SystemToolProvider().monitors(section).stream().filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no monitor " + id));
  }

  private List<Problem> check(Monitor monitor) {
    return monitor.check(new MonitorContext(vertx, temp)).await();
  }

  @Test
  void should_see_a_real_mount_filled_past_its_threshold_and_not_before() throws Exception {
    TmpfsMount mount = TmpfsMount.mount(temp.resolve("disk"), 4);
    assumeTrue(mount != null, "a tmpfs cannot be mounted here (the test needs root and mount rights)");
    try (mount) {
      Monitor disk = monitor(new JsonObject().put("monitors", new JsonObject().put("disk", new JsonObject()
          .put("mounts", new JsonArray().add(mount.point().toString())))), "disk");

      assertThat(check(disk)).isEmpty();
      mount.fill("cache.bin", 3);
      mount.fill("more.bin", 1);

      assertThat(check(disk)).singleElement().satisfies(problem -> {
        assertThat(problem.key()).isEqualTo("disk:" + mount.point());
        assertThat(problem.summary()).startsWith("Disk " + mount.point() + " is 100% full (threshold 90%");
        assertThat(problem.severity()).isEqualTo(Problem.Severity.CRITICAL);
      });
    }
  }

  @Test
  void should_alert_once_for_a_full_disk_mounted_in_two_places() throws Exception {
    TmpfsMount mount = TmpfsMount.mount(temp.resolve("disk"), 4);
    assumeTrue(mount != null, "a tmpfs cannot be mounted here (the test needs root and mount rights)");
    Path second = Files.createDirectories(temp.resolve("again"));
    try (mount) {
      Process bind = new ProcessBuilder("mount", "--bind", mount.point().toString(), second.toString()).start();
      assumeTrue(bind.waitFor(10, TimeUnit.SECONDS) && bind.exitValue() == 0, "a bind mount cannot be made here");
      try {
        mount.fill("full.bin", 4);
        Monitor disk = monitor(new JsonObject(), "disk");

        List<Problem> problems = check(disk).stream().filter(p -> p.key().equals("disk:" + mount.point())
            || p.key().equals("disk:" + second)).toList();

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("disk:" + mount.point()));
      } finally {
        new ProcessBuilder("umount", "-l", second.toString()).start().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void should_see_a_certificate_about_to_expire() throws Exception {
    Path certificate = temp.resolve("cert.pem");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3",
        "-subj", "/CN=home.lan", "-keyout", temp.resolve("key.pem").toString(), "-out", certificate.toString())
        .redirectErrorStream(true).start();
    assumeTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl cannot make a test"
        + " certificate here");
    Monitor certificates = monitor(new JsonObject().put("monitors", new JsonObject().put("certificates",
        new JsonObject().put("files", new JsonArray().add(certificate.toString())))), "certificates");

    assertThat(check(certificates)).singleElement().satisfies(problem ->
        assertThat(problem.summary()).startsWith("The certificate " + certificate + " expires in 2 days"));
  }

  @Test
  void should_see_a_backup_folder_whose_newest_file_is_too_old() throws Exception {
    Path backups = Files.createDirectories(temp.resolve("backups"));
    Path old = Files.writeString(backups.resolve("home-2026-11-01.tar"), "x");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(5, ChronoUnit.DAYS)));
    Monitor monitor = monitor(new JsonObject().put("monitors", new JsonObject().put("backups", new JsonObject()
        .put("paths", new JsonArray().add(backups.toString())))), "backups");

    assertThat(check(monitor)).singleElement().satisfies(problem ->
        assertThat(problem.summary()).contains("was last written 5 days ago"));
    Files.writeString(backups.resolve("home-2026-11-06.tar"), "x");
    assertThat(check(monitor)).isEmpty();
  }

  @Test
  void should_see_unhealthy_and_restarting_containers_and_an_unreachable_docker() {
    VirtualDocker docker = VirtualDocker.create(vertx, temp.resolve("docker.sock")).start().await();
    docker.add(new VirtualContainer("nextcloud", "nextcloud:29").health("unhealthy"));
    docker.add(new VirtualContainer("jellyfin", "jellyfin:10").state("restarting"));
    docker.add(new VirtualContainer("redis", "redis:7").health("healthy"));
    Monitor monitor = monitor(new JsonObject().put("docker", new JsonObject().put("socket",
        docker.socket().toString())), "docker");

    assertThat(check(monitor)).extracting(Problem::key).containsExactlyInAnyOrder("docker:nextcloud",
        "docker:jellyfin");
    docker.close().await();
    assertThat(check(monitor)).extracting(Problem::key).containsExactly("docker:unreachable");
  }

  @Test
  void should_see_load_above_its_limit_and_wait_for_it_to_last() {
    Monitor load = monitor(new JsonObject().put("monitors", new JsonObject().put("load", new JsonObject()
        .put("max", -1).put("for_minutes", 7))), "load");

    assertThat(check(load)).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("load"));
    assertThat(load.sustain().toMinutes()).isEqualTo(7);
  }

  @Test
  void should_watch_disk_and_load_by_default_and_docker_only_where_it_is() {
    List<String> ids = new SystemToolProvider().monitors(new JsonObject()).stream().map(Monitor::id).toList();

    assertThat(ids).contains("disk", "load").doesNotContain("certificates", "backups");
    assertThat(ids.contains("docker")).isEqualTo(Files.exists(Path.of("/var/run/docker.sock")));
  }
}
