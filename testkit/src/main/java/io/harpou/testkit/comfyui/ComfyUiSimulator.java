package io.harpou.testkit.comfyui;

import io.harpou.testkit.comfyui.impl.ComfyUiSimulatorImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A ComfyUI server for tests: validates API-format workflows as ComfyUI does (unknown node classes, missing links,
 * checkpoints it does not have, no output node), runs them one at a time, reports over the WebSocket of the client
 * that queued them, and paints a real PNG of the latent's size for each {@code SaveImage}.
 */
public interface ComfyUiSimulator {

  /** A simulator; nothing listens until {@link #start()}. */
  static ComfyUiSimulator create(Vertx vertx, ComfyUiSimulatorOptions options) {
    return new ComfyUiSimulatorImpl(vertx, options);
  }

  /** Starts listening. */
  Future<ComfyUiSimulator> start();

  /** The base URL, such as {@code http://127.0.0.1:8188}. */
  String url();

  /** Every workflow accepted by {@code POST /prompt}, in order. */
  List<JsonObject> prompts();

  /** Stops listening. */
  Future<Void> close();
}
