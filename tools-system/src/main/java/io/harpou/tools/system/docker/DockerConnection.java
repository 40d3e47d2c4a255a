package io.harpou.tools.system.docker;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The docker section's socket, and one {@link DockerClient} per Vert.x instance, made on first use (tools are built
 * before Vert.x hands them a context).
 */
public final class DockerConnection {

  /** Where Docker listens unless {@code docker.socket} says otherwise. */
  public static final String DEFAULT_SOCKET = "/var/run/docker.sock";
  static final long DEFAULT_TIMEOUT_MS = 15_000;

  private final String socket;
  private final long timeoutMs;
  private Vertx owner;
  private DockerClient client;

  /** Reads {@code socket} and {@code timeout_ms} from the {@code docker} section. */
  public DockerConnection(JsonObject docker) {
    this.socket = docker.getString("socket", DEFAULT_SOCKET);
    this.timeoutMs = docker.getLong("timeout_ms", DEFAULT_TIMEOUT_MS);
  }

  /** The socket path. */
  public String socket() {
    return socket;
  }

  /** The client for {@code vertx}. */
  public synchronized DockerClient client(Vertx vertx) {
    if (client == null || owner != vertx) {
      owner = vertx;
      client = new DockerClient(vertx, socket, timeoutMs);
    }
    return client;
  }
}
