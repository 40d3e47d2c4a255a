// Conversations kept by Harpou, from every channel: the one this tab shows comes back after a reload, with each
// turn's tool steps and images, and the list lets a person open another (a satellite's, with its room) or start a
// new one.
import { api } from './api.js';
import { showArtifacts } from './artifacts.js';
import { button, el } from './dom.js';
import { Turn } from './turn.js';

function label(conversation) {
  const where = conversation.channel === 'satellite' ? `Voice${conversation.room ? `, ${conversation.room}` : ''}`
    : (conversation.channel || '');
  return `${where} · ${new Date(conversation.updated_at).toLocaleString()}`;
}

// Shows the stored turns of `id` in the chat log, replacing what it showed.
export async function showConversation(id) {
  const { turns } = await api(`/api/conversations/${encodeURIComponent(id)}`);
  const log = document.getElementById('chat-log');
  log.replaceChildren();
  turns.forEach((stored) => {
    const origin = stored.channel && stored.channel !== 'http' ? { channel: stored.channel, room: stored.room }
      : undefined;
    const turn = new Turn(stored.text, origin);
    stored.steps.forEach((step, index) => {
      const id = `stored-${index}`;
      turn.toolStarted({ id, name: step.tool, arguments: step.arguments });
      turn.toolFinished({ call_id: id, outcome: step.outcome, duration_ms: step.duration_ms });
    });
    turn.finish({ speech: stored.answer, type: 'stored' });
    showArtifacts(turn.images, { artifacts: stored.artifacts });
    log.append(...turn.nodes());
  });
  log.scrollTop = log.scrollHeight;
}

// Lists the conversations; choosing one calls `open(id)`.
export async function loadConversations(open) {
  const list = document.getElementById('conversation-list');
  const { conversations } = await api('/api/conversations');
  list.replaceChildren(...conversations.map((conversation) => {
    const item = el('li');
    const choose = button('conversation', conversation.title, () => open(conversation.id));
    choose.dataset.conversationId = conversation.id;
    choose.append(el('span', 'when', label(conversation)));
    item.append(choose);
    return item;
  }));
}
