package io.harpou.bridge.vertx.mcp.impl;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.vertx.mcp.McpClients;
import io.harpou.bridge.vertx.mcp.McpRemoteServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** One {@link RemoteServer} per configured server. */
public final class McpClientsImpl implements McpClients {

  private final List<RemoteServer> servers = new ArrayList<>();

  /** Clients for {@code servers}; see {@link McpClients#create}. */
  public McpClientsImpl(Vertx vertx, List<McpRemoteServer> configured) {
    configured.forEach(server -> servers.add(new RemoteServer(vertx, server)));
  }

  @Override
  public Future<Void> start() {
    servers.forEach(RemoteServer::start);
    return Future.succeededFuture();
  }

  @Override
  public Collection<Tool> tools() {
    List<Tool> all = new ArrayList<>();
    servers.forEach(server -> all.addAll(server.tools()));
    return all;
  }

  @Override
  public JsonObject status() {
    JsonObject status = new JsonObject();
    servers.forEach(server -> status.put(server.prefix(), server.status().toJson()));
    return status;
  }

  @Override
  public Future<Void> close() {
    return Future.join(servers.stream().map(RemoteServer::close).toList()).mapEmpty();
  }
}
