package io.harpou.testkit.docker;

import io.harpou.testkit.docker.impl.VirtualDockerImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Docker Engine API server on a unix socket, holding a few virtual containers: enough of the API for the
 * {@code docker} command-line client's {@code ps}, {@code inspect}, {@code logs}, {@code restart}, {@code start},
 * {@code stop}, {@code stats --no-stream} and {@code exec}, and for Harpou's Docker tools. Its fidelity is judged by
 * the real {@code docker} client run against it ({@code DOCKER_HOST=unix://...}).
 *
 * <p>Methods may be called from any thread; requests are answered on the server's event loop.
 */
public interface VirtualDocker {

  /** The API version the server announces. */
  String API_VERSION = "1.47";

  /** Creates a server that will listen on {@code socket}; nothing listens until {@link #start()}. */
  static VirtualDocker create(Vertx vertx, Path socket) {
    return new VirtualDockerImpl(vertx, socket);
  }

  /** Starts listening; fails with the bind error. */
  Future<VirtualDocker> start();

  /** The socket path. */
  Path socket();

  /** {@code unix://} and the socket path, as {@code DOCKER_HOST} takes it. */
  default String dockerHost() {
    return "unix://" + socket();
  }

  /** Adds (or replaces, by name) a container. */
  VirtualDocker add(VirtualContainer container);

  /** The container with this name. */
  Optional<VirtualContainer> container(String name);

  /** Every request line received ({@code GET /v1.47/containers/json?all=1}), oldest first. */
  List<String> requests();

  /** Stops listening and removes the socket file. */
  Future<Void> close();
}
