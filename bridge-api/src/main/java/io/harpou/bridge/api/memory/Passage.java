package io.harpou.bridge.api.memory;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * A passage of one of the household's own documents found by search, with what is needed to cite it.
 *
 * @param file the file's path relative to the documents folder
 * @param page the 1-based page for paged formats (PDF), or 0 when the format has no pages
 * @param text the passage
 * @param score higher is more relevant; comparable within one search only
 */
public record Passage(String file, int page, String text, double score) {

  /** Validates the file and the text. */
  public Passage {
    Json.requireText(file, "passage file");
    Json.requireText(text, "passage text");
    if (page < 0) {
      throw new IllegalArgumentException("passage page must not be negative");
    }
  }

  /** A citation such as {@code manual.pdf, page 3} or {@code notes.md}. */
  public String citation() {
    return page > 0 ? file + ", page " + page : file;
  }

  /** The JSON form; the page is omitted when there is none. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("file", file).put("text", text).put("score", score);
    return page > 0 ? json.put("page", page) : json;
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static Passage fromJson(JsonObject json) {
    return new Passage(json.getString("file"), json.getInteger("page", 0), json.getString("text"),
        json.getDouble("score", 0.0));
  }
}
