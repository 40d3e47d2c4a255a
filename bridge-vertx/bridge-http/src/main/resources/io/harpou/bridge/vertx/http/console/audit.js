// The audit trail: every tool call with who asked, where, its outcome and its detail (such as why a call was refused),
// filtered by tool, room and outcome; refreshed shortly after tools finish.
import { api } from './api.js';
import { el } from './dom.js';
import { toast } from './toast.js';

let timer = null;

function query() {
  const params = new URLSearchParams({ limit: '100' });
  const tool = document.getElementById('audit-tool').value.trim();
  const room = document.getElementById('audit-room').value.trim();
  if (tool) params.set('tool', tool);
  if (room) params.set('room', room);
  return params;
}

export async function loadAudit() {
  try {
    const rows = document.getElementById('audit-rows');
    const outcome = document.getElementById('audit-outcome').value;
    const { entries } = await api(`/api/audit?${query()}`);
    rows.replaceChildren(...entries.filter((entry) => !outcome || entry.outcome === outcome).map((entry) => {
      const tr = el('tr');
      // The outcome is data, not a class name: any word (such as "task") must leave the table's layout alone.
      tr.dataset.outcome = entry.outcome;
      [new Date(entry.time).toLocaleTimeString(), entry.tool, entry.channel, entry.room || '', entry.outcome,
        entry.duration_ms].forEach((value) => tr.append(el('td', null, value)));
      tr.append(el('td', 'detail', entry.detail || ''));
      return tr;
    }));
  } catch (error) {
    toast(`Audit: ${error.message}`);
  }
}

export function auditEvent(event) {
  if (event.kind !== 'tool_finished') return;
  clearTimeout(timer);
  timer = setTimeout(loadAudit, 300);
}

export function initAudit() {
  document.getElementById('audit-refresh').addEventListener('click', loadAudit);
  const filters = document.getElementById('audit-filters');
  filters.addEventListener('change', loadAudit);
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    loadAudit();
  });
}
