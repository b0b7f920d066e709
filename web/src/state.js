// The page's state lives in the URL query, so any view can be shared by its address.
// Filters are exactly the parameters of `GET /v1/events` (and of `sitrep query`); `doc`
// opens a stored document in the article view.

export const FILTER_KEYS = ["actor", "source", "target", "type", "modality", "place", "since", "until", "text"];
const VIEW_KEYS = ["doc"];

/** Reads the state from a query string such as `location.search`. */
export function parseState(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v !== null && v.trim() !== "") filters[k] = v.trim();
  }
  const view = {};
  for (const k of VIEW_KEYS) {
    const v = params.get(k);
    if (v !== null && v !== "") view[k] = v;
  }
  return { filters, view };
}

/** The query string (without `?`) for a state; keys in a fixed order, empty values left out. */
export function stateQuery(state) {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = state.filters[k];
    if (v !== undefined && v !== "") params.set(k, v);
  }
  for (const k of VIEW_KEYS) {
    const v = state.view[k];
    if (v !== undefined && v !== "") params.set(k, v);
  }
  return params.toString();
}

/** Only the filters, as the API's query string. */
export function filterQuery(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v !== undefined && v !== "") params.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  return params.toString();
}

/**
 * A small store: `set` merges a change into the state, writes the URL (a new history
 * entry, so Back undoes a filter) and tells every subscriber.
 */
export function createStore(win) {
  let state = parseState(win.location.search);
  const listeners = [];
  const write = (push) => {
    const q = stateQuery(state);
    const url = win.location.pathname + (q ? "?" + q : "");
    if (push) win.history.pushState(null, "", url);
    else win.history.replaceState(null, "", url);
  };
  win.addEventListener("popstate", () => {
    state = parseState(win.location.search);
    for (const f of listeners) f(state);
  });
  return {
    get: () => state,
    subscribe: (f) => listeners.push(f),
    set(change) {
      const filters = { ...state.filters, ...(change.filters || {}) };
      for (const k of Object.keys(filters)) if (filters[k] === "" || filters[k] == null) delete filters[k];
      const view = { ...state.view, ...(change.view || {}) };
      for (const k of Object.keys(view)) if (view[k] === "" || view[k] == null) delete view[k];
      state = { filters, view };
      write(true);
      for (const f of listeners) f(state);
    },
  };
}
