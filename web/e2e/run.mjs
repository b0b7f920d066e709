// Browser tests of the page against a running `sitrep serve` (issue 9), with Playwright
// driving Debian's Chromium. Run by .ci/run after it starts the demo server:
//
//   node web/e2e/run.mjs http://127.0.0.1:8080 [--screenshots docs/screenshots]
//
// Each check prints one line; the first failure exits with status 1.

import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { annotations } from "../src/spans.js";

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || "http://127.0.0.1:8080").replace(/\/$/, "");
const shotsAt = process.argv.indexOf("--screenshots");
const shots = shotsAt > 0 ? process.argv[shotsAt + 1] : null;
if (shots) mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  // The machine has no network: without these Chromium keeps trying to reach Google.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => {
  if (m.type() === "error") problems.push(`console: ${m.text()}`);
});

let failed = false;
async function check(name, f) {
  try {
    await f();
    if (problems.length) throw new Error(problems.splice(0).join("; "));
    console.log(`ok   ${name}`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e.message}`);
    failed = true;
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
async function api(path, init) {
  const res = await fetch(base + path, init);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
async function shot(name) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`) });
}

await check("the overview draws the map, timeline, network and table from stored data", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#map svg .country.has-events", { timeout: 15000 });
  await page.waitForSelector("#timeline svg .bars rect");
  await page.waitForSelector("#network svg .node");
  await page.waitForSelector("#table tbody tr");
  const n = await page.locator("#map .country.has-events").count();
  assert(n >= 2, `only ${n} countries shaded`);
  const labels = await page.locator("#network .node").evaluateAll((ns) => ns.map((g) => g.getAttribute("aria-label")));
  assert(labels.some((l) => / — [A-Z][a-z]/.test(l)), `no network node is named: ${labels.slice(0, 5).join("; ")}`);
  await shot("overview");
});

await check("clicking a country filters the table by it", async () => {
  const country = page.locator("#map .country.has-events").first();
  const code = await country.getAttribute("data-code");
  await country.click();
  await page.waitForFunction((c) => new URLSearchParams(location.search).get("place") === c, code);
  await page.waitForFunction(() => /shown/.test(document.querySelector(".table-status")?.textContent || ""));
  const expected = await api(`/v1/events?place=${code}&limit=100`);
  const rows = await page.locator("#table tbody tr").count();
  assert(rows === expected.events.length, `table shows ${rows} rows, the API has ${expected.events.length} for place=${code}`);
  const docs = await page.locator("#table tbody tr").evaluateAll((trs) => trs.map((t) => t.dataset.document));
  assert(docs.join("\n") === expected.events.map((e) => e.document).join("\n"), "table rows differ from the API's events");
  await shot("filtered");
});

await check("the article view highlights every extraction of a document", async () => {
  const first = (await api("/v1/events?limit=1")).events[0];
  const doc = await api(`/v1/documents/${encodeURIComponent(first.document)}`);
  await page.goto(`${base}/?doc=${encodeURIComponent(first.document)}`);
  await page.waitForSelector(".article-text");
  const anns = annotations(doc);
  assert(anns.length > 0, "the document has nothing to highlight");
  const marks = await page.locator(".article-text mark").evaluateAll((ms) => ms.map((m) => ({ anns: (m.dataset.anns || "").split(" ").map(Number), text: m.textContent })));
  const bytes = Buffer.from(doc.text, "utf8");
  for (let i = 0; i < anns.length; i++) {
    const want = bytes.subarray(anns[i].start, anns[i].end).toString("utf8");
    const got = marks.filter((m) => m.anns.includes(i)).map((m) => m.text).join("");
    assert(got === want, `${anns[i].kind} "${want}" is highlighted as "${got}"`);
  }
  const cards = await page.locator(".event-card").count();
  assert(cards === doc.events.length, `${cards} event cards for ${doc.events.length} events`);
  const trigger = page.locator(".article-text mark.hl-trigger").first();
  await trigger.hover();
  const tip = await page.locator("#tooltip").textContent();
  assert(/rule/.test(tip) && /confidence/.test(tip), "hovering a trigger shows no rule and confidence");
  await shot("article");
});

await check("a pasted article is analysed", async () => {
  const text = readFileSync(join(here, "../../examples/en-talks.txt"), "utf8");
  const expected = await api("/v1/extract", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text });
  await page.goto(base + "/");
  await page.fill("#paste-text", text);
  await page.click("#paste button[type=submit]");
  await page.waitForSelector("#article .article-text");
  const cards = await page.locator("#article .event-card").count();
  assert(expected.events.length > 0, "the example has no events");
  assert(cards === expected.events.length, `${cards} event cards, /v1/extract gives ${expected.events.length}`);
  await page.locator("#article-card").scrollIntoViewIfNeeded();
  await shot("pasted");
});

await check("an uploaded HTML page is analysed from its article text", async () => {
  const file = join(here, "../../examples/en-article.html");
  const expected = await api("/v1/extract", { method: "POST", headers: { "Content-Type": "text/html; charset=utf-8" }, body: readFileSync(file, "utf8") });
  await page.goto(base + "/");
  await page.setInputFiles("#file", file);
  await page.waitForSelector("#article .article-text");
  const shown = await page.locator("#article .article-text").textContent();
  assert(shown === expected.text, "the article view does not show the page's article text");
  assert(!/<[a-z]/i.test(shown), "the article view shows markup");
  assert(expected.events.length > 0, "the example page has no events");
  const cards = await page.locator("#article .event-card").count();
  assert(cards === expected.events.length, `${cards} event cards, /v1/extract gives ${expected.events.length}`);
  const box = await page.inputValue("#paste-text");
  assert(box === expected.text, "the text box does not hold the article's text");
});

await check("the filter bar is reachable by keyboard and kept in the URL", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#table tbody tr");
  await page.focus("#filters input[name=actor]");
  await page.keyboard.type("USA");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("actor") === "USA");
  await page.reload();
  const v = await page.inputValue("#filters input[name=actor]");
  assert(v === "USA", `after reload the actor field holds "${v}"`);
});

await browser.close();
process.exit(failed ? 1 : 0);
