// The article view: the text with every extraction highlighted, and the events beside it.
// Hovering or focusing a highlight shows its fields, the rule that produced it and its
// confidence; choosing an event card marks its words in the text.

import { el, message } from "./dom.js";
import { annotations, byteIndex, eventFields, segments } from "./spans.js";
import { typeColor } from "./types.js";

const KIND_LABEL = {
  trigger: "event trigger",
  quantity: "quantity",
  place: "place",
  date: "date",
  cited: "cited source",
  quote: "quote",
};

function kindLabel(kind) {
  if (kind.startsWith("entity-")) return kind.slice(7);
  return KIND_LABEL[kind] || kind;
}

function fieldList(fields) {
  return el("dl", { class: "fields" }, fields.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

/**
 * Renders an analysis into `container`. `tooltip` is a shared element positioned next to
 * the highlight under the pointer or the keyboard focus.
 */
export function renderArticle(container, analysis, tooltip) {
  const text = analysis.text || "";
  const anns = annotations(analysis);
  const segs = segments(text, anns);
  const body = el("div", { class: "article-text", lang: analysis.language || undefined });
  for (const seg of segs) {
    const piece = text.slice(seg.start, seg.end);
    if (seg.anns.length === 0) {
      body.append(piece);
      continue;
    }
    const kinds = [...new Set(seg.anns.map((i) => anns[i].kind))];
    const events = [...new Set(seg.anns.map((i) => anns[i].event).filter(Boolean))];
    const trigger = seg.anns.map((i) => anns[i]).find((a) => a.kind === "trigger");
    const mark = el(
      "mark",
      {
        class: kinds.map((k) => `hl-${k}`).join(" "),
        "data-anns": seg.anns.join(" "),
        "data-events": events.join(" "),
        tabindex: trigger ? 0 : undefined,
        "aria-label": seg.anns.map((i) => `${kindLabel(anns[i].kind)}: ${anns[i].label}`).join("; "),
        style: trigger ? `--type-color: ${typeColor(trigger.label)}` : undefined,
      },
      piece,
    );
    const show = () => {
      tooltip.replaceChildren(
        ...seg.anns.map((i) => el("section", {}, el("h4", {}, kindLabel(anns[i].kind)), fieldList(anns[i].fields))),
      );
      const r = mark.getBoundingClientRect();
      tooltip.hidden = false;
      const left = Math.min(window.innerWidth - tooltip.offsetWidth - 8, Math.max(8, r.left));
      const below = r.bottom + 6 + tooltip.offsetHeight < window.innerHeight;
      tooltip.style.left = `${left + window.scrollX}px`;
      tooltip.style.top = `${(below ? r.bottom + 6 : r.top - 6 - tooltip.offsetHeight) + window.scrollY}px`;
    };
    const hide = () => {
      tooltip.hidden = true;
    };
    mark.addEventListener("mouseenter", show);
    mark.addEventListener("mouseleave", hide);
    mark.addEventListener("focus", show);
    mark.addEventListener("blur", hide);
    body.append(mark);
  }

  const toIndex = byteIndex(text);
  const cards = (analysis.events || []).map((e) =>
    el(
      "li",
      {
        class: "event-card",
        tabindex: 0,
        "data-event": e.id,
        style: `--type-color: ${typeColor(e.type)}`,
        onclick: () => select(e.id),
        onkeydown: (ev) => {
          if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            select(e.id);
          }
        },
      },
      el("div", { class: "event-head" }, el("span", { class: "type-chip" }, e.type), " ", e.id),
      el("blockquote", {}, e.evidence ? text.slice(toIndex(e.evidence.start), toIndex(e.evidence.end)) : ""),
      fieldList(eventFields(e)),
    ),
  );

  function select(id) {
    for (const m of body.querySelectorAll("mark.selected")) m.classList.remove("selected");
    for (const c of cards) c.classList.toggle("selected", c.dataset.event === id);
    let first = null;
    for (const m of body.querySelectorAll("mark")) {
      if ((m.dataset.events || "").split(" ").includes(id)) {
        m.classList.add("selected");
        first = first || m;
      }
    }
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  const head = el(
    "header",
    { class: "article-head" },
    el("h2", {}, analysis.title || analysis.id || "Article"),
    el(
      "p",
      { class: "meta" },
      [analysis.id, analysis.language, analysis.published, analysis.outlet].filter(Boolean).join(" · "),
    ),
    legend(),
  );
  const side = el(
    "aside",
    { class: "article-events", "aria-label": "Events of this article" },
    el("h3", {}, `${cards.length} event${cards.length === 1 ? "" : "s"}`),
    cards.length ? el("ol", {}, cards) : el("p", { class: "message note" }, "No events found in this text."),
  );
  container.replaceChildren(head, el("div", { class: "article-grid" }, body, side));
}

function legend() {
  const items = [
    ["hl-trigger", "event trigger"],
    ["hl-entity-state", "state"],
    ["hl-entity-person", "person"],
    ["hl-entity-organization", "organisation"],
    ["hl-entity-media", "media"],
    ["hl-entity-place", "place name"],
    ["hl-place", "event place"],
    ["hl-quantity", "quantity"],
    ["hl-date", "date"],
    ["hl-quote", "quote"],
    ["hl-cited", "cited source"],
  ];
  return el("ul", { class: "legend", "aria-label": "Highlight legend" }, items.map(([c, t]) => el("li", {}, el("mark", { class: c }, t))));
}

export async function showDocument(container, tooltip, load) {
  message(container, "Loading the article…");
  try {
    renderArticle(container, await load(), tooltip);
  } catch (e) {
    message(container, `Could not load the article: ${e.message}`, "error");
  }
}
