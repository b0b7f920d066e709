// Byte spans of a `sitrep/1` analysis turned into highlightable pieces of its text.
// The analysis counts UTF-8 bytes; JavaScript strings count UTF-16 code units, so every
// offset goes through `byteIndex` before it touches the text.

/**
 * A function from UTF-8 byte offsets of `text` to UTF-16 indices. An offset inside a
 * character (which a valid analysis never gives) maps to that character's start; one past
 * the end maps to `text.length`.
 */
export function byteIndex(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  const map = new Uint32Array(bytes + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let len;
    let units = 1;
    if (c < 0x80) len = 1;
    else if (c < 0x800) len = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      len = 4;
      units = 2;
    } else len = 3;
    for (let k = 0; k < len; k++) map[b + k] = i;
    b += len;
    i += units - 1;
  }
  map[bytes] = text.length;
  return (offset) => {
    if (!(offset >= 0)) return 0;
    return offset >= map.length ? text.length : map[offset];
  };
}

function fmtActors(list) {
  return (list || []).map((a) => a.code || a.text).filter(Boolean).join(", ") || "—";
}

function fmtPlaces(list) {
  return (list || []).map((p) => (p.code ? `${p.name || p.text} (${p.code})` : p.name || p.text)).join(", ");
}

/** The fields shown for an event, in reading order; empty ones left out. */
export function eventFields(e) {
  const f = [
    ["type", e.mode ? `${e.type} (${e.mode})` : e.type],
    ["source", fmtActors(e.source)],
    ["target", fmtActors(e.target)],
    ["modality", e.modality],
  ];
  if (e.quantity) f.push(["quantity", e.quantity.value != null ? `${e.quantity.value} ${e.quantity.unit || ""}`.trim() : e.quantity.text]);
  if (e.origin && e.origin.length) f.push(["origin", fmtPlaces(e.origin)]);
  if (e.destination && e.destination.length) f.push(["destination", fmtPlaces(e.destination)]);
  if (e.location && e.location.length) f.push(["location", fmtPlaces(e.location)]);
  if (e.date) f.push(["date", e.date.value ? `${e.date.value} (“${e.date.text}”)` : `“${e.date.text}” (unresolved)`]);
  if (e.speaker) f.push(["speaker", e.speaker.code ? `${e.speaker.name} (${e.speaker.code})` : e.speaker.name]);
  if (e.reported_by && e.reported_by.length) f.push(["reported by", e.reported_by.map((r) => r.name || r.text).join(", ")]);
  if (e.cameo) f.push(["CAMEO", e.cameo]);
  f.push(["rule", e.rule]);
  if (e.confidence != null) f.push(["confidence", Number(e.confidence).toFixed(2)]);
  return f;
}

/**
 * An entity's actor as shown: `USA GOV`, `USA`, or a sector alone (`code` null: the text
 * gives no state) as `CVL (no state)`.
 */
export function actorText(actor) {
  if (!actor.code) return `${actor.sector} (no state)`;
  return actor.sector ? `${actor.code} ${actor.sector}` : actor.code;
}

/**
 * Every highlighted span of an analysis: entity mentions, event triggers, quantities,
 * places, dates, cited sources and quotes. Each is `{start, end, kind, label, fields,
 * event}` with byte offsets; `event` is the id of the event it belongs to, if any.
 */
export function annotations(analysis) {
  const out = [];
  const add = (span, kind, label, fields, event) => {
    if (!span || span.start == null || span.end == null || span.end <= span.start) return;
    out.push({ start: span.start, end: span.end, kind, label, fields, event: event || null });
  };
  for (const ent of analysis.entities || []) {
    const fields = [["entity", ent.name], ["kind", ent.kind]];
    if (ent.actor) fields.push(["actor", actorText(ent.actor)]);
    if (ent.kb) fields.push(["knowledge base", ent.kb]);
    for (const m of ent.mentions || []) add(m, `entity-${ent.kind}`, ent.name, fields);
  }
  for (const e of analysis.events || []) {
    const fields = eventFields(e);
    add(e.trigger, "trigger", e.type, fields, e.id);
    if (e.quantity) add(e.quantity, "quantity", "quantity", [["value", String(e.quantity.value)], ["unit", e.quantity.unit || ""], ["event", `${e.id} ${e.type}`]], e.id);
    for (const role of ["origin", "destination", "location"]) {
      for (const p of e[role] || []) add(p, "place", role, [[role, p.name || p.text], ["code", p.code || "—"], ["event", `${e.id} ${e.type}`]], e.id);
    }
    if (e.date) add(e.date, "date", "date", [["date", e.date.value || "unresolved"], ["granularity", e.date.granularity || ""], ["event", `${e.id} ${e.type}`]], e.id);
    for (const r of e.reported_by || []) add(r, "cited", "reported by", [["reported by", r.name || r.text], ["kind", r.kind || ""], ["event", `${e.id} ${e.type}`]], e.id);
  }
  for (const q of analysis.quotes || []) {
    const who = q.speaker ? (q.speaker.code ? `${q.speaker.name} (${q.speaker.code})` : q.speaker.name) : "—";
    add(q, "quote", "quote", [["quote", q.kind], ["speaker", who]]);
  }
  return out;
}

/**
 * Cuts the text at every span boundary: `[{start, end, anns}]` in UTF-16 indices, where
 * `anns` are the indices (into `anns`) of the spans covering the piece. Pieces cover the
 * whole text, in order, with no gaps.
 */
export function segments(text, anns) {
  const toIndex = byteIndex(text);
  const spans = anns.map((a, i) => ({ s: toIndex(a.start), e: toIndex(a.end), i })).filter((a) => a.e > a.s);
  const cuts = new Set([0, text.length]);
  for (const a of spans) {
    cuts.add(a.s);
    cuts.add(a.e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep the cut points once, keeping the spans open at each (the text may be long and
  // carry thousands of spans).
  const opens = new Map();
  const closes = new Map();
  for (const a of spans) {
    if (!opens.has(a.s)) opens.set(a.s, []);
    opens.get(a.s).push(a.i);
    if (!closes.has(a.e)) closes.set(a.e, []);
    closes.get(a.e).push(a.i);
  }
  const active = new Set();
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k];
    for (const i of closes.get(s) || []) active.delete(i);
    for (const i of opens.get(s) || []) active.add(i);
    out.push({ start: s, end: points[k + 1], anns: [...active].sort((a, b) => a - b) });
  }
  return out;
}
