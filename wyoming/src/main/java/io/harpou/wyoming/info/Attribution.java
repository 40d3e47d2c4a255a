package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireString;

import io.vertx.core.json.JsonObject;

/**
 * Who made a program or model; Home Assistant rejects an {@code info} whose attribution lacks either key.
 *
 * @param name the author's name, required (may be empty)
 * @param url a link, required (may be empty)
 */
public record Attribution(String name, String url) {

  /** Checks both fields are present. */
  public Attribution {
    requireNonNull(name, "name");
    requireNonNull(url, "url");
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("url", url);
  }

  /**
   * Reads an attribution.
   *
   * @param json the JSON form
   * @return the attribution
   * @throws io.harpou.wyoming.WyomingException when a key is missing
   */
  public static Attribution fromJson(JsonObject json) {
    return new Attribution(requireString(json, "name"), requireString(json, "url"));
  }
}
