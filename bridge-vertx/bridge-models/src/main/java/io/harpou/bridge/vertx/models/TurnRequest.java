package io.harpou.bridge.vertx.models;

/**
 * What the models are told about a turn, to route it and to record its calls.
 *
 * @param turnId the turn
 * @param conversationId the conversation
 * @param text what was asked
 * @param language its language tag
 * @param profile the agent profile it is for (its id), else the speaker, or null
 * @param model the model that agent profile names, or null
 */
public record TurnRequest(String turnId, String conversationId, String text, String language, String profile,
                          String model) {
}
