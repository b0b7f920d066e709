// Times the page's first view against a running `sitrep serve` (issue 9: "the page's first
// view loads in under 1 s with 100,000 stored events"). Each run opens the page in a fresh
// browser context (empty cache) and stops the clock when the map, timeline, network and
// table are all drawn. Run by evaluation/first-view.sh, which fills the store first:
//
//   node web/e2e/first-view.mjs http://127.0.0.1:8080 [--runs 7] [--query 'type=AGREE']
//
// Prints one line per run and a JSON summary; exits 1 when a view is not drawn.

import { chromium } from "playwright-core";

const base = (process.argv[2] || "http://127.0.0.1:8080").replace(/\/$/, "");
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg("--runs", "7"));
const query = arg("--query", "");

// What "drawn" means: the same selectors the browser tests wait for.
const drawn = () =>
  !!document.querySelector("#map svg .country.has-events") &&
  !!document.querySelector("#timeline svg .bars rect") &&
  !!document.querySelector("#network svg .node") &&
  !!document.querySelector("#table tbody tr");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const health = await (await fetch(base + "/healthz")).json();
const times = [];
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const apiMs = {};
  page.on("requestfinished", (req) => {
    const url = new URL(req.url());
    const t = req.timing();
    if (url.pathname.startsWith("/v1/")) apiMs[url.pathname] = Math.round(t.responseEnd);
  });
  await page.goto(`${base}/${query ? "?" + query : ""}`, { waitUntil: "commit" });
  await page.waitForFunction(drawn, null, { timeout: 30000, polling: "raf" });
  // Milliseconds from the start of navigation to the frame where all four views exist.
  const ms = await page.evaluate(() => performance.now());
  times.push(ms);
  console.log(`run ${r + 1}: first view ${ms.toFixed(0)} ms; API answers (ms after each request started): ${JSON.stringify(apiMs)}`);
  await context.close();
}
await browser.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    bench: "first-view",
    documents: health.documents,
    events: health.events,
    query,
    runs,
    median_ms: Math.round(sorted[Math.floor(sorted.length / 2)]),
    max_ms: Math.round(sorted[sorted.length - 1]),
    first_ms: Math.round(times[0]),
  }),
);
