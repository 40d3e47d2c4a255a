/** The MCP server's transports on Vert.x, its features and its sessions. */
package io.harpou.bridge.vertx.mcp.impl;
