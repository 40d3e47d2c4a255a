/**
 * A wyoming-satellite simulator for tests and harnesses: {@link io.harpou.testkit.wyoming.SatelliteSimulator}.
 */
package io.harpou.testkit.wyoming;
