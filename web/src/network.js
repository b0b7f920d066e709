// The actor network: actors as nodes, source→target pairs as edges weighted by their count
// and coloured by the pair's prevailing event type. The layout is a force simulation run to
// rest before drawing, so the same data always gives the same picture.

import { actorLabel } from "./names.js";
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "d3-force";
import { svg, el } from "./dom.js";
import { TYPES, typeColor } from "./types.js";

export function renderNetwork(container, data, { selected, onSelect, names = {} }) {
  const edges = (data.edges || []).filter((e) => e.source && e.target && e.source !== e.target);
  if (edges.length === 0) {
    container.replaceChildren(el("p", { class: "message note" }, "No actor pairs under these filters."));
    return;
  }
  const width = 960;
  const height = 560;
  const weight = new Map();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.count);
    weight.set(e.target, (weight.get(e.target) || 0) + e.count);
  }
  const nodes = [...weight.keys()].sort().map((id, i) => {
    // Start on a circle in a fixed order: with no randomness the layout is reproducible.
    const a = (2 * Math.PI * i) / weight.size;
    return { id, weight: weight.get(id), x: width / 2 + 200 * Math.cos(a), y: height / 2 + 200 * Math.sin(a) };
  });
  const links = edges.map((e) => ({ source: e.source, target: e.target, count: e.count, type: e.type }));
  const maxW = Math.max(...nodes.map((n) => n.weight));
  const maxC = Math.max(...links.map((l) => l.count));
  const radius = (n) => 5 + 14 * Math.sqrt(n.weight / maxW);
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((n) => n.id).distance(90))
    .force("charge", forceManyBody().strength(-260))
    .force("center", forceCenter(width / 2, height / 2))
    .force("collide", forceCollide((n) => radius(n) + 14))
    // A weak pull to the middle keeps pairs that touch no one else from drifting off.
    .force("x", forceX(width / 2).strength(0.06))
    .force("y", forceY(height / 2).strength(0.08))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  // Keep every node inside the picture.
  for (const n of nodes) {
    n.x = Math.min(width - 30, Math.max(30, n.x));
    n.y = Math.min(height - 20, Math.max(20, n.y));
  }

  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "network", role: "group", "aria-label": "Actor network" });
  root.append(
    svg(
      "defs",
      {},
      TYPES.map(({ type }) =>
        svg("marker", { id: `head-${type}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto" }, svg("path", { d: "M0,0L10,5L0,10z", fill: typeColor(type) })),
      ),
    ),
  );
  const gl = svg("g", { class: "links" });
  for (const l of links) {
    const dx = l.target.x - l.source.x;
    const dy = l.target.y - l.source.y;
    const len = Math.hypot(dx, dy) || 1;
    const r = radius(l.target) + 2;
    // Curved, so A→B and B→A stay apart.
    const ex = l.target.x - (dx / len) * r;
    const ey = l.target.y - (dy / len) * r;
    const mx = (l.source.x + ex) / 2 - (dy / len) * 18;
    const my = (l.source.y + ey) / 2 + (dx / len) * 18;
    gl.append(
      svg(
        "path",
        {
          d: `M${l.source.x},${l.source.y}Q${mx},${my} ${ex},${ey}`,
          stroke: typeColor(l.type),
          "stroke-width": 1 + 5 * (l.count / maxC),
          "marker-end": `url(#head-${l.type})`,
          class: "link",
        },
        svg("title", {}, `${l.source.id} → ${l.target.id}: ${l.count} event${l.count === 1 ? "" : "s"}, mostly ${l.type}`),
      ),
    );
  }
  const gn = svg("g", { class: "nodes" });
  for (const n of nodes) {
    const pick = () => onSelect(n.id === selected ? "" : n.id);
    const g = svg(
      "g",
      {
        class: `node${n.id === selected ? " selected" : ""}`,
        transform: `translate(${n.x},${n.y})`,
        tabindex: 0,
        role: "button",
        "aria-label": `${actorLabel(n.id, names)}: ${n.weight} events`,
        onclick: pick,
        onkeydown: (ev) => {
          if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            pick();
          }
        },
      },
      svg("circle", { r: radius(n) }),
      svg("text", { y: -radius(n) - 4, "text-anchor": "middle" }, n.id),
      svg("title", {}, `${actorLabel(n.id, names)}: ${n.weight} events`),
    );
    gn.append(g);
  }
  root.append(gl, gn);
  container.replaceChildren(root);
}
