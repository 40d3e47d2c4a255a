// The announcement rules: what Harpou watches in the house and says when it holds (from the configuration, added by
// speech, or added here). Rules added by speech or here can be deleted; the configuration's are changed there.
import { api } from './api.js';
import { button, el } from './dom.js';
import { toast } from './toast.js';

const TESTS = { state: 'is', above: 'is above', below: 'is below' };

// A condition in words: "binary_sensor.front_door is on for 10 min".
function condition(when) {
  const what = when.entity_id ? [].concat(when.entity_id).join(', ')
    : `every ${when.device_class}${when.domain ? ` ${when.domain}` : ''}`;
  const attribute = when.attribute ? ` ${when.attribute}` : '';
  const test = Object.keys(TESTS).filter((key) => when[key] !== undefined)
    .map((key) => `${TESTS[key]} ${[].concat(when[key]).join(' or ')}`).join(' and ');
  // Harpou reports how long a condition must hold in seconds.
  const minutes = when.for_seconds ? Math.round(when.for_seconds / 6) / 10 : 0;
  return `${what}${attribute} ${test}${minutes ? ` for ${minutes} min` : ''}`;
}

async function remove(id) {
  try {
    await api(`/api/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
    loadRules();
  } catch (error) {
    toast(`Rules: ${error.message}`);
  }
}

export async function loadRules() {
  const list = document.getElementById('rule-list');
  const note = document.getElementById('rules-note');
  try {
    const { rules } = await api('/api/rules');
    list.replaceChildren(...rules.map((rule) => {
      const item = el('li', 'rule');
      item.dataset.ruleId = rule.id;
      item.dataset.origin = rule.origin;
      item.append(el('span', 'rule-when', `When ${condition(rule.when)}${rule.while ? `, while ${condition(rule.while)}`
        : ''}, `), el('span', 'rule-say', `say "${rule.say || ''}" `),
      el('span', 'rule-where', rule.rooms.length ? `in ${rule.rooms.join(', ')}. `
        : 'in every room with a satellite. '));
      if (rule.origin === 'configuration') {
        item.append(el('span', 'rule-origin muted', 'from the configuration'));
      } else {
        const del = button('small', 'Delete', () => remove(rule.id));
        del.setAttribute('aria-label', `Delete the rule ${rule.id}`);
        item.append(del);
      }
      return item;
    }));
    note.textContent = rules.length ? '' : 'No rule. Say "tell me when ..." or add one here.';
  } catch (error) {
    list.replaceChildren();
    note.textContent = error.status === 503 ? 'Announcement rules are off (no notifications section).'
      : error.message;
  }
}

// The rule the form describes: one entity, one test, what to say, and optionally how long and where.
function ruleFromForm() {
  const value = document.getElementById('rule-value').value.trim();
  const test = document.getElementById('rule-test').value;
  const when = { entity_id: document.getElementById('rule-entity').value.trim() };
  when[test] = test === 'state' ? value : Number(value);
  const minutes = document.getElementById('rule-minutes').value;
  if (minutes) when.for_minutes = Number(minutes);
  const rooms = document.getElementById('rule-rooms').value.split(',').map((room) => room.trim()).filter(Boolean);
  return { when, say: document.getElementById('rule-say').value.trim(), rooms };
}

export function initRules() {
  const form = document.getElementById('rule-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('/api/rules', { body: ruleFromForm() });
      form.reset();
      loadRules();
    } catch (error) {
      toast(`Rules: ${error.message}`);
    }
  });
  document.querySelector('nav.tabs button[data-view="activity"]').addEventListener('click', loadRules);
}
