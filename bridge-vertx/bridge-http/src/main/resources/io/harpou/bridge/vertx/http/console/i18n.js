// The console's words in English and French, and the language a message is sent in: the chosen one, unless the text
// is clearly in the other.
const WORDS = {
  fr: {
    talk: 'Parler', house: 'Maison', tasks: 'Tâches', activity: 'Activité', settings: 'Réglages',
    'chat-title': 'Parler à la maison', 'home-title': 'Maison', 'sat-title': 'Satellites', 'tasks-title': 'Tâches',
    'audit-title': 'Journal', 'settings-title': 'Réglages', send: 'Envoyer', 'chat-label': 'Message à Harpou',
    'chat-placeholder': 'Allume la lumière de la cuisine', theme: 'Thème', 'theme-system': 'Comme le système',
    'theme-light': 'Clair', 'theme-dark': 'Sombre', language: 'Langue',
  },
};
const ENGLISH = new Set(['the', 'turn', 'on', 'off', 'what', 'is', 'please', 'set', 'a', 'for', 'to', 'and', 'light',
  'lights', 'door', 'how', 'open', 'close', 'unlock', 'lock', 'timer', 'minutes', 'my', 'it', 'of']);
const FRENCH = new Set(['le', 'la', 'les', 'allume', 'éteins', 'quelle', 'est', 'un', 'une', 'pour', 'de', 'du',
  'des', 'et', 'lumière', 'porte', 'ouvre', 'ferme', 'déverrouille', 'minuteur', 'minutes', 'mon', 'ma', 'il']);
const KEY = 'harpou.language';

export function language() {
  return localStorage.getItem(KEY) || (navigator.language.startsWith('fr') ? 'fr' : 'en');
}

// The language to send `text` in: the chosen one unless at least two more of its words are the other language's.
export function languageOf(text) {
  const words = text.toLowerCase().split(/[^a-zàâçéèêëîïôûùüÿœ']+/).filter(Boolean);
  const english = words.filter((w) => ENGLISH.has(w)).length;
  const french = words.filter((w) => FRENCH.has(w)).length;
  if (english - french >= 2) return 'en';
  if (french - english >= 2) return 'fr';
  return language();
}

// Puts every labelled element of the page in the chosen language.
export function translate() {
  const lang = language();
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((node) => {
    if (!node.dataset.en) node.dataset.en = node.textContent;
    const words = WORDS[lang] || {};
    node.textContent = words[node.dataset.i18n] || node.dataset.en;
  });
  const input = document.getElementById('chat-input');
  if (!input.dataset.en) input.dataset.en = input.placeholder;
  input.placeholder = (WORDS[lang] || {})['chat-placeholder'] || input.dataset.en;
}

export function chooseLanguage(lang) {
  localStorage.setItem(KEY, lang);
  translate();
}
