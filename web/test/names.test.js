// Actor names for the network's labels (web/src/names.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { actorName, actorLabel } from "../src/names.js";

const names = { USA: "United States", NATO: "North Atlantic Treaty Organization", DEU: "Germany" };

test("states, bodies and state sectors are named; unknown codes are not", () => {
  assert.equal(actorName("USA", names), "United States");
  assert.equal(actorName("NATO", names), "North Atlantic Treaty Organization");
  assert.equal(actorName("DEUMIL", names), "Germany (military)");
  assert.equal(actorName("DEUXYZ", names), null);
  assert.equal(actorName("RED_CROSS", names), null);
  assert.equal(actorName("", names), null);
  // inherited object keys are not names
  assert.equal(actorName("constructor", names), null);
});

test("labels show the code and, when known, the name", () => {
  assert.equal(actorLabel("USA", names), "USA — United States");
  assert.equal(actorLabel("OCEANA", names), "OCEANA");
});
