// Measures a Home Assistant server (real or virtual) as Home Assistant's own frontend library sees it, and prints
// one JSON line. Not a test: run by hand or by the benchmark harness.
//   node peer-bench.mjs <http-url> <token> [calls=1000] [syncRuns=5] [entity=light.kitchen]
// sync: connect + auth + get_states + the 4 registry lists (areas, floors, devices, entities), fetched concurrently
// as a dashboard does on start-up. calls: sequential call_service round trips (light.toggle by default).
import WebSocket from "ws";
import { createConnection, createLongLivedTokenAuth, callService, getStates } from "home-assistant-js-websocket";

globalThis.WebSocket = WebSocket;

const [url, token, callsArg, syncArg, entityArg] = process.argv.slice(2);
if (!url || !token) {
  console.error("usage: node peer-bench.mjs <http-url> <token> [calls] [syncRuns] [entity]");
  process.exit(2);
}
const calls = Number(callsArg ?? 1000);
const syncRuns = Number(syncArg ?? 5);
const entity = entityArg ?? "light.kitchen";
const domain = entity.split(".")[0];

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => Math.round(v * 1000) / 1000;
  return {
    n: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p90_ms: round(percentile(sorted, 90)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted[sorted.length - 1]),
    mean_ms: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
};

try {
  const syncTimes = [];
  let entityCount = 0;
  for (let i = 0; i < syncRuns; i++) {
    const start = process.hrtime.bigint();
    const conn = await createConnection({ auth: createLongLivedTokenAuth(url, token) });
    const [states] = await Promise.all([
      getStates(conn),
      conn.sendMessagePromise({ type: "config/area_registry/list" }),
      conn.sendMessagePromise({ type: "config/floor_registry/list" }),
      conn.sendMessagePromise({ type: "config/device_registry/list" }),
      conn.sendMessagePromise({ type: "config/entity_registry/list" }),
    ]);
    syncTimes.push(ms(start));
    entityCount = states.length;
    conn.close();
  }

  const conn = await createConnection({ auth: createLongLivedTokenAuth(url, token) });
  for (let i = 0; i < Math.min(50, calls); i++) {
    await callService(conn, domain, "toggle", {}, { entity_id: entity });
  }
  const callTimes = [];
  for (let i = 0; i < calls; i++) {
    const start = process.hrtime.bigint();
    await callService(conn, domain, "toggle", {}, { entity_id: entity });
    callTimes.push(ms(start));
  }
  conn.close();

  console.log(
    JSON.stringify({
      ok: true,
      url,
      entities: entityCount,
      sync: summary(syncTimes),
      call_service: { entity, service: `${domain}.toggle`, warmup: Math.min(50, calls), ...summary(callTimes) },
      node: process.version,
    }),
  );
  process.exit(0);
} catch (err) {
  console.log(JSON.stringify({ ok: false, error: err && err.message ? err.message : JSON.stringify(err) }));
  process.exit(1);
}
