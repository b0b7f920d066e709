// Bundles the page into web/dist/, which `sitrep serve` embeds. Run through build.sh
// (`bash web/build.sh`), which installs the pinned packages first. The output is
// committed; rebuilding from the same package-lock.json gives the same bytes.
//
//   node build.mjs           write web/dist/
//   node build.mjs --check   build into a temporary folder and fail if web/dist/ differs

import * as esbuild from "esbuild";
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";

const here = dirname(fileURLToPath(import.meta.url));
const check = process.argv.includes("--check");
const out = check ? mkdtempSync(join(tmpdir(), "sitrep-web-")) : join(here, "dist");
mkdirSync(out, { recursive: true });

// ISO 3166-1 numeric → alpha-3, from the knowledge base's generated states table: the map
// shapes are keyed by numeric code, sitrep's place and actor codes are alpha-3.
const isoNumeric = {
  name: "iso-numeric",
  setup(build) {
    build.onResolve({ filter: /^virtual:iso-numeric$/ }, () => ({ path: "iso-numeric", namespace: "virtual" }));
    build.onLoad({ filter: /.*/, namespace: "virtual" }, () => {
      const tsv = readFileSync(join(here, "../data/kb/states.generated.tsv"), "utf8");
      const map = {};
      for (const line of tsv.split("\n")) {
        if (!line || line.startsWith("#") || line.startsWith("alpha3\t")) continue;
        const [alpha3, , numeric] = line.split("\t");
        if (numeric) map[numeric] = alpha3;
      }
      return { contents: JSON.stringify(map), loader: "json" };
    });
  },
};

// Actor code → English name, for the network's labels: states from the knowledge base's
// states tables (the short name where one is set), international bodies from orgs.tsv.
function tsvRows(file) {
  const lines = readFileSync(join(here, "../data/kb", file), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  const header = lines[0].split("\t");
  return lines.slice(1).map((l) => Object.fromEntries(l.split("\t").map((v, i) => [header[i], v])));
}
function actorNames() {
  const names = {};
  for (const r of tsvRows("states.generated.tsv")) if (r.en) names[r.alpha3] = r.en.split("|")[0];
  for (const r of tsvRows("states.tsv")) {
    const name = r.en_short || (names[r.code] ? "" : (r.en_names || "").split("|")[0]);
    if (name) names[r.code] = name;
  }
  for (const r of tsvRows("orgs.tsv")) {
    if (r.code !== r.actor || names[r.code]) continue;
    const all = (r.en_names || "").split("|").filter(Boolean);
    // An acronym says no more than the code: prefer a spelled-out name of several words.
    names[r.code] = all.find((n) => /[a-z]/.test(n) && n.includes(" ")) || all.find((n) => /[a-z]/.test(n)) || all[0] || r.code;
  }
  return names;
}
const virtualModules = {
  name: "virtual-modules",
  setup(build) {
    build.onResolve({ filter: /^virtual:actor-names$/ }, () => ({ path: "actor-names", namespace: "virtual-names" }));
    build.onLoad({ filter: /.*/, namespace: "virtual-names" }, () => ({ contents: JSON.stringify(actorNames()), loader: "json" }));
  },
};

const result = await esbuild.build({
  entryPoints: [join(here, "src/main.js")],
  bundle: true,
  format: "esm",
  minify: true,
  target: ["chrome100", "firefox100", "safari15"],
  outfile: join(out, "app.js"),
  legalComments: "none",
  metafile: true,
  plugins: [isoNumeric, virtualModules],
  logLevel: "warning",
});
await esbuild.build({
  entryPoints: [join(here, "src/style.css")],
  bundle: true,
  minify: true,
  outfile: join(out, "app.css"),
  logLevel: "warning",
});
writeFileSync(join(out, "index.html"), readFileSync(join(here, "src/index.html")));

// Notices of every package that went into the bundle, with its version and licence text.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
let notices = "Third-party packages bundled into app.js (from the npm registry; see web/package-lock.json).\n";
for (const name of [...packages].sort()) {
  const dir = join(here, "node_modules", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const licenceFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  notices += `\n== ${name} ${pkg.version} (${pkg.license})\n\n`;
  notices += licenceFile ? readFileSync(join(dir, licenceFile), "utf8").trim() + "\n" : "(no licence file in the package)\n";
}
writeFileSync(join(out, "THIRD-PARTY-NOTICES.txt"), notices);

if (check) {
  const dist = join(here, "dist");
  const differ = [];
  for (const f of readdirSync(out)) {
    const committed = join(dist, f);
    if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(out, f)))) differ.push(f);
  }
  for (const f of existsSync(dist) ? readdirSync(dist) : []) if (!existsSync(join(out, f))) differ.push(f);
  rmSync(out, { recursive: true, force: true });
  if (differ.length) {
    console.error(`web/dist is out of date (${differ.join(", ")}): run bash web/build.sh`);
    process.exit(1);
  }
  console.log("web/dist matches its sources");
} else {
  for (const f of readdirSync(out)) console.log(`web/dist/${f}`);
}
