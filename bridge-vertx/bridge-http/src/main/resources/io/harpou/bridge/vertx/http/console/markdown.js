// A small Markdown reader for answers: paragraphs, lists, fenced and inline code, bold, italics and web links. It
// builds DOM nodes with textContent only, so no text a model or a document writes can ever become HTML.
import { el } from './dom.js';

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\([^)\s]+\))/;

function inline(parent, text) {
  let rest = text;
  for (;;) {
    const match = INLINE.exec(rest);
    if (!match) {
      if (rest) parent.append(rest);
      return parent;
    }
    if (match.index) parent.append(rest.slice(0, match.index));
    const token = match[0];
    if (match[1]) {
      parent.append(el('code', null, token.slice(1, -1)));
    } else if (match[2]) {
      parent.append(inline(el('strong'), token.slice(2, -2)));
    } else if (match[3]) {
      parent.append(inline(el('em'), token.slice(1, -1)));
    } else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token);
      if (/^https?:\/\//i.test(href)) {
        const link = el('a', null, label);
        link.href = href;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        parent.append(link);
      } else {
        parent.append(token);
      }
    }
    rest = rest.slice(match.index + token.length);
  }
}

// The nodes of `text` read as Markdown.
export function markdown(text) {
  const nodes = [];
  const lines = String(text).split('\n');
  let list = null;
  let paragraph = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (/^```/.test(line)) {
      const code = [];
      for (i += 1; i < lines.length && !/^```/.test(lines[i]); i += 1) code.push(lines[i]);
      const pre = el('pre');
      pre.append(el('code', null, code.join('\n')));
      nodes.push(pre);
      list = null;
      paragraph = null;
    } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      if (!list || list.ordered !== ordered) {
        list = el(ordered ? 'ol' : 'ul');
        list.ordered = ordered;
        nodes.push(list);
      }
      list.append(inline(el('li'), line.replace(/^\s*([-*]|\d+\.)\s+/, '')));
      paragraph = null;
    } else if (!line.trim()) {
      list = null;
      paragraph = null;
    } else if (paragraph) {
      paragraph.append(el('br'));
      inline(paragraph, line);
    } else {
      paragraph = inline(el('p'), line);
      nodes.push(paragraph);
      list = null;
    }
  }
  return nodes;
}
