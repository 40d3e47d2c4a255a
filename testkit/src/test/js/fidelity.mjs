// Drives the virtual Home Assistant with Home Assistant's own frontend WebSocket library and prints what it saw
// as one JSON line. Usage: node fidelity.mjs <http-url> <token>
import WebSocket from "ws";
import {
  createConnection,
  createLongLivedTokenAuth,
  subscribeEntities,
  callService,
  getStates,
  getConfig,
  getServices,
} from "home-assistant-js-websocket";

globalThis.WebSocket = WebSocket;

const [url, token] = process.argv.slice(2);
const fail = (message) => {
  console.log(JSON.stringify({ ok: false, error: String(message) }));
  process.exit(1);
};
setTimeout(() => fail("timed out"), 20000).unref();

const waitFor = (predicate) =>
  new Promise((resolve) => {
    const check = () => (predicate() ? resolve() : setTimeout(check, 10));
    check();
  });

try {
  const result = { ok: true };
  const badAuth = createLongLivedTokenAuth(url, "wrong-" + token);
  try {
    await createConnection({ auth: badAuth, setupRetry: 0 });
    result.badTokenRejected = false;
  } catch (err) {
    result.badTokenRejected = err === 2; // ERR_INVALID_AUTH
  }

  const conn = await createConnection({ auth: createLongLivedTokenAuth(url, token) });
  result.haVersion = conn.haVersion;

  let entities;
  subscribeEntities(conn, (e) => (entities = e));
  await waitFor(() => entities && entities["light.kitchen"]);
  result.entityCount = Object.keys(entities).length;
  result.kitchenBefore = entities["light.kitchen"].state;
  result.kitchenFriendlyName = entities["light.kitchen"].attributes.friendly_name;

  const changes = [];
  await conn.subscribeEvents((ev) => changes.push(ev), "state_changed");

  const callResult = await callService(conn, "light", "turn_on", { brightness_pct: 50 }, { entity_id: "light.kitchen" });
  result.callContextId = callResult.context.id;
  await waitFor(() => entities["light.kitchen"].state === "on");
  result.kitchenAfter = entities["light.kitchen"].state;
  result.kitchenBrightness = entities["light.kitchen"].attributes.brightness;
  result.kitchenContextId = entities["light.kitchen"].context.id;
  await waitFor(() => changes.length > 0);
  result.stateChanged = {
    entity: changes[0].data.entity_id,
    oldState: changes[0].data.old_state.state,
    newState: changes[0].data.new_state.state,
  };

  const responseCall = await callService(conn, "todo", "get_items", {}, { entity_id: "todo.shopping_list" }, true);
  result.shoppingItems = responseCall.response["todo.shopping_list"].items.map((i) => i.summary);

  try {
    await callService(conn, "light", "explode", {}, { entity_id: "light.kitchen" });
    result.unknownServiceError = null;
  } catch (err) {
    result.unknownServiceError = err.code;
  }

  const states = await getStates(conn);
  result.getStatesCount = states.length;
  const config = await getConfig(conn);
  result.configVersion = config.version;
  const services = await getServices(conn);
  result.servicesHaveLightTurnOn = Boolean(services.light && services.light.turn_on);
  const areas = await conn.sendMessagePromise({ type: "config/area_registry/list" });
  result.areaCount = areas.length;
  await conn.ping();
  result.pinged = true;

  conn.close();
  console.log(JSON.stringify(result));
  process.exit(0);
} catch (err) {
  fail(err && err.message ? err.message : JSON.stringify(err));
}
