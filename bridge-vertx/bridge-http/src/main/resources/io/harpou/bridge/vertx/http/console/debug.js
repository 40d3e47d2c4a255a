// An Assist-style debug view of one turn, folded under its answer: which path answered (the local matcher, the
// response cache or a model), which model was chosen and why, each model call, the plan, the actions and the entities
// they resolved to, every tool call with its arguments and result, the model's tokens, and how long each stage took
// (understanding, from the turn's start to its reply, each model call and each tool).
import { el } from './dom.js';

function row(table, name, value) {
  const tr = el('tr');
  tr.append(el('th', null, name), el('td', null, value));
  table.append(tr);
}

function seconds(from, to) {
  return `${((Date.parse(to) - Date.parse(from)) / 1000).toFixed(2)} s`;
}

export class TurnDebug {
  constructor() {
    this.node = el('details', 'debug');
    this.node.append(el('summary', null, 'Details'));
    this.table = el('table');
    this.node.append(this.table);
    this.started = null;
    this.replied = null;
    this.model = false;
    this.tokens = [0, 0];
    this.tools = [];
    this.actions = [];
    this.choices = [];
    this.calls = [];
    this.plan = null;
  }

  answeredBy() {
    if (this.calls.some((call) => call.outcome === 'cache_hit')) return 'the response cache';
    return this.model ? 'the model' : 'the local matcher';
  }

  event(event) {
    if (event.kind === 'turn_started') this.started = event.time;
    else if (event.kind === 'thinking') this.model = true;
    else if (event.kind === 'token_usage') {
      this.model = true;
      this.tokens[0] += event.input_tokens;
      this.tokens[1] += event.output_tokens;
    } else if (event.kind === 'model_chosen') {
      this.model = true;
      this.choices.push(event);
    } else if (event.kind === 'model_call') {
      this.calls.push(event);
    } else if (event.kind === 'plan_updated') {
      this.plan = event;
    } else if (event.kind === 'tool_finished') {
      this.tools.push(event);
    } else if (event.kind === 'reply') {
      this.replied = event.time;
      this.actions = event.reply.actions || [];
    }
    this.render();
  }

  render() {
    this.table.replaceChildren();
    row(this.table, 'Answered by', this.answeredBy());
    this.choices.forEach((choice) => row(this.table, `Model ${choice.model}`, choice.reason));
    this.calls.forEach((call) => row(this.table, `Call to ${call.model}`, `${call.outcome} in ${call.latency_ms} ms, `
      + `${call.input_tokens} in, ${call.output_tokens} out`));
    if (this.plan) {
      row(this.table, 'Plan', `${this.plan.status}: ${this.plan.steps.map((s) => `${s.text} (${s.status})`)
        .join(', ')}`);
    }
    this.actions.forEach((action) => row(this.table, `Action ${action.tool}`,
      `${(action.targets || []).map((t) => `${t.name} (${t.id})`).join(', ') || 'no target'}`
      + `${action.success ? '' : ', failed'}`));
    this.tools.forEach((tool) => {
      const result = tool.result || {};
      row(this.table, `Tool ${tool.tool}`, `${tool.outcome} in ${tool.duration_ms} ms: `
        + `${result.text || (result.json ? JSON.stringify(result.json) : '')}`);
    });
    if (this.model) row(this.table, 'Tokens', `${this.tokens[0]} in, ${this.tokens[1]} out`);
    if (this.started && this.replied) row(this.table, 'Understanding', seconds(this.started, this.replied));
  }
}
