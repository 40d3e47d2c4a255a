// Small DOM helpers shared by every panel: nodes are always built with textContent, never from HTML strings.
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// A button of the given class that runs onClick.
export function button(className, text, onClick) {
  const node = el('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

// Text only screen readers hear, such as who is speaking in the chat.
export function spoken(text) {
  return el('span', 'sr-only', text);
}
