package io.harpou.bridge.api.artifact;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored artifact as the store describes it.
 *
 * @param id the SHA-256 of its bytes, 64 lower-case hexadecimal digits (see {@link ArtifactStore#isId})
 * @param size its length in bytes
 * @param createdAt when it was first stored
 * @param expiresAt when retention ends and the store deletes it
 * @param metadata what it is and who made it
 */
public record Artifact(String id, long size, Instant createdAt, Instant expiresAt, ArtifactMetadata metadata) {

  /** Validates the id and requires the times and the metadata. */
  public Artifact {
    if (!ArtifactStore.isId(id)) {
      throw new IllegalArgumentException("an artifact id is 64 lower-case hexadecimal digits");
    }
    if (size < 0) {
      throw new IllegalArgumentException("an artifact's size cannot be negative");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The content type, such as {@code image/png}. */
  public String contentType() {
    return metadata.contentType();
  }

  /** True once retention has ended at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The path the HTTP API serves it at. */
  public String path() {
    return "/api/artifacts/" + id;
  }

  /** The JSON form, as {@code /api/artifacts} lists it and tools cite it. */
  public JsonObject toJson() {
    return metadata.toJson().put("id", id).put("size", size).put("created_at", createdAt.toString())
        .put("expires_at", expiresAt.toString()).put("url", path());
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static Artifact fromJson(JsonObject json) {
    return new Artifact(json.getString("id"), json.getLong("size", 0L), Json.instant(json, "created_at"),
        Json.instant(json, "expires_at"), ArtifactMetadata.fromJson(json));
  }
}
