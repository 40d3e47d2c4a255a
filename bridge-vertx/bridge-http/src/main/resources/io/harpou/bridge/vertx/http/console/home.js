// The house by room, each device with its live state, updated from home_state events.
import { api, el } from './api.js';

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
  item.append(state);
  return item;
}

function room(name, entities) {
  const card = el('article', 'room');
  card.append(el('h3', null, name));
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
    status.textContent = `Home Assistant: ${home.connection}`;
  } catch (error) {
    status.textContent = error.status === 503 ? 'No Home Assistant is connected.' : `Home: ${error.message}`;
  }
}

export function homeEvent(event) {
  if (event.kind !== 'home_state' || !event.new_state) return;
  const item = document.querySelector(`li.device[data-entity-id="${CSS.escape(event.entity_id)}"]`);
  if (!item) return;
  const state = item.querySelector('.state');
  const unit = event.new_state.attributes && event.new_state.attributes.unit_of_measurement;
  state.textContent = unit ? `${event.new_state.state} ${unit}` : event.new_state.state;
  state.dataset.state = event.new_state.state;
  item.classList.remove('changed');
  void item.offsetWidth;
  item.classList.add('changed');
}
