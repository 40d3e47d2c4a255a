package io.harpou.bridge.vertx.artifact;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The {@code artifacts} section: which backend keeps artifacts, and the limits every backend enforces.
 *
 * <pre>{@code
 * "artifacts": {"backend": "local", "dir": "artifacts", "quota_bytes": 1073741824, "max_artifact_bytes": 33554432,
 *               "retention_days": 30, "max_retention_days": 365, "sweep_interval_seconds": 3600,
 *               "s3": {"endpoint": "http://minio:9000", "bucket": "harpou", ...}}
 * }</pre>
 */
public final class ArtifactOptions {

  /** The default backend: files inside the data directory. */
  public static final String LOCAL = "local";

  private String backend = LOCAL;
  private String dir = "artifacts";
  private long quotaBytes = 1L << 30;
  private long maxArtifactBytes = 32L << 20;
  private int retentionDays = 30;
  private int maxRetentionDays = 365;
  private long sweepIntervalSeconds = 3600;
  private JsonObject sections = new JsonObject();

  /** The defaults. */
  public ArtifactOptions() {
  }

  /**
   * Reads the section; unknown keys are ignored, and each backend's own section (such as {@code s3}) is kept for it.
   *
   * @throws IllegalArgumentException when a limit is not positive
   */
  public ArtifactOptions(JsonObject json) {
    JsonObject j = json == null ? new JsonObject() : json;
    setBackend(j.getString("backend", backend));
    setDir(j.getString("dir", dir));
    setQuotaBytes(j.getLong("quota_bytes", quotaBytes));
    setMaxArtifactBytes(j.getLong("max_artifact_bytes", maxArtifactBytes));
    setRetentionDays(j.getInteger("retention_days", retentionDays));
    setMaxRetentionDays(j.getInteger("max_retention_days", maxRetentionDays));
    setSweepIntervalSeconds(j.getLong("sweep_interval_seconds", sweepIntervalSeconds));
    sections = j.copy();
  }

  /** A copy of {@code other}, with its backends' sections (and the secrets in them). */
  public ArtifactOptions(ArtifactOptions other) {
    this(other.toJson());
  }

  /** The backend's id ({@code local}, {@code s3}). */
  public String getBackend() {
    return backend;
  }

  /** Sets the backend's id. */
  public ArtifactOptions setBackend(String backend) {
    this.backend = backend == null || backend.isBlank() ? LOCAL : backend;
    return this;
  }

  /** The local backend's folder, inside the data directory ({@code artifacts}). */
  public String getDir() {
    return dir;
  }

  /** Sets the local backend's folder, relative to the data directory. */
  public ArtifactOptions setDir(String dir) {
    this.dir = dir;
    return this;
  }

  /** The most bytes all artifacts together may take (1 GiB). */
  public long getQuotaBytes() {
    return quotaBytes;
  }

  /** Sets the quota. */
  public ArtifactOptions setQuotaBytes(long quotaBytes) {
    this.quotaBytes = positive(quotaBytes, "artifacts.quota_bytes");
    return this;
  }

  /** The largest single artifact (32 MiB). */
  public long getMaxArtifactBytes() {
    return maxArtifactBytes;
  }

  /** Sets the largest single artifact. */
  public ArtifactOptions setMaxArtifactBytes(long maxArtifactBytes) {
    this.maxArtifactBytes = positive(maxArtifactBytes, "artifacts.max_artifact_bytes");
    return this;
  }

  /** How long an artifact is kept when its maker does not say (30 days). */
  public Duration getRetention() {
    return Duration.ofDays(retentionDays);
  }

  /** Sets the default retention in days. */
  public ArtifactOptions setRetentionDays(int days) {
    this.retentionDays = (int) positive(days, "artifacts.retention_days");
    return this;
  }

  /** The longest retention any maker may ask for (365 days). */
  public Duration getMaxRetention() {
    return Duration.ofDays(maxRetentionDays);
  }

  /** Sets the longest retention in days. */
  public ArtifactOptions setMaxRetentionDays(int days) {
    this.maxRetentionDays = (int) positive(days, "artifacts.max_retention_days");
    return this;
  }

  /** How often expired artifacts are deleted (every hour). */
  public Duration getSweepInterval() {
    return Duration.ofSeconds(sweepIntervalSeconds);
  }

  /** Sets how often expired artifacts are deleted, in seconds. */
  public ArtifactOptions setSweepIntervalSeconds(long seconds) {
    this.sweepIntervalSeconds = positive(seconds, "artifacts.sweep_interval_seconds");
    return this;
  }

  /** A backend's own section ({@code s3}), empty when absent. */
  public JsonObject section(String backendId) {
    JsonObject section = sections.getJsonObject(backendId);
    return section == null ? new JsonObject() : section.copy();
  }

  /** Sets a backend's own section. */
  public ArtifactOptions setSection(String backendId, JsonObject section) {
    sections.put(backendId, section == null ? new JsonObject() : section.copy());
    return this;
  }

  /** The section in its JSON form: the limits and every backend's own section. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    sections.forEach(entry -> {
      if (entry.getValue() instanceof JsonObject section) {
        json.put(entry.getKey(), section.copy());
      }
    });
    return json.put("backend", backend).put("dir", dir).put("quota_bytes", quotaBytes)
        .put("max_artifact_bytes", maxArtifactBytes).put("retention_days", retentionDays)
        .put("max_retention_days", maxRetentionDays).put("sweep_interval_seconds", sweepIntervalSeconds);
  }

  private static long positive(long value, String key) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive");
    }
    return value;
  }
}
