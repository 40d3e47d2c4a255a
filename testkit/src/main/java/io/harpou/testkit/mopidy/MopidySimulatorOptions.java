package io.harpou.testkit.mopidy;

/** Where the simulator listens. */
public final class MopidySimulatorOptions {

  private String host = "127.0.0.1";
  private int port;

  /** The host to bind (127.0.0.1). */
  public String getHost() {
    return host;
  }

  /** Sets the host. */
  public MopidySimulatorOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** The port, 0 for a free one. */
  public int getPort() {
    return port;
  }

  /** Sets the port. */
  public MopidySimulatorOptions setPort(int port) {
    this.port = port;
    return this;
  }
}
