// Boots the page: the filter bar drives every view through the URL state (state.js);
// each view asks the API for exactly what it draws.

import * as api from "./api.js";
import { createStore, FILTER_KEYS } from "./state.js";
import { TYPES, MODALITIES } from "./types.js";
import { el, message } from "./dom.js";
import { renderMap, mapCountries } from "./map.js";
import { renderTimeline } from "./timeline.js";
import { renderNetwork } from "./network.js";
import actorNames from "virtual:actor-names";
import { renderTable } from "./table.js";
import { renderArticle, showDocument } from "./article.js";

const $ = (id) => document.getElementById(id);
const store = createStore(window);
const tooltip = $("tooltip");

function fillFilterBar() {
  const type = $("f-type");
  type.append(el("option", { value: "" }, "any type"), ...TYPES.map((t) => el("option", { value: t.type }, t.type)));
  const modality = $("f-modality");
  modality.append(el("option", { value: "" }, "any modality"), ...MODALITIES.map((m) => el("option", { value: m }, m)));
  const place = $("f-place-list");
  place.append(...mapCountries().sort((a, b) => a.name.localeCompare(b.name)).map((c) => el("option", { value: c.code }, c.name)));
  const form = $("filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const filters = {};
    for (const k of FILTER_KEYS) filters[k] = form.elements[k].value.trim();
    store.set({ filters });
  });
  for (const k of ["type", "modality", "since", "until"]) {
    form.elements[k].addEventListener("change", () => form.requestSubmit());
  }
  $("f-clear").addEventListener("click", () => {
    const filters = {};
    for (const k of FILTER_KEYS) filters[k] = "";
    store.set({ filters });
  });
}

function syncFilterBar(state) {
  const form = $("filters");
  for (const k of FILTER_KEYS) form.elements[k].value = state.filters[k] || "";
  const active = FILTER_KEYS.filter((k) => state.filters[k]).map((k) => `${k}: ${state.filters[k]}`);
  $("active-filters").textContent = active.length ? `Filtered by ${active.join(", ")}` : "All stored events";
}

// A view whose request was overtaken by a newer filter change must not draw stale data.
let generation = 0;

async function draw(container, load, render) {
  const mine = generation;
  message(container, "Loading…");
  try {
    const data = await load();
    if (mine === generation) render(data);
  } catch (e) {
    if (mine === generation) message(container, e.message, "error");
  }
}

function openDocument(id) {
  store.set({ view: { doc: id } });
}

let shownFilters = null;

function refresh(state) {
  syncFilterBar(state);
  const f = state.filters;
  const articleCard = $("article-card");
  if (state.view.doc) {
    articleCard.hidden = false;
    showDocument($("article"), tooltip, () => api.document(state.view.doc)).then(() => $("article").focus?.());
  } else if (!articleCard.dataset.pasted) {
    articleCard.hidden = true;
  }
  // Opening or closing an article leaves the overview as it is.
  const key = JSON.stringify(f);
  if (key === shownFilters) return;
  shownFilters = key;
  generation += 1;
  draw($("map"), () => api.places(f), (data) =>
    renderMap($("map"), data, { selected: f.place, onSelect: (code) => store.set({ filters: { place: code } }) }),
  );
  draw($("timeline"), () => api.timeline(f), (data) =>
    renderTimeline($("timeline"), data, {
      since: f.since,
      until: f.until,
      onPeriod: (since, until) => store.set({ filters: { since, until } }),
    }),
  );
  draw($("network"), () => api.network(f), (data) =>
    renderNetwork($("network"), data, { selected: f.actor, names: actorNames, onSelect: (code) => store.set({ filters: { actor: code } }) }),
  );
  renderTable($("table"), (cursor) => api.events(f, { limit: 100, cursor }), openDocument);
}

function setUpPaste() {
  const form = $("paste");
  const analyse = async (request) => {
    const card = $("article-card");
    card.hidden = false;
    card.dataset.pasted = "1";
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    message($("article"), "Analysing…");
    let analysis = null;
    try {
      analysis = await request();
      renderArticle($("article"), analysis, tooltip);
    } catch (e) {
      message($("article"), `Could not analyse the text: ${e.message}`, "error");
    } finally {
      button.disabled = false;
    }
    card.scrollIntoView({ behavior: "smooth" });
    return analysis;
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = form.elements.text.value;
    if (text.trim()) analyse(() => api.extract(text, form.elements.language.value));
  });
  $("file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    const content = await file.text();
    if (/\.html?$/i.test(file.name) || file.type === "text/html") {
      // A page: the server finds the article in it; the box then holds the article's text.
      const analysis = await analyse(() => api.extractHtml(content, form.elements.language.value));
      if (analysis) form.elements.text.value = analysis.text;
    } else {
      form.elements.text.value = content;
    }
  });
  $("article-close").addEventListener("click", () => {
    delete $("article-card").dataset.pasted;
    $("article-card").hidden = true;
    store.set({ view: { doc: "" } });
  });
}

fillFilterBar();
setUpPaste();
store.subscribe(refresh);
refresh(store.get());
