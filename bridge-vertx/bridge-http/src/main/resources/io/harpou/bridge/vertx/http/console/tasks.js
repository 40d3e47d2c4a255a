// Background tasks and voice timers: a timer counts down to its end, a task shows its progress, and either can be
// cancelled while it waits or runs; a notice says when one ends.
import { api } from './api.js';
import { showArtifacts } from './artifacts.js';
import { button, el } from './dom.js';
import { taskEnded } from './notices.js';
import { toast } from './toast.js';

const FINAL = new Set(['done', 'failed', 'cancelled', 'interrupted']);
const tasks = new Map();
let ticker = null;

// A JSON result (a tool's structured answer) as its value; null when the result is plain text.
function parsed(result) {
  if (!result) return null;
  try {
    return JSON.parse(result);
  } catch (error) {
    return null;
  }
}

// A result as a person reads it: a JSON result becomes its text, or its fields.
export function readable(result) {
  if (!result) return '';
  const value = parsed(result);
  if (value === null) return result;
  if (typeof value !== 'object') return String(value);
  for (const key of ['text', 'message', 'summary', 'content', 'answer']) {
    if (typeof value[key] === 'string') return value[key];
  }
  return Object.entries(value).map(([key, field]) => `${key.replace(/_/g, ' ')}: `
    + (typeof field === 'object' ? JSON.stringify(field) : field)).join('; ');
}

function left(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

// The status line and progress of a task now: a waiting timer counts down to its due time.
function refresh(item, task) {
  const status = item.querySelector('.task-status');
  const bar = item.querySelector('progress');
  if (task.due_at && !FINAL.has(task.status)) {
    const due = Date.parse(task.due_at);
    const created = Date.parse(task.created_at);
    const now = Date.now();
    status.textContent = `rings at ${new Date(due).toLocaleTimeString()}, ${left(due - now)} left`;
    bar.value = due > created ? Math.min(1, Math.max(0, (now - created) / (due - created))) : 0;
  } else {
    status.textContent = task.status;
    bar.value = task.progress || 0;
  }
}

function tick() {
  let waiting = false;
  tasks.forEach((task, id) => {
    const item = document.querySelector(`li[data-task-id="${CSS.escape(id)}"]`);
    if (item && task.due_at && !FINAL.has(task.status)) {
      refresh(item, task);
      waiting = true;
    }
  });
  if (!waiting) {
    clearInterval(ticker);
    ticker = null;
  }
}

function render(task) {
  tasks.set(task.id, task);
  const list = document.getElementById('task-list');
  let item = list.querySelector(`li[data-task-id="${CSS.escape(task.id)}"]`);
  if (!item) {
    item = el('li', 'task');
    item.dataset.taskId = task.id;
    const bar = el('progress');
    bar.max = 1;
    bar.setAttribute('aria-label', `Progress of ${task.title}`);
    const path = task.cancel || `/api/tasks/${encodeURIComponent(task.id)}`;
    const cancel = button('small', 'Cancel', () => api(path, { method: 'DELETE' })
      .catch((error) => toast(error.message)));
    cancel.setAttribute('aria-label', `Cancel ${task.title}`);
    item.append(el('span', 'task-title', task.title), el('span', 'task-status'), bar, cancel,
      el('p', 'task-result'));
    list.prepend(item);
  }
  item.dataset.status = task.status;
  refresh(item, task);
  item.querySelector('button').hidden = FINAL.has(task.status);
  item.querySelector('.task-result').textContent = readable(task.result);
  showArtifacts(item, parsed(task.result));
  document.getElementById('tasks-empty').hidden = true;
  if (task.due_at && !FINAL.has(task.status) && !ticker) ticker = setInterval(tick, 1000);
}

// A voice timer in a task's shape: it counts down to when it ends, and its Cancel goes to /api/timers.
const TIMER_STATUS = { started: 'queued', updated: 'queued', cancelled: 'cancelled', finished: 'done' };

function timerAsTask(timer, change) {
  const due = Date.now() + timer.seconds_left * 1000;
  const status = TIMER_STATUS[change] || 'queued';
  const paused = status === 'queued' && !timer.active;
  return {
    id: `timer-${timer.id}`,
    title: timer.name ? `Timer ${timer.name}` : 'Timer',
    status: paused ? 'paused' : status,
    due_at: paused ? null : new Date(due).toISOString(),
    created_at: new Date(due - timer.seconds * 1000).toISOString(),
    origin: timer.origin,
    cancel: `/api/timers/${encodeURIComponent(timer.id)}`,
  };
}

export async function loadTasks() {
  try {
    (await api('/api/tasks')).tasks.reverse().forEach(render);
  } catch (error) {
    document.getElementById('tasks-empty').textContent = error.status === 503 ? 'Tasks are not running.'
      : error.message;
  }
  try {
    (await api('/api/timers')).timers.reverse().forEach((timer) => render(timerAsTask(timer, 'started')));
  } catch (error) {
    if (error.status !== 503) toast(error.message);
  }
}

// `say(text, conversationId)` adds a message to the conversation a finished task came from.
export function taskEvent(event, say) {
  if (event.kind === 'timer_changed') {
    const timer = timerAsTask(event.timer, event.change);
    render(timer);
    if (event.change === 'finished') taskEnded(timer, say);
    return;
  }
  if (event.kind === 'task_queued' || event.kind === 'task_done') {
    render(event.task);
    if (event.kind === 'task_done') {
      toast(`${event.task.title}: ${event.task.status}`);
      taskEnded({ ...event.task, result: readable(event.task.result) }, say);
    }
  } else if (event.kind === 'task_progress') {
    const item = document.querySelector(`li[data-task-id="${CSS.escape(event.task_id)}"]`);
    const task = tasks.get(event.task_id);
    if (item && task) {
      task.progress = event.progress;
      task.status = 'running';
      item.dataset.status = 'running';
      refresh(item, task);
      item.querySelector('.task-result').textContent = readable(event.message);
    }
  }
}
