package io.harpou.testkit.docker.impl;

import io.harpou.testkit.docker.VirtualContainer;
import io.harpou.testkit.docker.VirtualDocker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Engine API server: routes requests (with or without a {@code /v1.NN} prefix) to {@link EngineApi}. */
public final class VirtualDockerImpl implements VirtualDocker {

  private static final Pattern VERSIONED = Pattern.compile("^/v1\\.\\d+(/.*)$");

  private final Vertx vertx;
  private final Path socket;
  private final Map<String, VirtualContainer> containers = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final EngineApi api;
  private HttpServer server;

  /** Creates the server; see {@link VirtualDocker#create}. */
  public VirtualDockerImpl(Vertx vertx, Path socket) {
    this.vertx = vertx;
    this.socket = socket.toAbsolutePath();
    this.api = new EngineApi(containers);
  }

  @Override
  public Future<VirtualDocker> start() {
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    server = vertx.createHttpServer().requestHandler(this::handle);
    return server.listen(SocketAddress.domainSocketAddress(socket.toString())).map(this);
  }

  private void handle(HttpServerRequest request) {
    requests.add(request.method() + " " + request.uri());
    String path = request.path();
    Matcher versioned = VERSIONED.matcher(path);
    if (versioned.matches()) {
      path = versioned.group(1);
    }
    String route = path;
    if (request.method() == HttpMethod.POST) {
      request.body().onSuccess(body -> api.handle(request, route, body.length() == 0 ? new JsonObject()
          : body.toJsonObject()));
    } else {
      api.handle(request, route, null);
    }
  }

  @Override
  public Path socket() {
    return socket;
  }

  @Override
  public VirtualDocker add(VirtualContainer container) {
    containers.values().removeIf(c -> c.name().equals(container.name()));
    containers.put(container.id(), container);
    return this;
  }

  @Override
  public Optional<VirtualContainer> container(String name) {
    return Optional.ofNullable(api.find(name));
  }

  @Override
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public Future<Void> close() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        // Left behind in a temporary folder.
      }
      return Future.succeededFuture();
    });
  }
}
