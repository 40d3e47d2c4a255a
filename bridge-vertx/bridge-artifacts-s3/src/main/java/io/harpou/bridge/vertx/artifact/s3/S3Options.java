package io.harpou.bridge.vertx.artifact.s3;

import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * The {@code artifacts.s3} section. With an {@code endpoint} (MinIO, Garage, s3rver) requests use path-style
 * addressing ({@code http://host:9000/bucket/key}) unless {@code path_style} is false; without one, AWS S3 in
 * {@code region}. Without {@code access_key} and {@code secret_key} the AWS SDK's default credentials are used (its
 * environment variables, profile files, instance roles).
 *
 * <pre>{@code
 * "s3": {"endpoint": "http://minio:9000", "region": "us-east-1", "bucket": "harpou", "prefix": "artifacts/",
 *        "access_key": "...", "secret_key": "...", "path_style": true, "timeout_ms": 30000}
 * }</pre>
 */
public final class S3Options {

  private final URI endpoint;
  private final String region;
  private final String bucket;
  private final String prefix;
  private final String accessKey;
  private final String secretKey;
  private final boolean pathStyle;
  private final long timeoutMs;

  /**
   * Reads the section.
   *
   * @throws IllegalArgumentException when the bucket is missing, the endpoint is not an http(s) URL, or only one of
   *     the two keys is given
   */
  public S3Options(JsonObject json) {
    JsonObject j = json == null ? new JsonObject() : json;
    String url = j.getString("endpoint");
    endpoint = url == null || url.isBlank() ? null : URI.create(url);
    if (endpoint != null && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new IllegalArgumentException("artifacts.s3.endpoint must be an http or https URL");
    }
    region = j.getString("region", "us-east-1");
    bucket = j.getString("bucket");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("artifacts.s3.bucket is required");
    }
    String p = j.getString("prefix", "artifacts/");
    prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    accessKey = j.getString("access_key");
    secretKey = j.getString("secret_key");
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException("artifacts.s3 needs both access_key and secret_key, or neither");
    }
    pathStyle = j.getBoolean("path_style", endpoint != null);
    timeoutMs = j.getLong("timeout_ms", 30_000L);
  }

  /** The endpoint, or null for AWS itself. */
  public URI endpoint() {
    return endpoint;
  }

  /** The region ({@code us-east-1}). */
  public String region() {
    return region;
  }

  /** The bucket. */
  public String bucket() {
    return bucket;
  }

  /** The key prefix ({@code artifacts/}). */
  public String prefix() {
    return prefix;
  }

  /** The access key id, or null for the SDK's default credentials. */
  public String accessKey() {
    return accessKey;
  }

  /** The secret key, or null. */
  public String secretKey() {
    return secretKey;
  }

  /** True for path-style addressing. */
  public boolean pathStyle() {
    return pathStyle;
  }

  /** How long one request may take, retries included (30 s). */
  public long timeoutMs() {
    return timeoutMs;
  }
}
