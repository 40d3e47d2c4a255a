// The chat: sends what the user types to the agent and shows the turn's tool steps and thinking live.
import { api, el } from './api.js';
import { showArtifacts } from './artifacts.js';

const CONVERSATION = 'harpou.conversation';
const pending = new Map();

function conversationId() {
  let id = sessionStorage.getItem(CONVERSATION);
  if (!id) {
    id = `console-${crypto.randomUUID()}`;
    sessionStorage.setItem(CONVERSATION, id);
  }
  return id;
}

function scroll() {
  const log = document.getElementById('chat-log');
  log.scrollTop = log.scrollHeight;
}

function bubble(who, text) {
  const item = el('li', `msg ${who}`);
  item.append(el('p', 'text', text));
  document.getElementById('chat-log').append(item);
  scroll();
  return item;
}

export function initChat() {
  const form = document.getElementById('chat-form');
  const input = document.getElementById('chat-input');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    bubble('user', text);
    const agent = bubble('agent working', '');
    const steps = el('ul', 'steps');
    agent.prepend(steps);
    pending.set(conversationId(), { agent, steps, thinking: null });
    try {
      const result = await api('/api/conversation/process', {
        body: { text, language: navigator.language.slice(0, 2) || 'en', conversation_id: conversationId() },
      });
      const response = result.response;
      agent.querySelector('.text').textContent = response.speech.plain.speech;
      agent.classList.add(response.response_type);
    } catch (error) {
      agent.querySelector('.text').textContent = `Error: ${error.message}`;
      agent.classList.add('error');
    } finally {
      agent.classList.remove('working');
      pending.delete(conversationId());
      scroll();
    }
  });
}

export function chatEvent(event) {
  const turn = pending.get(event.conversation_id);
  if (!turn) return;
  if (event.kind === 'tool_started') {
    const step = el('li', 'step running', `${event.call.name} ${JSON.stringify(event.call.arguments || {})}`);
    step.dataset.callId = event.call.id;
    turn.steps.append(step);
  } else if (event.kind === 'tool_finished') {
    const step = [...turn.steps.children].find((s) => s.dataset.callId === event.call_id);
    const target = step || turn.steps.appendChild(el('li', 'step', event.tool));
    target.classList.remove('running');
    target.classList.add(event.outcome);
    target.append(el('span', 'outcome', ` ${event.outcome} (${event.duration_ms} ms)`));
    if (event.result && event.result.json) showArtifacts(turn.agent, event.result.json);
  } else if (event.kind === 'plan_updated') {
    const marks = { pending: '·', running: '…', done: '✓', failed: '✗', skipped: '–' };
    const text = `plan ${event.status}: ` + event.steps.map((s, i) => `${i + 1}. ${marks[s.status] || ''} ${s.text}`)
      .join('  ');
    let plan = [...turn.steps.children].find((s) => s.dataset.planId === event.plan_id);
    if (!plan) {
      plan = el('li', 'step plan', '');
      plan.dataset.planId = event.plan_id;
      turn.steps.append(plan);
    }
    plan.textContent = text;
  } else if (event.kind === 'model_chosen') {
    turn.steps.append(el('li', 'step model', `model ${event.model}: ${event.reason}`));
  } else if (event.kind === 'thinking') {
    if (!turn.thinking) {
      turn.thinking = el('li', event.reasoning ? 'step reasoning' : 'step draft', '');
      turn.steps.append(turn.thinking);
    }
    turn.thinking.textContent += event.text;
  }
  scroll();
}
