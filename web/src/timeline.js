// Events per day, stacked by type. Dragging across the chart picks a period (the `since`
// and `until` filters); the date fields in the filter bar do the same from the keyboard.

import { svg, el } from "./dom.js";
import { TYPES, typeColor } from "./types.js";

const DAY = 86400000;

function parseDay(s) {
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isNaN(t) ? null : t;
}

function fmtDay(t) {
  return new Date(t).toISOString().slice(0, 10);
}

/** The bin for a span of `days` days: a day, a week (Monday) or a month, so bars stay visible. */
export function binFor(days) {
  if (days <= 200) return "day";
  if (days <= 1400) return "week";
  return "month";
}

function binStart(t, bin) {
  if (bin === "day") return t;
  const d = new Date(t);
  if (bin === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextBin(t, bin) {
  if (bin === "day") return t + DAY;
  if (bin === "week") return t + 7 * DAY;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * Rows `{day, type, count}` → `{bins, outside}`: consecutive bins (gaps filled), each
 * `{day, end, bin, counts}` with counts per type, `end` being the bin's last day. A few
 * events dated far from the rest (a treaty of 1648 named in a report of 2022) would squash
 * the chart, so unless `full` such outliers are left out; `outside` counts them.
 */
export function stackDays(rows, { full = false } = {}) {
  const parsed = rows.map((r) => ({ t: parseDay(r.day), type: r.type, count: r.count })).filter((r) => r.t !== null && r.count > 0);
  if (parsed.length === 0) return { bins: [], outside: 0 };
  parsed.sort((a, b) => a.t - b.t);
  const total = parsed.reduce((a, r) => a + r.count, 0);
  let lo = parsed[0].t;
  let hi = parsed[parsed.length - 1].t;
  if (!full) {
    // The 5 % and 95 % points by event count, widened by their distance (at least 30
    // days): spread-out data keeps everything, a lone far-off date drops out.
    const at = (share) => {
      let acc = 0;
      for (const r of parsed) {
        acc += r.count;
        if (acc >= total * share) return r.t;
      }
      return parsed[parsed.length - 1].t;
    };
    const q05 = at(0.05);
    const q95 = at(0.95);
    const pad = Math.max(30 * DAY, q95 - q05);
    lo = Math.max(lo, q05 - pad);
    hi = Math.min(hi, q95 + pad);
  }
  let outside = 0;
  const kept = parsed.filter((r) => {
    const keep = r.t >= lo && r.t <= hi;
    if (!keep) outside += r.count;
    return keep;
  });
  lo = kept[0].t;
  hi = kept[kept.length - 1].t;
  const bin = binFor((hi - lo) / DAY + 1);
  const byBin = new Map();
  for (const r of kept) {
    const k = binStart(r.t, bin);
    if (!byBin.has(k)) byBin.set(k, new Map());
    const m = byBin.get(k);
    m.set(r.type, (m.get(r.type) || 0) + r.count);
  }
  const out = [];
  for (let t = binStart(lo, bin); t <= hi; t = nextBin(t, bin)) {
    out.push({ day: t, end: nextBin(t, bin) - DAY, bin, counts: byBin.get(t) || new Map() });
  }
  return { bins: out, outside };
}

export function renderTimeline(container, rows, { since, until, onPeriod }) {
  // With a period chosen, show all of it.
  const { bins: days, outside } = stackDays(rows, { full: Boolean(since || until) });
  if (days.length === 0) {
    container.replaceChildren(el("p", { class: "message note" }, "No dated events under these filters."));
    return;
  }
  const width = 960;
  const height = 240;
  const pad = { l: 36, r: 8, t: 8, b: 28 };
  const plotW = width - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const totals = days.map((d) => [...d.counts.values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const bw = plotW / days.length;
  const x = (i) => pad.l + i * bw;
  const y = (v) => pad.t + plotH - (v / max) * plotH;

  const label = (d) => (d.bin === "day" ? fmtDay(d.day) : `${fmtDay(d.day)} – ${fmtDay(d.end)}`);
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "timeline",
    role: "img",
    "aria-label": `Events per ${days[0].bin}, ${fmtDay(days[0].day)} to ${fmtDay(days[days.length - 1].end)}`,
  });
  const bars = svg("g", { class: "bars" });
  days.forEach((d, i) => {
    let acc = 0;
    for (const { type } of TYPES) {
      const n = d.counts.get(type);
      if (!n) continue;
      bars.append(
        svg(
          "rect",
          { x: x(i) + (bw > 3 ? 0.5 : 0), width: Math.max(0.5, bw - (bw > 3 ? 1 : 0)), y: y(acc + n), height: y(acc) - y(acc + n), fill: typeColor(type) },
          svg("title", {}, `${label(d)} ${type}: ${n}`),
        ),
      );
      acc += n;
    }
  });
  root.append(bars);

  // Axes: the count at the top, up to eight day labels along the bottom.
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: pad.l, x2: width - pad.r, y1: pad.t + plotH, y2: pad.t + plotH }));
  axis.append(svg("text", { x: pad.l - 4, y: pad.t + 10, "text-anchor": "end" }, String(max)));
  axis.append(svg("text", { x: pad.l - 4, y: pad.t + plotH, "text-anchor": "end" }, "0"));
  const step = Math.max(1, Math.ceil(days.length / 8));
  for (let i = 0; i < days.length; i += step) {
    axis.append(svg("text", { x: x(i) + bw / 2, y: height - 8, "text-anchor": "middle" }, fmtDay(days[i].day)));
  }
  root.append(axis);

  // The chosen period, and the brush.
  const s = since ? parseDay(since) : null;
  const u = until ? parseDay(until) : null;
  // The bin holding day `t` (clamped to the chart).
  const indexOf = (t) => {
    let i = 0;
    while (i + 1 < days.length && days[i + 1].day <= t) i++;
    return t < days[0].day ? -1 : i;
  };
  if (s !== null || u !== null) {
    const i0 = Math.max(0, s === null ? 0 : indexOf(s));
    const i1 = Math.min(days.length - 1, u === null ? days.length - 1 : indexOf(u));
    if (i1 >= i0) root.append(svg("rect", { class: "period", x: x(i0), y: pad.t, width: (i1 - i0 + 1) * bw, height: plotH }));
  }
  const brush = svg("rect", { class: "brush", x: 0, y: pad.t, width: 0, height: plotH, hidden: true });
  root.append(brush);
  const toIndex = (ev) => {
    const r = root.getBoundingClientRect();
    const px = ((ev.clientX - r.left) / r.width) * width;
    return Math.min(days.length - 1, Math.max(0, Math.floor((px - pad.l) / bw)));
  };
  let start = null;
  root.addEventListener("pointerdown", (ev) => {
    start = toIndex(ev);
    root.setPointerCapture(ev.pointerId);
    brush.removeAttribute("hidden");
    brush.setAttribute("x", x(start));
    brush.setAttribute("width", bw);
  });
  root.addEventListener("pointermove", (ev) => {
    if (start === null) return;
    const i = toIndex(ev);
    brush.setAttribute("x", x(Math.min(start, i)));
    brush.setAttribute("width", (Math.abs(i - start) + 1) * bw);
  });
  root.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const i = toIndex(ev);
    const a = Math.min(start, i);
    const b = Math.max(start, i);
    start = null;
    onPeriod(fmtDay(days[a].day), fmtDay(days[b].end));
  });
  const legend = el(
    "ul",
    { class: "type-legend", "aria-label": "Event types" },
    el("li", { class: "bin" }, `events per ${days[0].bin}:`),
    TYPES.filter(({ type }) => days.some((d) => d.counts.has(type))).map(({ type }) => el("li", {}, el("span", { class: "swatch", style: `background:${typeColor(type)}` }), type)),
  );
  const note = outside
    ? el("p", { class: "hint" }, `${outside} event${outside === 1 ? " is" : "s are"} dated far outside this range; pick a period to see them.`)
    : null;
  container.replaceChildren(root, legend, ...(note ? [note] : []));
}
