package io.harpou.bridge.vertx.models;

/** Receives a model's streamed fragments, on the context that made the call. */
@FunctionalInterface
public interface ModelStream {

  /** A fragment of answer text ({@code reasoning} false) or of the model's reasoning (true). */
  void fragment(String text, boolean reasoning);
}
