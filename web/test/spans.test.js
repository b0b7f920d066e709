// Unit tests of the page's pure logic: `node --test web/test/` (Node.js ≥ 18, no packages).
import { test } from "node:test";
import assert from "node:assert/strict";
import { actorText, byteIndex, annotations, segments } from "../src/spans.js";
import { parseState, stateQuery, filterQuery } from "../src/state.js";

const utf8 = (s) => new TextEncoder().encode(s);

test("byte offsets map to UTF-16 indices across 1-, 2-, 3- and 4-byte characters", () => {
  const text = "aé€😀b";
  const toIndex = byteIndex(text);
  // a(1) é(2) €(3) 😀(4, two UTF-16 units) b(1)
  assert.equal(toIndex(0), 0);
  assert.equal(toIndex(1), 1);
  assert.equal(toIndex(3), 2);
  assert.equal(toIndex(6), 3);
  assert.equal(toIndex(10), 5);
  assert.equal(toIndex(11), 6);
  assert.equal(toIndex(utf8(text).length), text.length);
  // Past the end and nonsense stay inside the text.
  assert.equal(toIndex(99), text.length);
  assert.equal(toIndex(-1), 0);
});

test("every byte offset of a character boundary maps back to the same substring", () => {
  const text = "Präsident Selenskyj sagte: „Wir verteidigen uns.“ 🇺🇦 Ende";
  const toIndex = byteIndex(text);
  const bytes = utf8(text);
  const dec = new TextDecoder();
  for (let s = 0; s <= bytes.length; s++) {
    // Only character boundaries: a continuation byte is 0b10xxxxxx.
    if (s < bytes.length && (bytes[s] & 0xc0) === 0x80) continue;
    assert.equal(text.slice(0, toIndex(s)), dec.decode(bytes.slice(0, s)));
  }
});

function analysis() {
  const text = "Die USA verlegen 2.000 Soldaten nach Polen.";
  const span = (word) => {
    const i = text.indexOf(word);
    const start = utf8(text.slice(0, i)).length;
    return { start, end: start + utf8(word).length, text: word };
  };
  return {
    text,
    entities: [
      { id: "e1", kind: "state", name: "USA", actor: { code: "USA", sector: null }, kb: "USA", mentions: [span("USA")] },
      { id: "e2", kind: "state", name: "Polen", actor: { code: "POL", sector: null }, kb: "POL", mentions: [span("Polen")] },
    ],
    events: [
      {
        id: "v1",
        type: "MOBILIZE",
        mode: "troops",
        source: [{ code: "USA", ...span("USA") }],
        target: [],
        modality: "asserted",
        quantity: { value: 2000, unit: "Soldat", ...span("2.000 Soldaten") },
        origin: [],
        destination: [{ code: "POL", name: "Polen", ...span("Polen") }],
        location: [],
        date: null,
        reported_by: [],
        trigger: span("verlegen"),
        evidence: { start: 0, end: utf8(text).length },
        rule: "de.v.verlegen",
        confidence: 0.9,
      },
    ],
    quotes: [],
  };
}

test("annotations cover entities, triggers, quantities and places with their event", () => {
  const a = analysis();
  const anns = annotations(a);
  const kinds = anns.map((x) => x.kind).sort();
  assert.deepEqual(kinds, ["entity-state", "entity-state", "place", "quantity", "trigger"]);
  const trigger = anns.find((x) => x.kind === "trigger");
  assert.equal(trigger.event, "v1");
  const fields = Object.fromEntries(trigger.fields);
  assert.equal(fields.source, "USA");
  assert.equal(fields.rule, "de.v.verlegen");
  assert.match(fields.quantity, /2000/);
});

test("an entity's actor shows its code and sector, or a sector with no state", () => {
  const a = analysis();
  a.entities.push({ id: "e3", kind: "person", name: "Karl", actor: { code: null, sector: "CVL" }, kb: null, mentions: [{ start: 0, end: 3, text: "Die" }] });
  a.entities[0].actor.sector = "GOV";
  const actor = (name) => Object.fromEntries(annotations(a).find((x) => x.label === name).fields).actor;
  assert.equal(actor("USA"), "USA GOV");
  assert.equal(actor("Polen"), "POL");
  assert.equal(actor("Karl"), "CVL (no state)");
  assert.equal(actorText({ code: "AUT", sector: null }), "AUT");
});

test("segments tile the text and carry the spans that cover them", () => {
  const a = analysis();
  const anns = annotations(a);
  const segs = segments(a.text, anns);
  assert.equal(segs.map((s) => a.text.slice(s.start, s.end)).join(""), a.text);
  for (let k = 1; k < segs.length; k++) assert.equal(segs[k].start, segs[k - 1].end);
  const polen = segs.find((s) => a.text.slice(s.start, s.end) === "Polen");
  // "Polen" is both an entity mention and the event's destination.
  assert.deepEqual(polen.anns.map((i) => anns[i].kind).sort(), ["entity-state", "place"]);
  const plain = segs.find((s) => a.text.slice(s.start, s.end) === " nach ");
  assert.deepEqual(plain.anns, []);
});

test("the URL state keeps filters and the open document, and drops empty values", () => {
  const s = parseState("?actor=USA&type=MOBILIZE&since=2022-02-01&text=&doc=gnad-1&junk=1");
  assert.deepEqual(s.filters, { actor: "USA", type: "MOBILIZE", since: "2022-02-01" });
  assert.deepEqual(s.view, { doc: "gnad-1" });
  assert.equal(stateQuery(s), "actor=USA&type=MOBILIZE&since=2022-02-01&doc=gnad-1");
  assert.deepEqual(parseState("?" + stateQuery(s)), s);
  assert.equal(filterQuery(s.filters, { limit: 10, cursor: null }), "actor=USA&type=MOBILIZE&since=2022-02-01&limit=10");
});

import { stackDays, binFor } from "../src/timeline.js";

test("the timeline fills empty days and leaves out a few far-off dates", () => {
  const rows = [
    { day: "2022-02-01", type: "CONSULT", count: 30 },
    { day: "2022-02-03", type: "ASSAULT", count: 30 },
    { day: "2022-02-03", type: "CONSULT", count: 1 },
    { day: "1648-10-24", type: "AGREE", count: 1 },
  ];
  const { bins, outside } = stackDays(rows);
  assert.equal(outside, 1);
  assert.deepEqual(bins.map((b) => new Date(b.day).toISOString().slice(0, 10)), ["2022-02-01", "2022-02-02", "2022-02-03"]);
  assert.equal(bins[1].counts.size, 0);
  assert.equal(bins[2].counts.get("CONSULT"), 1);
  // Asked for everything (a period is chosen), the 1648 event stays and bins become months.
  const all = stackDays(rows, { full: true });
  assert.equal(all.outside, 0);
  assert.equal(all.bins[0].bin, "month");
  assert.equal(binFor(30), "day");
  assert.equal(binFor(365), "week");
});
