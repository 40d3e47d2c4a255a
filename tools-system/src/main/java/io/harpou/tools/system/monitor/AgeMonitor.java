package io.harpou.tools.system.monitor;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Alerts on things that go stale: a certificate (PEM or DER file) expiring within {@code warn_days} (14) or
 * expired, and a backup (a file, or the newest file in a folder) older than {@code max_age_days} (2).
 */
final class AgeMonitor implements Monitor {

  private final String id;
  private final List<String> paths;
  private final Duration limit;
  private final Duration interval;
  private final Clock clock;

  private AgeMonitor(String id, List<String> paths, Duration limit, Duration interval, Clock clock) {
    this.id = id;
    this.paths = paths;
    this.limit = limit;
    this.interval = interval;
    this.clock = clock;
  }

  /** The certificates monitor from its section ({@code files}, {@code warn_days}). */
  static AgeMonitor certificates(JsonObject section, Clock clock) {
    return new AgeMonitor("certificates", Json.strings(section, "files"),
        Duration.ofDays(section.getLong("warn_days", 14L)), Duration.ofMillis(section.getLong("interval_ms",
        3_600_000L)), clock);
  }

  /** The backups monitor from its section ({@code paths}, {@code max_age_days}). */
  static AgeMonitor backups(JsonObject section, Clock clock) {
    return new AgeMonitor("backups", Json.strings(section, "paths"),
        Duration.ofDays(section.getLong("max_age_days", 2L)), Duration.ofMillis(section.getLong("interval_ms",
        3_600_000L)), clock);
  }

  /** True when something is configured to watch. */
  boolean watchesSomething() {
    return !paths.isEmpty();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public Future<List<Problem>> check(MonitorContext context) {
    return context.vertx().executeBlocking(() -> {
      List<Problem> problems = new ArrayList<>();
      for (String path : paths) {
        Problem problem = id.equals("certificates") ? certificate(Path.of(path)) : backup(Path.of(path));
        if (problem != null) {
          problems.add(problem);
        }
      }
      return problems;
    }, false);
  }

  private Problem certificate(Path file) {
    Instant now = clock.instant();
    try (InputStream in = Files.newInputStream(file)) {
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(in);
      Instant expiry = certificate.getNotAfter().toInstant();
      long days = Duration.between(now, expiry).toDays();
      if (expiry.isBefore(now)) {
        return new Problem("certificate:" + file, Problem.Severity.CRITICAL, "The certificate " + file
            + " expired on " + expiry + ".", new JsonObject().put("file", file.toString())
            .put("expires", expiry.toString()));
      }
      if (expiry.isBefore(now.plus(limit))) {
        return new Problem("certificate:" + file, Problem.Severity.WARNING, "The certificate " + file
            + " expires in " + days + " days (" + expiry + ").", new JsonObject().put("file", file.toString())
            .put("expires", expiry.toString()).put("days_left", days));
      }
      return null;
    } catch (IOException | CertificateException | ClassCastException e) {
      return Problem.warning("certificate:" + file, "The certificate " + file + " cannot be read: "
          + e.getMessage());
    }
  }

  private Problem backup(Path path) {
    try {
      Instant newest;
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          newest = files.filter(Files::isRegularFile).map(AgeMonitor::modified).max(Instant::compareTo)
              .orElse(Instant.EPOCH);
        }
      } else {
        newest = modified(path);
      }
      Duration age = Duration.between(newest, clock.instant());
      if (age.compareTo(limit) <= 0) {
        return null;
      }
      String when = newest.equals(Instant.EPOCH) ? "has no backup at all" : "was last written " + age.toDays()
          + " days ago (" + newest + ")";
      return new Problem("backup:" + path, Problem.Severity.WARNING, "The backup " + path + " " + when + ".",
          new JsonObject().put("path", path.toString()).put("newest", newest.toString()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return Problem.warning("backup:" + path, "The backup " + path + " cannot be read: " + e.getMessage());
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
