// The world map: countries shaded by event count, movements (MOBILIZE with origin and
// destination) as arrows, a click on a country filters every view by it. Shapes are the
// Natural Earth 1:110m countries of the npm package `world-atlas`, bundled with the page.

import { geoNaturalEarth1, geoPath, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import numericToAlpha3 from "virtual:iso-numeric";
import { svg, el } from "./dom.js";

const countries = feature(world, world.objects.countries).features.map((f) => ({
  feature: f,
  code: numericToAlpha3[String(f.id).padStart(3, "0")] || null,
  name: f.properties.name,
}));

const LOW = [232, 240, 247];
const HIGH = [8, 48, 107];

/** Shade for `count` of `max`: square-root scale, so a few busy countries do not wash out the rest. */
export function shade(count, max) {
  if (!count || !max) return "#f4f4f1";
  const t = Math.sqrt(count / max);
  const c = LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function renderMap(container, data, { selected, onSelect }) {
  const width = 960;
  const height = 500;
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  const path = geoPath(projection);
  const counts = new Map((data.countries || []).map((c) => [c.code, c.count]));
  const max = Math.max(0, ...counts.values());
  const centroid = new Map(countries.filter((c) => c.code).map((c) => [c.code, projection(geoCentroid(c.feature))]));

  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "map",
    role: "group",
    "aria-label": "Events by country",
  });
  root.append(
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, svg("path", { d: "M0,0L10,5L0,10z", class: "arrow-head" }))),
    svg("path", { d: path({ type: "Sphere" }), class: "sphere" }),
  );
  const shapes = svg("g", { class: "countries" });
  for (const c of countries) {
    const n = c.code ? counts.get(c.code) || 0 : 0;
    const node = svg(
      "path",
      {
        d: path(c.feature),
        fill: shade(n, max),
        class: `country${c.code && c.code === selected ? " selected" : ""}${n ? " has-events" : ""}`,
        "data-code": c.code || "",
        tabindex: n ? 0 : undefined,
        role: n ? "button" : undefined,
        "aria-label": n ? `${c.name}: ${n} event${n === 1 ? "" : "s"}` : undefined,
      },
      svg("title", {}, `${c.name}${c.code ? ` (${c.code})` : ""}: ${n} event${n === 1 ? "" : "s"}`),
    );
    if (c.code) {
      const pick = () => onSelect(c.code === selected ? "" : c.code);
      node.addEventListener("click", pick);
      node.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          pick();
        }
      });
    }
    shapes.append(node);
  }
  root.append(shapes);

  const moves = svg("g", { class: "movements" });
  const maxMove = Math.max(1, ...(data.movements || []).map((m) => m.count));
  for (const m of data.movements || []) {
    const a = centroid.get(m.origin);
    const b = centroid.get(m.destination);
    if (!a || !b || m.origin === m.destination) continue;
    // A gentle arc, so opposite movements between two countries do not overlap.
    const mx = (a[0] + b[0]) / 2 - (b[1] - a[1]) * 0.2;
    const my = (a[1] + b[1]) / 2 + (b[0] - a[0]) * 0.2;
    moves.append(
      svg(
        "path",
        {
          d: `M${a[0]},${a[1]}Q${mx},${my} ${b[0]},${b[1]}`,
          class: "movement",
          "stroke-width": 1.5 + 3 * (m.count / maxMove),
          "marker-end": "url(#arrow)",
        },
        svg("title", {}, `${m.origin} → ${m.destination}: ${m.count} movement${m.count === 1 ? "" : "s"}`),
      ),
    );
  }
  root.append(moves);

  const legend = el(
    "p",
    { class: "map-legend" },
    "1 ",
    el("span", { class: "gradient", style: `background: linear-gradient(to right, ${shade(1, 1e9)}, ${shade(1, 1)})` }),
    ` ${max} event${max === 1 ? "" : "s"} per country`,
    el("span", { class: "swatch-arrow", "aria-hidden": "true" }, "→"),
    " movement from origin to destination",
  );
  container.replaceChildren(root, legend);
}

/** Countries known to the map, for the keyboard-friendly place picker. */
export function mapCountries() {
  return countries.filter((c) => c.code).map((c) => ({ code: c.code, name: c.name }));
}
