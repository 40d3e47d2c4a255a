// Searches the virtual SearXNG with the `searxng` npm client and prints what the client returned as one JSON line.
import { SearxngService } from 'searxng';

const [baseURL, query] = process.argv.slice(2);
const service = new SearxngService({ baseURL, defaultSearchParams: { format: 'json', lang: 'en' } });
try {
  const results = await service.search(query);
  console.log(JSON.stringify({ ok: true, results }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.message) }));
}
