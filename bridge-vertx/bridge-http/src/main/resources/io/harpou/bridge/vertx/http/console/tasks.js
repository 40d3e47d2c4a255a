// Background tasks with progress, a notice when one ends, and the audit trail.
import { api, el } from './api.js';
import { parsedResult, showArtifacts } from './artifacts.js';

const FINAL = new Set(['done', 'failed', 'cancelled', 'interrupted']);

function render(task) {
  const list = document.getElementById('task-list');
  let item = list.querySelector(`li[data-task-id="${CSS.escape(task.id)}"]`);
  if (!item) {
    item = el('li', 'task');
    item.dataset.taskId = task.id;
    const bar = el('progress');
    bar.max = 1;
    const cancel = el('button', 'small', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => api(`/api/tasks/${encodeURIComponent(task.id)}`, { method: 'DELETE' })
      .catch((error) => toast(error.message)));
    item.append(el('span', 'task-title', task.title), el('span', 'task-status'), bar, cancel,
      el('p', 'task-result'));
    list.prepend(item);
  }
  item.dataset.status = task.status;
  item.querySelector('.task-status').textContent = task.status;
  item.querySelector('progress').value = task.progress || 0;
  item.querySelector('button').hidden = FINAL.has(task.status);
  const result = parsedResult(task.result);
  item.querySelector('.task-result').textContent = result.message;
  showArtifacts(item, result.json);
  document.getElementById('tasks-empty').hidden = true;
}

export function toast(text) {
  const note = el('div', 'toast', text);
  document.getElementById('toasts').append(note);
  setTimeout(() => note.remove(), 6000);
}

export async function loadTasks() {
  try {
    (await api('/api/tasks')).tasks.reverse().forEach(render);
  } catch (error) {
    document.getElementById('tasks-empty').textContent = error.status === 503 ? 'Tasks are not running.'
      : error.message;
  }
}

export function taskEvent(event) {
  if (event.kind === 'task_queued' || event.kind === 'task_done') {
    render(event.task);
    if (event.kind === 'task_done') toast(`${event.task.title}: ${event.task.status}`);
  } else if (event.kind === 'task_progress') {
    const item = document.querySelector(`li[data-task-id="${CSS.escape(event.task_id)}"]`);
    if (item) {
      item.querySelector('progress').value = event.progress;
      item.querySelector('.task-result').textContent = event.message || '';
    }
  }
}

export async function loadAudit() {
  try {
    const rows = document.getElementById('audit-rows');
    const { entries } = await api('/api/audit?limit=50');
    rows.replaceChildren(...entries.map((entry) => {
      const tr = el('tr', entry.outcome);
      [new Date(entry.time).toLocaleTimeString(), entry.tool, entry.channel, entry.room || '', entry.outcome,
        entry.duration_ms].forEach((value) => tr.append(el('td', null, value)));
      return tr;
    }));
  } catch (error) {
    toast(`Audit: ${error.message}`);
  }
}
