package io.harpou.bridge.api.vision;

import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Objects;

/**
 * A model that answers a question about images (a Llama vision or Qwen-VL model on Ollama, a vision model behind an
 * OpenAI-compatible server). Tools reach it through {@link io.harpou.bridge.api.tool.ToolContext#vision()}.
 */
public interface VisionModel {

  /** One image: its bytes and their media type ({@code image/jpeg}, {@code image/png}). */
  record Image(Buffer bytes, String contentType) {

    /** Requires bytes and an image media type. */
    public Image {
      Objects.requireNonNull(bytes, "bytes");
      if (contentType == null || !contentType.startsWith("image/")) {
        throw new IllegalArgumentException("a vision model reads images, not " + contentType);
      }
    }
  }

  /**
   * Asks {@code question} about {@code images}, answering in {@code language}.
   *
   * @return the model's answer; fails with {@link io.harpou.bridge.api.BridgeException} saying what went wrong when
   *     the model cannot be reached or refuses. Completes on the caller's context.
   */
  Future<String> ask(String question, List<Image> images, String language);

  /**
   * Asks {@code question} about {@code images} for {@code asker}, whose conversation and name the model's usage
   * ledger records; by default the same as {@link #ask(String, List, String)} in the asker's language.
   */
  default Future<String> ask(String question, List<Image> images, Utterance asker) {
    return ask(question, images, asker.language());
  }

  /** Which model this is and where, for messages and {@code /health}, never with credentials. */
  String description();
}
