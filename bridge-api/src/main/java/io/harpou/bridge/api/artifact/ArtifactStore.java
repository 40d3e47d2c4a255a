package io.harpou.bridge.api.artifact;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps what Harpou makes or fetches. Artifacts are content-addressed: the id is the SHA-256 of the bytes, so storing
 * the same bytes again returns the artifact already kept (its retention extended to the later end, its first
 * metadata kept). Each store enforces a size limit per artifact, a quota over all of them, and retention: an
 * artifact past its end is never served and is deleted by the store's periodic sweep.
 *
 * <p>Every method returns a Future completed on the caller's context when it has one; failures are
 * {@link ArtifactException}s whose {@link ArtifactException#reason() reason} says what the caller can do.
 * Implementations live in their own modules ({@code bridge-artifacts} on the local disk,
 * {@code bridge-artifacts-s3} on S3-compatible storage).
 */
public interface ArtifactStore {

  /** The shape of an id: a SHA-256 in lower-case hexadecimal. */
  Pattern ID = Pattern.compile("[0-9a-f]{64}");

  /** True when {@code id} has the shape of an artifact id; nothing else ever reaches a path or a key. */
  static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Stores {@code content}.
   *
   * @return the artifact; fails {@link ArtifactException.Reason#TOO_LARGE}, {@code QUOTA_EXCEEDED} (nothing is kept)
   *     or {@code UNAVAILABLE}
   */
  Future<Artifact> put(Buffer content, ArtifactMetadata metadata);

  /**
   * Stores what {@code content} delivers until it ends, reading no more than the per-artifact limit: a stream that
   * goes on past it fails {@code TOO_LARGE} at once and nothing is kept.
   */
  Future<Artifact> put(ReadStream<Buffer> content, ArtifactMetadata metadata);

  /** The artifact with this id, empty when there is none, it has expired, or {@code id} is not an id. */
  Future<Optional<Artifact>> find(String id);

  /** Its bytes; fails {@code NOT_FOUND} (also for an expired artifact or a malformed id) or {@code UNAVAILABLE}. */
  Future<Buffer> read(String id);

  /**
   * The newest artifacts first, at most {@code limit} (1 to 500), those of one conversation when
   * {@code conversationId} is not null.
   */
  Future<List<Artifact>> list(String conversationId, int limit);

  /** Deletes one; true when it existed. A malformed id deletes nothing. */
  Future<Boolean> delete(String id);

  /** Bytes kept now, as counted by the store. */
  long usedBytes();

  /** The quota in bytes. */
  long quotaBytes();

  /** Where artifacts are kept, for {@code /health} and the start-up report, never with credentials. */
  String describe();

  /** Stops the periodic sweep and releases connections. */
  Future<Void> close();
}
