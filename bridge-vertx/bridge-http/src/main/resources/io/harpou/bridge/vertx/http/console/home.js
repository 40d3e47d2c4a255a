// The house by room, each device with its live state, updated from home_state events. While Harpou is unreachable
// the house is shown as it was last known, and said to be so.
import { api } from './api.js';
import { chartChoices } from './charts.js';
import { voiceRooms } from './voice.js';
import { controls } from './controls.js';
import { el } from './dom.js';

let loadedAt = null;
// The entities shown, by id, kept current from home_state events so their controls match their state.
const entities = new Map();

function label(entity) {
  return entity.unit ? `${entity.state} ${entity.unit}` : entity.state;
}

function row(entity) {
  const item = el('li', 'device');
  item.dataset.entityId = entity.entity_id;
  const icon = el('span', 'icon');
  icon.dataset.domain = entity.domain;
  item.append(icon, el('span', 'name', entity.name));
  const state = el('span', 'state', label(entity));
  state.dataset.state = entity.state;
  const tools = el('div', 'controls');
  tools.append(...controls(entity));
  item.append(state, tools);
  entities.set(entity.entity_id, entity);
  return item;
}

// A room folds to one line on a phone, so the house fits a screen; a wide screen shows every room open.
function room(name, entities) {
  const card = el('details', 'room');
  card.open = matchMedia('(min-width: 900px)').matches;
  const summary = el('summary', null, name);
  const on = entities.filter((entity) => ['on', 'open', 'unlocked', 'playing'].includes(entity.state)).length;
  summary.append(el('span', 'count', on ? `${entities.length} devices, ${on} on or open` : `${entities.length} devices`));
  card.append(summary);
  const list = el('ul', 'devices');
  entities.forEach((entity) => list.append(row(entity)));
  card.append(list);
  return card;
}

export async function loadHome() {
  const status = document.getElementById('home-status');
  const rooms = document.getElementById('rooms');
  try {
    const home = await api('/api/home');
    rooms.replaceChildren();
    home.areas.forEach((area) => rooms.append(room(area.name, area.entities)));
    if (home.unassigned.length) rooms.append(room('Elsewhere', home.unassigned));
    chartChoices(home);
    voiceRooms(home);
    loadedAt = new Date();
    rooms.dataset.stale = 'false';
    status.hidden = true;
  } catch (error) {
    status.hidden = false;
    status.textContent = error.status === 503 ? 'Harpou has no Home Assistant to show.' : `Home: ${error.message}`;
  }
}

// Marks the house as possibly out of date while the page cannot hear Harpou.
export function homeStale(stale) {
  const rooms = document.getElementById('rooms');
  const status = document.getElementById('home-status');
  if (!stale || !loadedAt) return;
  rooms.dataset.stale = 'true';
  status.hidden = false;
  status.textContent = `The house as it was at ${loadedAt.toLocaleTimeString()}; Harpou is offline.`;
}

export function homeEvent(event) {
  if (event.kind !== 'home_state' || !event.new_state) return;
  const item = document.querySelector(`li.device[data-entity-id="${CSS.escape(event.entity_id)}"]`);
  if (!item) return;
  const state = item.querySelector('.state');
  const unit = event.new_state.attributes && event.new_state.attributes.unit_of_measurement;
  state.textContent = unit ? `${event.new_state.state} ${unit}` : event.new_state.state;
  state.dataset.state = event.new_state.state;
  const entity = entities.get(event.entity_id);
  if (entity) {
    const attributes = event.new_state.attributes || {};
    Object.assign(entity, { state: event.new_state.state, brightness: attributes.brightness,
      temperature: attributes.temperature, volume_level: attributes.volume_level });
    item.querySelector('.controls').replaceChildren(...controls(entity));
  }
  item.classList.remove('changed');
  void item.offsetWidth;
  item.classList.add('changed');
}
