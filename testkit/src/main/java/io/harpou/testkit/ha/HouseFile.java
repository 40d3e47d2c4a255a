package io.harpou.testkit.ha;

import io.harpou.testkit.ha.impl.HomeAssistantReader;
import io.harpou.testkit.ha.impl.HouseCopy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A house the virtual home can serve, as a JSON file: written by hand (the format of the bundled demo house), or
 * copied from a real Home Assistant so a household can rehearse on a faithful copy of its own house without touching
 * a single device. A copy holds the states, the floor, area, device and entity registries (names and aliases
 * included) and the services, and leaves out what is secret or personal: tokens, passwords, positions, addresses,
 * and every URL (camera streams and pictures carry tokens).
 */
public final class HouseFile {

  /** The largest house file read: a house of tens of thousands of entities fits well within it. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private HouseFile() {
  }

  /**
   * Copies a Home Assistant's house through its WebSocket API, reading only (no service is called). Runs on the
   * caller's Vert.x; the Future fails with a message naming the URL when Home Assistant cannot be reached, rejects
   * the token or does not answer within a minute.
   *
   * @param url Home Assistant's base URL ({@code http://homeassistant.local:8123}, or https)
   * @param token a long-lived access token
   */
  public static Future<JsonObject> copy(Vertx vertx, String url, String token) {
    return HomeAssistantReader.read(vertx, url, token).map(HouseCopy::from);
  }

  /**
   * Reads a house file (blocking: call it off the event loop).
   *
   * @throws IllegalArgumentException when the file is missing, larger than {@link #MAX_BYTES} or not a JSON object
   */
  public static JsonObject read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException("the house file " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the house file " + file + ": " + e, e);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("the house file " + file + " is not a JSON object: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a house file readable by its owner only (it describes the household's home), through a temporary file
   * renamed into place, so an interrupted copy never leaves half a house (blocking).
   */
  public static void write(Path file, JsonObject house) throws IOException {
    Path target = file.toAbsolutePath();
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temporary, house.encodePrettily(), StandardCharsets.UTF_8);
    try {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
