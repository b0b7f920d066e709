// PLOVER event types with their quad category (PLOVER manual, table "Event types") and a
// colour per type. Hues follow the quad: greens for verbal cooperation, blues for
// material cooperation, ambers for verbal conflict, reds and purples for material
// conflict, so a chart reads as cooperation versus conflict before any legend is read.

export const QUADS = [
  { id: "vcoop", label: "Verbal cooperation" },
  { id: "mcoop", label: "Material cooperation" },
  { id: "vconf", label: "Verbal conflict" },
  { id: "mconf", label: "Material conflict" },
];

export const TYPES = [
  { type: "AGREE", quad: "vcoop", color: "#1b7f3b" },
  { type: "CONSULT", quad: "vcoop", color: "#4caf50" },
  { type: "SUPPORT", quad: "vcoop", color: "#8bc34a" },
  { type: "CONCEDE", quad: "vcoop", color: "#2e9e8f" },
  { type: "COOPERATE", quad: "mcoop", color: "#1565c0" },
  { type: "AID", quad: "mcoop", color: "#42a5f5" },
  { type: "RETREAT", quad: "mcoop", color: "#5c6bc0" },
  { type: "REQUEST", quad: "vconf", color: "#c9a100" },
  { type: "ACCUSE", quad: "vconf", color: "#f57c00" },
  { type: "REJECT", quad: "vconf", color: "#e0a040" },
  { type: "THREATEN", quad: "vconf", color: "#bf5b00" },
  { type: "PROTEST", quad: "mconf", color: "#ad1457" },
  { type: "SANCTION", quad: "mconf", color: "#8e24aa" },
  { type: "MOBILIZE", quad: "mconf", color: "#6d4c41" },
  { type: "COERCE", quad: "mconf", color: "#e53935" },
  { type: "ASSAULT", quad: "mconf", color: "#8b0000" },
];

const BY_TYPE = new Map(TYPES.map((t) => [t.type, t]));

export function typeColor(type) {
  const t = BY_TYPE.get(type);
  return t ? t.color : "#777777";
}

export function isType(type) {
  return BY_TYPE.has(type);
}

export const MODALITIES = [
  "asserted",
  "planned",
  "intended",
  "conditional",
  "negated",
  "denied",
  "hypothetical",
];
