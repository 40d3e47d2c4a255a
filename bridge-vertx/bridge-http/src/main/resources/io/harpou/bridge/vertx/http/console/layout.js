// Navigation between the console's views (Talk, House, Tasks, Activity, Settings), the theme and the language. On a
// phone one view fills the screen; on a wide screen the chat stays beside the chosen view.
import { chooseLanguage, language, translate } from './i18n.js';

const THEME = 'harpou.theme';
const VIEW = 'harpou.view';

function show(view) {
  document.querySelector('main').dataset.view = view;
  document.querySelectorAll('nav.tabs button').forEach((tab) => {
    if (tab.dataset.view === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  });
  sessionStorage.setItem(VIEW, view);
}

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function initLayout() {
  document.querySelectorAll('nav.tabs button').forEach((tab) => {
    tab.addEventListener('click', () => show(tab.dataset.view));
  });
  show(sessionStorage.getItem(VIEW) || 'talk');
  const theme = document.getElementById('theme');
  theme.value = localStorage.getItem(THEME) || 'system';
  applyTheme(theme.value);
  theme.addEventListener('change', () => {
    localStorage.setItem(THEME, theme.value);
    applyTheme(theme.value);
  });
  const lang = document.getElementById('language');
  lang.value = language();
  lang.addEventListener('change', () => chooseLanguage(lang.value));
  translate();
}
