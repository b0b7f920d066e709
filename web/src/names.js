// Readable names for actor codes. The table (code → English name) is built from the
// knowledge base at bundle time (build.mjs, `virtual:actor-names`); this module only reads
// it, so it can be tested without the bundle.

/** CAMEO-style sector suffixes that may follow a state code (`USAGOV`). */
const SECTORS = {
  GOV: "government", MIL: "military", DIP: "diplomats", LEG: "legislature", JUD: "judiciary",
  COP: "police", SPY: "intelligence", REB: "rebels", OPP: "opposition", PTY: "party",
  MED: "media", BUS: "business", CVL: "civilians", IGO: "international body", NGO: "NGO",
};

/**
 * The name of an actor code: `USA` → "United States", `USAGOV` → "United States
 * (government)", `NATO` → its name; `null` when the table does not know the code.
 */
export function actorName(code, names) {
  if (!code) return null;
  if (Object.prototype.hasOwnProperty.call(names, code)) return names[code];
  const state = code.slice(0, 3);
  const sector = SECTORS[code.slice(3)];
  if (sector && Object.prototype.hasOwnProperty.call(names, state)) return `${names[state]} (${sector})`;
  return null;
}

/** `USA — United States`, or the code alone when it has no name. */
export function actorLabel(code, names) {
  const name = actorName(code, names);
  return name && name !== code ? `${code} — ${name}` : code;
}
