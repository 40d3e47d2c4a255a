package io.harpou.testkit.ollama.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Images in chat messages, as the two APIs carry them: Ollama's {@code images} field (a list of base64 strings on a
 * message) and OpenAI's {@code image_url} content parts (here, {@code data:} URLs, since the simulator fetches
 * nothing). A request whose images cannot be decoded is refused as the real servers refuse it.
 */
public final class ChatImages {

  private ChatImages() {
  }

  /** Every image of {@code messages}, decoded, in order; undecodable ones are skipped. */
  public static List<byte[]> of(JsonArray messages) {
    List<byte[]> images = new ArrayList<>();
    for (Object entry : messages) {
      if (!(entry instanceof JsonObject message)) {
        continue;
      }
      if (message.getValue("images") instanceof JsonArray list) {
        list.forEach(image -> decode(String.valueOf(image), images));
      }
      if (message.getValue("content") instanceof JsonArray parts) {
        for (Object part : parts) {
          String url = dataUrl(part);
          if (url != null && url.contains(";base64,")) {
            decode(url.substring(url.indexOf(";base64,") + 8), images);
          }
        }
      }
    }
    return images;
  }

  /** What Ollama would answer for these messages' {@code images}, or null when they are fine. */
  static String ollamaProblem(JsonArray messages) {
    for (Object entry : messages) {
      if (entry instanceof JsonObject message && message.containsKey("images")) {
        if (!(message.getValue("images") instanceof JsonArray list)) {
          return "json: cannot unmarshal images into Go struct field Message.messages.images of type []api.ImageData";
        }
        for (Object image : list) {
          if (!(image instanceof String s) || !decodes(s)) {
            return "illegal base64 data at input byte 0";
          }
        }
      }
    }
    return null;
  }

  /** What an OpenAI-compatible server would answer for these messages' image parts, or null. */
  static String openAiProblem(JsonArray messages) {
    for (Object entry : messages) {
      if (entry instanceof JsonObject message && message.getValue("content") instanceof JsonArray parts) {
        for (Object part : parts) {
          if (part instanceof JsonObject p && "image_url".equals(p.getString("type"))) {
            String url = dataUrl(p);
            if (url == null || !url.startsWith("data:image/") || !url.contains(";base64,")
                || !decodes(url.substring(url.indexOf(";base64,") + 8))) {
              return "Invalid image_url: expected a data URL of a base64 image";
            }
          }
        }
      }
    }
    return null;
  }

  private static String dataUrl(Object part) {
    if (part instanceof JsonObject p && "image_url".equals(p.getString("type"))
        && p.getValue("image_url") instanceof JsonObject image) {
      return image.getString("url");
    }
    return null;
  }

  private static boolean decodes(String base64) {
    try {
      Base64.getDecoder().decode(base64);
      return !base64.isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void decode(String base64, List<byte[]> into) {
    if (decodes(base64)) {
      into.add(Base64.getDecoder().decode(base64));
    }
  }
}
