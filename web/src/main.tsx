import { render } from 'preact';
import { App } from './app';
import { StoreContext } from './context';
import { initialLang } from './i18n';
import { LANG_STORAGE_KEY, Store, type StoragePort } from './store';
import './styles.css';

function browserStorage(): StoragePort | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the language choice lasts this visit only
  }
}

function currentLocation() {
  return { path: window.location.pathname, search: window.location.search };
}

const storage = browserStorage();
let remembered: string | null = null;
try {
  remembered = storage?.getItem(LANG_STORAGE_KEY) ?? null;
} catch {
  remembered = null;
}

// The one store of the app; components reach it through StoreContext.
const store = new Store(
  { lang: initialLang(remembered), location: currentLocation() },
  {
    history: {
      push: (url) => window.history.pushState(null, '', url),
      replace: (url) => window.history.replaceState(null, '', url),
    },
    storage,
  },
);

// Who is logged in (null when nobody): asked once at start, and again after
// log-in, log-out and acting-for changes.
void store.loadMe();

window.addEventListener('popstate', () => store.historyChanged(currentLocation()));

// <html lang> follows the chosen language.
const syncLang = () => {
  document.documentElement.lang = store.getState().lang;
};
syncLang();
store.subscribe(syncLang);

const root = document.getElementById('app');
if (root) {
  render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
    root,
  );
}
