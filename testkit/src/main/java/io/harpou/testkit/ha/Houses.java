package io.harpou.testkit.ha;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The houses bundled with the virtual home, for {@link VirtualHomeOptions#setHouse}: the small demo house served by
 * default, and a family house on four floors (basement to second floor) with about a hundred entities: lights of
 * every colour mode, covers and valves of several device classes, thermostats, robots, media players that search,
 * locks, an alarm, pets' devices, weather, people and lists, and two lights both called "Lamp".
 */
public final class Houses {

  private Houses() {
  }

  /** The demo house (a fresh copy). */
  public static JsonObject demo() {
    return read("demo-house.json");
  }

  /** The family house (a fresh copy). */
  public static JsonObject family() {
    return read("family-house.json");
  }

  private static JsonObject read(String name) {
    String resource = "/io/harpou/testkit/ha/" + name;
    try (InputStream in = Houses.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
