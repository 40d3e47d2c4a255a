// Subscribes to Home Assistant's discovery prefix and Harpou's topics with the npm mqtt client, as Home Assistant
// would, and prints every message received as one JSON line: {"topic", "payload", "retain"}. Stops once the broker
// has been quiet for the given number of milliseconds after the first message.
// Usage: node discovery-peer.mjs mqtt://127.0.0.1:PORT QUIET_MS [filter...]
import mqtt from "mqtt";

const [url, quietArg, ...filters] = process.argv.slice(2);
const quietMs = Number(quietArg);
const client = mqtt.connect(url, { clientId: "ha-peer-" + process.pid, clean: true, reconnectPeriod: 0 });
let timer;
const finish = () => client.end(false, () => process.exit(0));
client.on("error", (e) => {
  console.error(e.message);
  process.exit(2);
});
client.on("connect", () => {
  client.subscribe(filters.length ? filters : ["homeassistant/#"], { qos: 1 }, (err) => {
    if (err) {
      console.error(err.message);
      process.exit(2);
    }
    timer = setTimeout(finish, quietMs * 4);
  });
});
client.on("message", (topic, payload, packet) => {
  process.stdout.write(JSON.stringify({ topic, payload: payload.toString("utf8"), retain: packet.retain }) + "\n");
  clearTimeout(timer);
  timer = setTimeout(finish, quietMs);
});
