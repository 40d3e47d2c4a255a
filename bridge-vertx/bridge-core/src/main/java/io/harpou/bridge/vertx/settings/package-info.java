/**
 * The household's settings that apply without a restart ({@link io.harpou.bridge.vertx.settings.HouseholdSettings}),
 * held and stored by {@link io.harpou.bridge.vertx.settings.LiveSettings}.
 */
package io.harpou.bridge.vertx.settings;
