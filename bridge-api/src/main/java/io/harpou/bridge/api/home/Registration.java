package io.harpou.bridge.api.home;

/** A subscription that can be cancelled. */
@FunctionalInterface
public interface Registration {

  /** Stops the deliveries; calling it twice is harmless. */
  void unregister();
}
