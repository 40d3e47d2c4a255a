// Controls beside each device: they act through Harpou's policy point and audit, as a spoken command does. A protected
// action (a lock, a garage door) comes back as a confirmation question in the chat, answered with Yes or No there.
import { api } from './api.js';
import { button, el } from './dom.js';
import { toast } from './toast.js';

let chat = null;

// `conversation()` names the chat's conversation; `ask(question)` shows a control's confirmation question there.
export function initControls(conversation, ask) {
  chat = { conversation, ask };
}

async function call(entity, service, data = {}, isProtected = false) {
  try {
    const result = await api('/api/home/services', { body: { entity_id: entity.entity_id, service, data,
      protected: isProtected, conversation_id: chat.conversation(), language: document.documentElement.lang } });
    if (result.confirmation) chat.ask(result.confirmation);
    else if (!result.ok) toast(result.message);
  } catch (error) {
    toast(`${entity.name}: ${error.message}`);
  }
}

function labelled(node, text) {
  node.setAttribute('aria-label', text);
  return node;
}

function toggle(entity) {
  const on = entity.state === 'on';
  return labelled(button('small control', on ? 'Turn off' : 'Turn on',
    () => call(entity, `${entity.domain}.${on ? 'turn_off' : 'turn_on'}`)), `${on ? 'Turn off' : 'Turn on'} ${entity.name}`);
}

function range(entity, label, value, max, onChange) {
  const input = labelled(el('input', 'control range'), `${label} of ${entity.name}`);
  input.type = 'range';
  input.min = '0';
  input.max = String(max);
  input.value = String(value);
  input.addEventListener('change', () => onChange(Number(input.value)));
  return input;
}

function light(entity) {
  const nodes = [toggle(entity)];
  const brightness = entity.brightness === undefined ? 0 : Math.round((entity.brightness / 255) * 100);
  nodes.push(range(entity, 'Brightness', brightness, 100,
    (value) => call(entity, 'light.turn_on', { brightness_pct: value })));
  const colour = labelled(el('input', 'control colour'), `Colour of ${entity.name}`);
  colour.type = 'color';
  colour.addEventListener('change', () => {
    const hex = colour.value.slice(1);
    call(entity, 'light.turn_on', { rgb_color: [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) });
  });
  nodes.push(colour);
  return nodes;
}

function climate(entity) {
  const target = labelled(el('input', 'control number'), `Set point of ${entity.name}`);
  target.type = 'number';
  target.step = '0.5';
  target.value = entity.temperature === undefined ? '' : String(entity.temperature);
  target.addEventListener('change', () => call(entity, 'climate.set_temperature',
    { temperature: Number(target.value) }));
  const mode = labelled(el('select', 'control'), `Mode of ${entity.name}`);
  (entity.hvac_modes || ['off', 'heat', 'cool', 'auto']).forEach((name) => {
    const option = el('option', null, name);
    option.value = name;
    mode.append(option);
  });
  mode.value = entity.state;
  mode.addEventListener('change', () => call(entity, 'climate.set_hvac_mode', { hvac_mode: mode.value }));
  return [target, mode];
}

function media(entity) {
  const playing = entity.state === 'playing';
  return [labelled(button('small control', playing ? 'Pause' : 'Play',
    () => call(entity, playing ? 'media_player.media_pause' : 'media_player.media_play')),
  `${playing ? 'Pause' : 'Play'} ${entity.name}`),
  range(entity, 'Volume', Math.round((entity.volume_level || 0) * 100), 100,
    (value) => call(entity, 'media_player.volume_set', { volume_level: value / 100 }))];
}

function guarded(entity) {
  return ['garage', 'gate'].includes(entity.device_class);
}

// The controls of one device, by its domain; none for sensors.
export function controls(entity) {
  switch (entity.domain) {
    case 'light': return light(entity);
    case 'switch': case 'fan': case 'input_boolean': return [toggle(entity)];
    case 'climate': return climate(entity);
    case 'media_player': return media(entity);
    case 'scene': case 'script': return [labelled(button('small control', 'Run',
      () => call(entity, `${entity.domain}.turn_on`)), `Run ${entity.name}`)];
    case 'lock': {
      const locked = entity.state === 'locked';
      return [labelled(button('small control', locked ? 'Unlock' : 'Lock',
        () => call(entity, `lock.${locked ? 'unlock' : 'lock'}`, {}, true)), `${locked ? 'Unlock' : 'Lock'} ${entity.name}`)];
    }
    case 'cover': {
      const open = entity.state === 'open';
      return [labelled(button('small control', open ? 'Close' : 'Open',
        () => call(entity, `cover.${open ? 'close_cover' : 'open_cover'}`, {}, guarded(entity))),
      `${open ? 'Close' : 'Open'} ${entity.name}`)];
    }
    default: return [];
  }
}
