/**
 * Notification rules: what Harpou watches in Home Assistant and tells the household about, and the
 * {@link io.harpou.bridge.api.rules.RuleBook} that lists, adds and removes them from anywhere on the event bus.
 */
package io.harpou.bridge.api.rules;
