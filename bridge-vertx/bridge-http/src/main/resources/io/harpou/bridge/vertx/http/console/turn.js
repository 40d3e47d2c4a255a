// One exchange in the chat: what was said, and Harpou's answer with the steps the turn took. Each model step shows
// its thinking (collapsed), what it said before calling tools, and each tool call with its outcome; which model was
// chosen and why, and a plan with each step's progress, are steps too. The answer is streamed into its own bubble as
// the model writes it, then replaced by the final reply.
import { showArtifacts } from './artifacts.js';
import { TurnDebug } from './debug.js';
import { el, spoken } from './dom.js';
import { markdown } from './markdown.js';

function message(who, speaker) {
  const item = el('li', `msg ${who}`);
  item.append(spoken(`${speaker}: `));
  return item;
}

export class Turn {
  // `origin` names where a turn not typed here came from: { room, channel }.
  constructor(text, origin) {
    this.origin = origin;
    this.question = message('user', 'You');
    if (origin && origin.channel !== 'http') {
      this.question.classList.add('voice');
      this.question.append(el('span', 'origin', origin.room ? `Voice, ${origin.room}` : 'Voice'));
    }
    this.question.append(el('p', 'text', text));
    this.answer = message('agent working', 'Harpou');
    this.steps = el('ol', 'steps');
    this.text = el('div', 'text');
    // The images the turn's tools made or fetched, kept apart from the text the reply replaces.
    this.images = el('div', 'images');
    this.debug = new TurnDebug();
    this.answer.append(this.steps, this.text, this.images, this.debug.node);
    this.step = null;
    this.draft = '';
    this.calls = new Map();
    this.plans = new Map();
    this.done = false;
  }

  nodes() {
    return [this.question, this.answer];
  }

  // A new step when none is open or the open one has already acted or been answered.
  openStep(fresh) {
    if (!this.step || fresh) {
      this.step = el('li', 'step');
      this.step.tools = null;
      this.steps.append(this.step);
    }
    return this.step;
  }

  thinking(text, reasoning) {
    if (this.done) return;
    if (!reasoning) {
      this.draft += text;
      this.text.textContent = this.draft;
      return;
    }
    const step = this.openStep(this.step && (this.step.tools || this.step.dataset.tokens));
    if (!step.thought) {
      const details = el('details', 'thinking');
      details.append(el('summary', null, 'Thinking'));
      step.thought = el('p', 'thought');
      details.append(step.thought);
      step.prepend(details);
    }
    step.thought.textContent += text;
  }

  tokens(event) {
    const step = this.openStep(this.step && this.step.dataset.tokens);
    step.dataset.tokens = `${event.input_tokens} in, ${event.output_tokens} out`;
  }

  toolStarted(call) {
    const step = this.openStep(false);
    if (this.draft.trim()) step.append(el('p', 'said', this.draft.trim()));
    this.draft = '';
    if (!this.done) this.text.textContent = '';
    if (!step.tools) {
      step.tools = el('ul', 'tools');
      step.append(step.tools);
    }
    const line = el('li', 'tool');
    line.dataset.outcome = 'running';
    line.append(el('span', 'tool-name', call.name), el('code', 'tool-args', JSON.stringify(call.arguments || {})),
      el('span', 'outcome', 'running'));
    step.tools.append(line);
    this.calls.set(call.id, line);
  }

  toolFinished(event) {
    let line = this.calls.get(event.call_id);
    if (!line) {
      this.toolStarted({ id: event.call_id, name: event.tool });
      line = this.calls.get(event.call_id);
    }
    line.dataset.outcome = event.outcome;
    line.querySelector('.outcome').textContent = `${event.outcome}, ${event.duration_ms} ms`;
    if (event.result && event.result.json) showArtifacts(this.images, event.result.json);
  }

  // The model routing chose (again, on a fallback): a step of its own, after which the model's next step begins.
  modelChosen(event) {
    this.steps.append(el('li', 'step model', `model ${event.model}: ${event.reason}`));
    this.step = null;
  }

  // A plan's steps and how far each has gone, one line kept up to date for each plan of the turn.
  plan(event) {
    let line = this.plans.get(event.plan_id);
    if (!line) {
      line = el('li', 'step plan');
      this.plans.set(event.plan_id, line);
      this.steps.append(line);
      this.step = null;
    }
    // Each step's state in words: the dingbat marks Chromium draws without an emoji font would be empty boxes.
    line.textContent = `plan ${event.status}: ${event.steps.map((s, i) => `${i + 1}. ${s.text} (${s.status})`)
      .join('  ')}`;
  }

  // The final reply: { speech, type, continue_conversation, cached }; false when the turn had already ended.
  finish(reply) {
    if (this.done) return false;
    this.done = true;
    this.text.replaceChildren(...markdown(reply.speech));
    // An answer served again is said to be one, so nobody takes it for a fresh look at the question.
    if (reply.cached) {
      this.text.after(el('p', 'cached', `From the cache (${reply.cached.match}, first answered by ${reply.cached.model})`));
    }
    this.answer.classList.remove('working');
    this.answer.dataset.type = reply.type;
    return true;
  }

  fail(text) {
    this.finish({ speech: text, type: 'error' });
  }
}
