package io.harpou.testkit.ha;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a virtual Home Assistant from the command line so any Home Assistant client can be pointed at it:
 * {@code --port P --token T --entities N --host H --house FILE}. Prints the URL and the token, then serves until
 * killed. With {@code --from-home-assistant URL --token-file F --house FILE} it copies a real Home Assistant into the
 * house file instead, and exits.
 */
public final class VirtualHomeMain {

  private VirtualHomeMain() {
  }

  /**
   * Starts the virtual home, or copies a house.
   *
   * @param args {@code --port P} (default 8123), {@code --token T}, {@code --entities N} (0 = demo house),
   *             {@code --host H} (default 127.0.0.1), {@code --house FILE} (a house file to serve, or to write with
   *             {@code --from-home-assistant URL --token-file F})
   */
  public static void main(String[] args) {
    VirtualHomeOptions options = new VirtualHomeOptions().setPort(8123);
    String house = null;
    String source = null;
    String tokenFile = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if ("--help".equals(flag) || "-h".equals(flag)) {
          usage();
          return;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--port" -> options.setPort(Integer.parseInt(value));
          case "--token" -> options.setAccessToken(value);
          case "--entities" -> options.setGeneratedEntities(Integer.parseInt(value));
          case "--host" -> options.setHost(value);
          case "--house" -> house = value;
          case "--from-home-assistant" -> source = value;
          case "--token-file" -> tokenFile = value;
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (source != null) {
        System.exit(copy(source, tokenFile, Path.of(house == null ? "house.json" : house), System.out, System.err));
        return;
      }
      if (house != null) {
        options.setHouse(HouseFile.read(Path.of(house)));
      }
    } catch (IllegalArgumentException e) {
      System.err.println("virtual-home: " + e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    serve(options);
  }

  /**
   * Copies the Home Assistant at {@code url} into {@code house}, reading its token from {@code tokenFile}; prints
   * what it copied (never the token) and returns the exit status.
   */
  static int copy(String url, String tokenFile, Path house, PrintStream out, PrintStream err) {
    if (tokenFile == null) {
      err.println("virtual-home: --from-home-assistant needs --token-file FILE (a long-lived access token)");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      String token = Files.readString(Path.of(tokenFile)).strip();
      JsonObject copied = HouseFile.copy(vertx, url, token).await();
      HouseFile.write(house, copied);
      out.println("Copied " + copied.getJsonArray("entities", new JsonArray()).size() + " entities, "
          + copied.getJsonArray("devices", new JsonArray()).size() + " devices, "
          + copied.getJsonArray("areas", new JsonArray()).size() + " areas and "
          + copied.getJsonObject("services", new JsonObject()).size() + " service domains into " + house
          + " (tokens, positions, addresses and links left out).");
      out.println("Serve it with: ./harpou virtual-home --house " + house);
      return 0;
    } catch (IOException e) {
      err.println("virtual-home: " + e);
      return 1;
    } catch (RuntimeException e) {
      err.println("virtual-home: cannot copy the house: " + e.getMessage());
      return 1;
    } finally {
      vertx.close();
    }
  }

  private static void serve(VirtualHomeOptions options) {
    Vertx vertx = Vertx.vertx();
    VirtualHomeAssistant home;
    try {
      home = VirtualHomeAssistant.create(vertx, options);
      home.start().await();
    } catch (Exception e) {
      System.err.println("virtual-home: cannot start: " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    System.out.println("Virtual Home Assistant running");
    System.out.println("  URL:       " + home.url());
    System.out.println("  WebSocket: " + home.webSocketUrl());
    System.out.println("  Token:     " + home.accessToken());
    System.out.println("  Entities:  " + home.entityIds().size());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> home.close().eventually(vertx::close)));
  }

  private static void usage() {
    System.err.println("usage: virtual-home [--port 8123] [--token TOKEN] [--entities N] [--host 127.0.0.1]"
        + " [--house FILE]");
    System.err.println("       virtual-home --from-home-assistant URL --token-file FILE [--house house.json]");
  }
}
