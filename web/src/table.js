// The event table, one page at a time; "More" follows the server's cursor. Choosing a row
// opens its article with the event's words highlighted.

import { el } from "./dom.js";
import { typeColor } from "./types.js";

const actors = (list) => (list || []).map((a) => a.code || a.text).filter(Boolean).join(", ");

export function eventRow(r, onOpen) {
  const e = r.event || {};
  const open = () => onOpen(r.document, e.id);
  return el(
    "tr",
    {
      tabindex: 0,
      "data-document": r.document,
      onclick: open,
      onkeydown: (ev) => {
        if (ev.key === "Enter") open();
      },
    },
    el("td", { class: "nowrap" }, r.day || ""),
    el("td", {}, el("span", { class: "type-chip", style: `--type-color:${typeColor(e.type)}` }, e.type || "")),
    el("td", {}, actors(e.source)),
    el("td", {}, actors(e.target)),
    el("td", {}, e.modality || ""),
    el("td", { class: "evidence" }, r.evidence_text || ""),
    el("td", { class: "doc" }, r.title || r.document),
  );
}

/**
 * Shows the first page in `container` and returns nothing; `loadPage(cursor)` resolves to
 * `{events, next_cursor}`.
 */
export async function renderTable(container, loadPage, onOpen) {
  const tbody = el("tbody");
  const status = el("p", { class: "table-status", role: "status" });
  const more = el("button", { type: "button", class: "more", hidden: true }, "More events");
  const table = el(
    "table",
    { class: "events" },
    el("caption", { class: "visually-hidden" }, "Events matching the filters"),
    el(
      "thead",
      {},
      el("tr", {}, ["Day", "Type", "Source", "Target", "Modality", "Evidence", "Article"].map((h) => el("th", { scope: "col" }, h))),
    ),
    tbody,
  );
  container.replaceChildren(el("div", { class: "table-wrap" }, table), status, more);
  let shown = 0;
  let cursor = null;
  const page = async () => {
    more.disabled = true;
    try {
      const res = await loadPage(cursor);
      for (const r of res.events || []) tbody.append(eventRow(r, onOpen));
      shown += (res.events || []).length;
      cursor = res.next_cursor || null;
      more.hidden = !cursor;
      status.textContent = shown === 0 ? "No events match these filters." : `${shown} event${shown === 1 ? "" : "s"} shown${cursor ? "" : " (all)"}.`;
    } catch (e) {
      status.textContent = `Could not load events: ${e.message}`;
      status.classList.add("error");
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener("click", page);
  await page();
}
