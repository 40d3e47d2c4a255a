/**
 * The monitor SPI: {@link io.harpou.bridge.api.monitor.Monitor}s, contributed by a
 * {@link io.harpou.bridge.api.tool.ToolProvider} next to its tools, each report the
 * {@link io.harpou.bridge.api.monitor.Problem}s they see. The runtime schedules them, turns lasting problems into
 * alerts and opens a repair session for each.
 */
package io.harpou.bridge.api.monitor;
