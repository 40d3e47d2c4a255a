// What the page knows of its link to Harpou and of Harpou's parts: the badge in the header, and a banner that says
// what is wrong, where and why (the component's own detail names the URL and the cause) and how to fix it.
import { api } from './api.js';
import { el } from './dom.js';
import { hubInfo } from './hub.js';

// Component states that mean a part cannot do its work (as /health counts them).
const PROBLEMS = new Set(['connecting', 'reconnecting', 'auth_failed', 'failed', 'degraded', 'down', 'error']);

const ADVICE = {
  home_assistant: (state) => (state === 'auth_failed'
    ? ['Home Assistant refused Harpou\'s access token', 'Create a long-lived access token in your Home Assistant '
      + 'profile, put it in the file HARPOU_HA_TOKEN_FILE names (or in HARPOU_HA_TOKEN) and restart Harpou.']
    : ['Harpou cannot reach Home Assistant', 'Check that Home Assistant is running and that this machine can reach '
      + 'its address; Harpou keeps retrying and the house comes back by itself.']),
  agent: () => ['The language model is not answering', 'Check that the model server is running and has the '
    + 'model; Harpou tries it again with the next question. Simple commands still work.'],
  speech: () => ['Speech is not working', 'Check the speech engines (HARPOU_WHISPER_MODEL, espeak-ng) and restart '
    + 'Harpou.'],
};

let link = 'connecting';
let components = {};

function problems() {
  const list = [];
  if (link === 'offline') {
    list.push({ id: 'hub', title: 'Harpou is not answering', detail: `The hub at ${location.host} closed the `
      + 'connection; this page reconnects by itself and reloads the house.', fix: 'If Harpou was stopped, start it '
      + 'again with ./harpou hub.' });
    return list;
  }
  Object.entries(components).forEach(([name, component]) => {
    if (!PROBLEMS.has(component.state)) return;
    const advice = ADVICE[name] ? ADVICE[name](component.state)
      : [`${name.replace(/_/g, ' ')} is ${component.state.replace(/_/g, ' ')}`, 'See the hub\'s log.'];
    list.push({ id: name, title: advice[0], detail: component.detail || '', fix: advice[1] });
  });
  return list;
}

function render() {
  const found = problems();
  const badge = document.getElementById('link');
  const home = components.home_assistant ? components.home_assistant.state : 'connected';
  let state = link;
  let text = { connecting: 'Connecting', live: 'Live', offline: 'Harpou offline' }[link];
  if (link === 'live' && PROBLEMS.has(home)) {
    state = 'degraded';
    text = home === 'auth_failed' ? 'Home Assistant refused' : 'Home Assistant down';
  }
  badge.dataset.state = state;
  badge.textContent = text;
  const banner = document.getElementById('health');
  banner.replaceChildren(...found.map((problem) => {
    const item = el('div', 'problem');
    item.dataset.component = problem.id;
    item.append(el('strong', null, problem.title), el('p', 'detail', problem.detail),
      el('p', 'fix', problem.fix));
    return item;
  }));
  banner.hidden = found.length === 0;
  const { version } = hubInfo();
  document.getElementById('version').textContent = version ? `Harpou ${version}` : '';
}

export function linkState(state) {
  link = state;
  render();
}

export async function loadHealth() {
  const health = await api('/health', { accept: [503] });
  components = health.components || {};
  render();
}

export function healthEvent(event) {
  if (event.kind !== 'component_state') return;
  components[event.component] = { state: event.state, detail: event.detail };
  render();
}
