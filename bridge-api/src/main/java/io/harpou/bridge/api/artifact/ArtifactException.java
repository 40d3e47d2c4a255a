package io.harpou.bridge.api.artifact;

import io.harpou.bridge.api.BridgeException;

/** Why an artifact could not be stored, read or deleted, with a {@link Reason} the caller can act on. */
public class ArtifactException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, and so what the caller can do. */
  public enum Reason {
    /** No artifact has this id (or it has expired). */
    NOT_FOUND,
    /** The id is not 64 lower-case hexadecimal digits. */
    INVALID_ID,
    /** The artifact is larger than the store accepts for one artifact. */
    TOO_LARGE,
    /** Storing it would pass the store's quota: delete artifacts, or raise the quota. */
    QUOTA_EXCEEDED,
    /** The storage itself failed or cannot be reached. */
    UNAVAILABLE
  }

  private final Reason reason;

  /** An exception with its reason and a message for people. */
  public ArtifactException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** An exception with its reason, a message and the underlying cause. */
  public ArtifactException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }

  /** The failure for an id that names no artifact. */
  public static ArtifactException notFound(String id) {
    return new ArtifactException(Reason.NOT_FOUND, ArtifactStore.isId(id) ? "no artifact " + id
        : "not an artifact id");
  }
}
