// An MCP server over stdio, on the official TypeScript SDK's McpServer, whose tool list changes while it runs: calling
// open_oven_tools adds oven_temperature and removes open_oven_tools itself, and the SDK announces each change with
// notifications/tools/list_changed, as a server whose tools depend on its state does.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const server = new McpServer({ name: 'changing-server', version: '1.0.0' },
  { capabilities: { tools: { listChanged: true } } });
const opener = server.registerTool('open_oven_tools', { description: 'Make the oven tools available.' }, async () => {
  server.registerTool('oven_temperature', { description: 'The oven temperature in degrees Celsius.' },
    async () => ({ content: [{ type: 'text', text: '180 degrees' }] }));
  opener.remove();
  return { content: [{ type: 'text', text: 'The oven tools are available.' }] };
});
await server.connect(new StdioServerTransport());
