/** A real mosquitto broker started and stopped by tests and benchmarks. */
package io.harpou.testkit.mqtt;
