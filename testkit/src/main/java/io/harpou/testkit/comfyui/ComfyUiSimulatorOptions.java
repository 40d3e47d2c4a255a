package io.harpou.testkit.comfyui;

import java.util.List;

/** Where the simulator listens, the checkpoints it has, and how long each sampling step takes. */
public final class ComfyUiSimulatorOptions {

  private String host = "127.0.0.1";
  private int port;
  private long stepDelayMs = 5;
  private List<String> checkpoints = List.of("v1-5-pruned-emaonly.safetensors", "sd_xl_base_1.0.safetensors");

  /** The host to bind (127.0.0.1). */
  public String getHost() {
    return host;
  }

  /** Sets the host. */
  public ComfyUiSimulatorOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** The port, 0 for a free one. */
  public int getPort() {
    return port;
  }

  /** Sets the port. */
  public ComfyUiSimulatorOptions setPort(int port) {
    this.port = port;
    return this;
  }

  /** How long one KSampler step takes (5 ms). */
  public long getStepDelayMs() {
    return stepDelayMs;
  }

  /** Sets how long one step takes. */
  public ComfyUiSimulatorOptions setStepDelayMs(long stepDelayMs) {
    this.stepDelayMs = stepDelayMs;
    return this;
  }

  /** The checkpoint files {@code CheckpointLoaderSimple} accepts. */
  public List<String> getCheckpoints() {
    return checkpoints;
  }

  /** Sets the checkpoint files. */
  public ComfyUiSimulatorOptions setCheckpoints(List<String> checkpoints) {
    this.checkpoints = List.copyOf(checkpoints);
    return this;
  }
}
