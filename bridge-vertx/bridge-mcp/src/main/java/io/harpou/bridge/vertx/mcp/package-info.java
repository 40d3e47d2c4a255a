/**
 * The Model Context Protocol server: Harpou's tools, home, memories, documents and prompts for any MCP client, over
 * streamable HTTP ({@code /mcp}) and the older HTTP+SSE transport ({@code /mcp/sse}), mounted on the HTTP API's own
 * router so that its guard, limits and keys apply.
 */
package io.harpou.bridge.vertx.mcp;
