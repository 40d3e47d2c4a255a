package io.harpou.bridge.vertx.voice.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Multi-room arbitration: the first wake word opens a short window; every satellite that wakes within it joins, and
 * when it closes the one that heard the loudest speech wins. Runs on one event loop (voice's), so it needs no locks.
 */
final class Arbiter {

  private final Vertx vertx;
  private final long windowMs;
  private final List<Claim> open = new ArrayList<>();
  private long timer = -1;

  Arbiter(Vertx vertx, long windowMs) {
    this.vertx = vertx;
    this.windowMs = windowMs;
  }

  /**
   * Joins the current window (or opens one); the Future says whether this claim won. {@code energy} is read when the
   * window closes.
   */
  Future<Boolean> claim(Object owner, DoubleSupplier energy) {
    if (windowMs == 0) {
      return Future.succeededFuture(true);
    }
    Promise<Boolean> promise = Promise.promise();
    open.add(new Claim(owner, energy, promise));
    if (timer < 0) {
      timer = vertx.setTimer(windowMs, id -> decide());
    }
    return promise.future();
  }

  /** Leaves the window (the satellite went away); the claim loses. */
  void withdraw(Object owner) {
    open.removeIf(claim -> {
      if (claim.owner == owner) {
        claim.promise.tryComplete(false);
        return true;
      }
      return false;
    });
  }

  private void decide() {
    timer = -1;
    List<Claim> claims = new ArrayList<>(open);
    open.clear();
    Claim winner = null;
    double loudest = -1;
    for (Claim claim : claims) {
      double energy = claim.energy.getAsDouble();
      if (energy > loudest) {
        loudest = energy;
        winner = claim;
      }
    }
    for (Claim claim : claims) {
      claim.promise.tryComplete(claim == winner);
    }
  }

  private record Claim(Object owner, DoubleSupplier energy, Promise<Boolean> promise) {
  }
}
