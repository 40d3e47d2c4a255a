// The audit trail: every tool call with who asked, where, and its outcome; refreshed shortly after tools finish.
import { api } from './api.js';
import { el } from './dom.js';
import { toast } from './toast.js';

let timer = null;

export async function loadAudit() {
  try {
    const rows = document.getElementById('audit-rows');
    const { entries } = await api('/api/audit?limit=50');
    rows.replaceChildren(...entries.map((entry) => {
      const tr = el('tr');
      // The outcome is data, not a class name: any word (such as "task") must leave the table's layout alone.
      tr.dataset.outcome = entry.outcome;
      [new Date(entry.time).toLocaleTimeString(), entry.tool, entry.channel, entry.room || '', entry.outcome,
        entry.duration_ms].forEach((value) => tr.append(el('td', null, value)));
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
}
