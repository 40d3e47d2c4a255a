/** The tool registry: every {@link io.harpou.bridge.api.tool.ToolProvider} found, enabled by configuration. */
package io.harpou.bridge.vertx.tools;
