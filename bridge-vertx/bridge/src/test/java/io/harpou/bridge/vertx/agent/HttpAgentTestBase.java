package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** {@link AgentTestBase} with the HTTP API on a free loopback port, asked the way clients ask it. */
abstract class HttpAgentTestBase extends AgentTestBase {

  @Override
  protected BridgeOptions options(JsonObject agent) {
    return super.options(agent).setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0));
  }

  /** A POST to the running hub's HTTP API. */
  protected HttpRequest<Buffer> post(String path) {
    return WebClient.create(vertx).post(bridge.httpPort(), "127.0.0.1", path);
  }

  /** Posts a JSON body and waits for the answer. */
  protected HttpResponse<Buffer> post(String path, JsonObject body) {
    return post(path).sendJsonObject(body).await();
  }
}
