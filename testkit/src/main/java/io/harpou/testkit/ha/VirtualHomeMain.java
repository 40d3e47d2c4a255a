package io.harpou.testkit.ha;

import io.vertx.core.Vertx;

/**
 * Runs a virtual Home Assistant from the command line so any Home Assistant client can be pointed at it:
 * {@code --port P --token T --entities N --host H}. Prints the URL and the token, then serves until killed.
 */
public final class VirtualHomeMain {

  private VirtualHomeMain() {
  }

  /**
   * Starts the virtual home.
   *
   * @param args {@code --port P} (default 8123), {@code --token T}, {@code --entities N} (0 = demo house),
   *             {@code --host H} (default 127.0.0.1)
   */
  public static void main(String[] args) {
    VirtualHomeOptions options = new VirtualHomeOptions().setPort(8123);
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
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("virtual-home: " + e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, options);
    try {
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
    System.err.println("usage: virtual-home [--port 8123] [--token TOKEN] [--entities N] [--host 127.0.0.1]");
  }
}
