package io.harpou.bridge.vertx.models;

/**
 * What the models are told about a turn, to route it and to record its calls.
 *
 * @param turnId the turn
 * @param conversationId the conversation
 * @param text what was asked
 * @param language its language tag
 * @param profile the profile (speaker) it is for, or null
 */
public record TurnRequest(String turnId, String conversationId, String text, String language, String profile) {
}
