// The chat: sends what the user types to the agent and follows each turn by its own id, so overlapping turns, late
// events and turns from elsewhere (another tab, a satellite) each land in their own bubble.
import { askForNotifications } from './notices.js';
import { api } from './api.js';
import { languageOf } from './i18n.js';
import { offerConfirmation, settleConfirmation } from './confirm.js';
import { loadConversations, showConversation } from './conversations.js';
import { Turn } from './turn.js';

const CONVERSATION = 'harpou.conversation';
// Turns sent from this page whose turn_started has not arrived yet, oldest first.
const waiting = [];
// Turns by turn id; the oldest are forgotten beyond a bound.
const turns = new Map();
const MAX_TURNS = 200;

export function conversationId() {
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

function show(turn) {
  document.getElementById('chat-log').append(...turn.nodes());
  scroll();
}

// Ends a turn of this page with its reply; a question waiting for an answer gets Yes and No buttons.
function answered(turn, reply) {
  if (turn.finish(reply) && reply.continue_conversation && !turn.origin) offerConfirmation(turn, send);
}

// Adds Harpou's message (a timer that rang, a task that ended) to the chat when it shows `conversation`.
export function say(text, conversation) {
  if (conversation !== conversationId()) return;
  const turn = new Turn('');
  turn.question.hidden = true;
  turn.answer.classList.add('notice');
  document.getElementById('chat-log').append(...turn.nodes());
  turn.finish({ speech: text, type: 'notice' });
  scroll();
}

// Shows a question asked by a panel control as Harpou's, with Yes and No, in this page's conversation.
export function askInChat(question) {
  const turn = new Turn('');
  turn.question.hidden = true;
  document.getElementById('chat-log').append(...turn.nodes());
  turn.finish({ speech: question, type: 'query_answer', continue_conversation: true });
  offerConfirmation(turn, send);
  scroll();
}

// Sends `text` as a turn of this page's conversation; resolves with the turn once answered.
export async function send(text) {
  settleConfirmation();
  const turn = new Turn(text);
  show(turn);
  waiting.push({ text, turn });
  if (waiting.length > MAX_TURNS) waiting.shift();
  try {
    const result = await api('/api/conversation/process', {
      body: { text, language: languageOf(text), conversation_id: conversationId() },
    });
    answered(turn, { speech: result.response.speech.plain.speech, type: result.response.response_type,
      continue_conversation: result.continue_conversation, cached: result.cached });
  } catch (error) {
    turn.fail(`Error: ${error.message}`);
  }
  scroll();
  return turn;
}

// Shows conversation `id` in this tab and sends what is typed next to it.
export async function openConversation(id) {
  sessionStorage.setItem(CONVERSATION, id);
  waiting.length = 0;
  await showConversation(id);
}

function newConversation() {
  sessionStorage.removeItem(CONVERSATION);
  waiting.length = 0;
  document.getElementById('chat-log').replaceChildren();
  document.getElementById('chat-input').focus();
}

// Shows this tab's conversation as Harpou kept it, and the list of the others.
export async function loadChat() {
  if (sessionStorage.getItem(CONVERSATION)) await showConversation(conversationId());
  await loadConversations(openConversation);
}

export function initChat() {
  document.getElementById('new-conversation').addEventListener('click', newConversation);
  document.getElementById('conversations').addEventListener('toggle', (event) => {
    if (event.target.open) loadConversations(openConversation);
  });
  const form = document.getElementById('chat-form');
  const input = document.getElementById('chat-input');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    askForNotifications();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });
}

// Binds a turn to its bubble: one this page sent, else a new one for a turn of this conversation typed elsewhere or
// for any spoken turn (a satellite's, shown with its room).
function started(event) {
  const utterance = event.utterance;
  if (event.conversation_id !== conversationId() && utterance.channel !== 'satellite') return;
  const index = waiting.findIndex((w) => w.text === utterance.text && utterance.channel === 'http');
  let turn;
  if (index >= 0) {
    turn = waiting.splice(index, 1)[0].turn;
  } else {
    turn = new Turn(utterance.text, { channel: utterance.channel, room: utterance.room });
    show(turn);
  }
  turn.debug.event(event);
  turns.set(event.turn_id, turn);
  if (turns.size > MAX_TURNS) turns.delete(turns.keys().next().value);
}

export function chatEvent(event) {
  if (event.kind === 'turn_started') {
    started(event);
    return;
  }
  const turn = turns.get(event.turn_id);
  if (!turn) return;
  turn.debug.event(event);
  if (event.kind === 'thinking') turn.thinking(event.text, event.reasoning);
  else if (event.kind === 'token_usage') turn.tokens(event);
  else if (event.kind === 'tool_started') turn.toolStarted(event.call);
  else if (event.kind === 'tool_finished') turn.toolFinished(event);
  else if (event.kind === 'model_chosen') turn.modelChosen(event);
  else if (event.kind === 'plan_updated') turn.plan(event);
  else if (event.kind === 'reply') answered(turn, { speech: event.reply.speech, type: event.reply.type,
    continue_conversation: event.reply.continue_conversation });
  scroll();
}
