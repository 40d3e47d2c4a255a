package io.harpou.bridge.vertx.model;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What the language models have been used for: the ledger of model calls, summed for {@code /api/usage}.
 */
public interface ModelUsage {

  /** How calls can be grouped. */
  enum GroupBy {
    /** By UTC day, {@code 2026-12-06}. */
    DAY,
    /** By the model's configured name. */
    MODEL,
    /** By the profile (the speaker) the call was made for. */
    PROFILE
  }

  /**
   * The calls made from {@code from} (inclusive) to {@code to} (exclusive), grouped: each group with its calls,
   * cache hits, failures, input and output tokens, cost and mean latency, plus each cloud model's monthly budget
   * and how much of it is spent.
   */
  Future<JsonObject> usage(GroupBy by, Instant from, Instant to);
}
