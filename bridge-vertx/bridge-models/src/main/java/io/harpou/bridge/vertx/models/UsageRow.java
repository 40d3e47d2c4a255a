package io.harpou.bridge.vertx.models;

import java.time.Instant;

/**
 * One model call in the ledger.
 *
 * @param time when it ended
 * @param model the model's configured name
 * @param profile the profile (speaker) it was for, or null
 * @param conversationId the conversation
 * @param turnId the turn
 * @param inputTokens prompt tokens
 * @param outputTokens generated tokens
 * @param cost what it cost
 * @param latencyMillis how long it took
 * @param outcome {@code ok}, {@code failed} or {@code cache_hit}
 */
public record UsageRow(Instant time, String model, String profile, String conversationId, String turnId,
                       int inputTokens, int outputTokens, double cost, long latencyMillis, String outcome) {
}
