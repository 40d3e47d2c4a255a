// Drives Harpou's MCP server with the official TypeScript SDK client, as an MCP application would.
// Usage: node client.mjs '<json>' where the JSON says {url, transport: "http"|"sse", token, elicitation:
// "accept"|"decline"|absent, calls: [{tool, args}], read: [uri], prompts: true}. Prints one JSON line.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const config = JSON.parse(process.argv[2]);
const headers = config.token ? { Authorization: `Bearer ${config.token}` } : {};
const withHeaders = (url, init) => {
  const merged = new Headers(init?.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return fetch(url, { ...init, headers: merged });
};
const out = { elicited: [], calls: [], reads: [] };

const client = new Client({ name: 'harpou-test-client', version: '1.0.0' },
  { capabilities: config.elicitation ? { elicitation: {} } : {} });
if (config.elicitation) {
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    out.elicited.push(request.params.message);
    return config.elicitation === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
  });
}
const url = new URL(config.url);
const transport = config.transport === 'sse'
  ? new SSEClientTransport(url, { fetch: withHeaders, eventSourceInit: { fetch: withHeaders } })
  : new StreamableHTTPClientTransport(url, { fetch: withHeaders });

try {
  await client.connect(transport);
  out.server = client.getServerVersion();
  out.tools = (await client.listTools()).tools;
  for (const call of config.calls ?? []) {
    const result = await client.callTool({ name: call.tool, arguments: call.args ?? {} });
    out.calls.push({ isError: result.isError ?? false, text: result.content.map(c => c.text).join('\n') });
  }
  if (config.resources) {
    out.resources = (await client.listResources()).resources;
    out.templates = (await client.listResourceTemplates()).resourceTemplates;
  }
  for (const uri of config.read ?? []) {
    try {
      const result = await client.readResource({ uri });
      out.reads.push({ uri, text: result.contents[0].text });
    } catch (e) {
      out.reads.push({ uri, error: String(e.message) });
    }
  }
  if (config.prompts) {
    out.prompts = (await client.listPrompts()).prompts;
    const prompt = await client.getPrompt({ name: 'room_off', arguments: { room: 'kitchen' } });
    out.promptText = prompt.messages[0].content.text;
  }
  await client.close();
  out.ok = true;
} catch (e) {
  out.ok = false;
  out.error = String(e?.message ?? e);
}
console.log(JSON.stringify(out));
process.exit(0);
