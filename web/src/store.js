// What survives a page reload: the session id (localStorage, so Rasa keeps the conversation) and
// the messages shown, keyed by session id. Both are dropped after SESSION_HOURS without a message
// (Rasa's session_expiration_time is 720 minutes) or by "Start over".
const SESSION_HOURS = 12;
const MAX_ITEMS = 200;

function safeStorage(kind) {
  try {
    const storage = window[kind];
    const probe = '__ivig_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch (error) { // storage disabled (private mode, blocked cookies): keep things in memory
    const memory = new Map();
    return {
      getItem: (k) => (memory.has(k) ? memory.get(k) : null),
      setItem: (k, v) => memory.set(k, String(v)),
      removeItem: (k) => memory.delete(k),
    };
  }
}

export function createStore(server) {
  const local = safeStorage('localStorage');
  const perTab = safeStorage('sessionStorage');
  const key = (name) => `ivig-triage:${server}:${name}`;
  const historyKey = (id) => key(`history:${id || 'new'}`);
  const read = (storage, name) => {
    try { return JSON.parse(storage.getItem(name)); } catch (error) { return null; }
  };
  const write = (storage, name, value) => {
    try { storage.setItem(name, JSON.stringify(value)); } catch (error) { /* full: keep going */ }
  };

  const store = {
    session() {
      const saved = read(local, key('session'));
      if (!saved || typeof saved.id !== 'string') return null;
      if (Date.now() - saved.at > SESSION_HOURS * 3600 * 1000) {
        store.forget(saved.id);
        local.removeItem(key('session'));
        return null;
      }
      return saved.id;
    },
    setSession(id) {
      if (id) write(local, key('session'), { id, at: Date.now() });
      else local.removeItem(key('session'));
    },
    history(id) {
      const items = read(local, historyKey(id));
      return Array.isArray(items) ? items : [];
    },
    saveHistory(id, items) {
      write(local, historyKey(id), items.slice(-MAX_ITEMS));
      if (id) store.setSession(id); // a message keeps the session alive
    },
    append(id, item) {
      store.saveHistory(id, [...store.history(id), item]);
    },
    forget(id) {
      local.removeItem(historyKey(id));
    },
    get: (name) => perTab.getItem(key(name)),
    set: (name, value) => perTab.setItem(key(name), value),
  };
  return store;
}
