/**
 * The tool SPI: what the agent can do. A {@link io.harpou.bridge.api.tool.ToolProvider} found through
 * {@link java.util.ServiceLoader} contributes {@link io.harpou.bridge.api.tool.Tool}s; each tool describes itself with a
 * {@link io.harpou.bridge.api.tool.ToolSpec} (for the model) separately from how it runs.
 */
package io.harpou.bridge.api.tool;
