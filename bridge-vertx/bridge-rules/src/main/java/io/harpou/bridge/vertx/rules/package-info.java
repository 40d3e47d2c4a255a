/**
 * Notification rules: the household's {@link io.harpou.bridge.vertx.rules.Rule}s, watched against Home Assistant's
 * states by {@link io.harpou.bridge.vertx.rules.NotificationRules}, and the {@code notify_when} tool that makes a
 * one-time rule from "tell me when the washing machine is done".
 */
package io.harpou.bridge.vertx.rules;
