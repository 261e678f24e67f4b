import type { Series } from "../../../src/server/schemas.js";
import { getJson } from "../api.js";
import { clear, h, s, tip } from "../dom.js";
import { apiFilters, filterBar } from "../filters.js";
import { TYPES, typeColour } from "../format.js";
import { link, type View } from "../nav.js";

const W = 640;
const H = 260;
const M = { l: 44, r: 10, t: 10, b: 26 };
const DAY = 86_400_000;
const PALETTE = ["#1f5fbf", "#d6001c", "#1b7837", "#e08214", "#762a83", "#35978f", "#8c510a", "#4393c3"];

const ms = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function frame(t0: number, t1: number, yMax: number, yLabel: string) {
  const x = (t: number) => M.l + ((t - t0) / Math.max(1, t1 - t0)) * (W - M.l - M.r);
  const y = (v: number) => H - M.b - (v / yMax) * (H - M.t - M.b);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img" });
  const axis = s("g", { class: "axis" });
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    axis.append(
      s("line", { x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), "stroke-dasharray": i ? "2 3" : "" }),
      s("text", { x: M.l - 4, y: y(v) + 3, "text-anchor": "end" }, Number.isInteger(v) ? v : v.toFixed(1)),
    );
  }
  const spanDays = (t1 - t0) / DAY;
  const step = spanDays > 1500 ? 12 : spanDays > 500 ? 3 : 1;
  const a = new Date(t0);
  for (
    let d = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 1));
    d.getTime() <= t1;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))
  )
    axis.append(
      s(
        "text",
        { x: x(d.getTime()), y: H - 8, "text-anchor": "middle" },
        step >= 12 ? d.toISOString().slice(0, 4) : d.toISOString().slice(0, 7),
      ),
    );
  axis.append(s("text", { x: 4, y: M.t + 2, transform: `rotate(90 4 ${M.t + 2})` }, yLabel));
  svg.append(axis);
  return { svg, x, y };
}

/**
 * The time range to draw: the stretch of buckets (split wherever half a year passes without
 * any) that holds most of the weight, when it holds at least 80% of it. A few historical
 * events years back would otherwise squeeze the news into one bar. What is left out is
 * counted in a note.
 */
function mainRange(points: readonly { t: string; value: number }[]): { from: string; to: string; outside: number } {
  const sorted = [...points].filter((p) => p.value > 0).sort((a, b) => a.t.localeCompare(b.t));
  if (sorted.length === 0) return { from: "", to: "\uffff", outside: 0 };
  const total = sorted.reduce((a, p) => a + p.value, 0);
  const runs: { from: string; to: string; weight: number }[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && ms(p.t) - ms(last.to) <= 183 * DAY) {
      last.to = p.t;
      last.weight += p.value;
    } else runs.push({ from: p.t, to: p.t, weight: p.value });
  }
  const best = runs.reduce((a, b) => (b.weight > a.weight ? b : a));
  if (best.weight < total * 0.8) return { from: sorted[0].t, to: sorted[sorted.length - 1].t, outside: 0 };
  return { from: best.from, to: best.to, outside: total - best.weight };
}

function outsideNote(outside: number, what: string): HTMLElement | null {
  return outside > 0
    ? h(
        "p",
        { class: "muted small" },
        `${Math.round(outside * 10) / 10} ${what} fall outside the range shown (set dates in the filters to see them).`,
      )
    : null;
}

function empty(text: string): HTMLElement {
  return h("p", { class: "muted" }, text);
}

/** Events per interval, stacked by type. Vague dates are spread over the buckets they cover (server side). */
function eventsChart(data: Series, interval: string): HTMLElement {
  const box = h("div", { class: "chart panel", "data-testid": "chart-events" }, h("h3", null, `Events per ${interval} by type`));
  const points = data.series.flatMap((sr) => sr.points);
  if (points.length === 0) {
    box.append(empty("No dated events match."));
    return box;
  }
  const buckets = new Map<string, Map<string, number>>();
  for (const sr of data.series) for (const p of sr.points) buckets.set(p.t, (buckets.get(p.t) ?? new Map()).set(sr.key, p.value));
  const range = mainRange(points);
  const ts = [...buckets.keys()].sort().filter((t) => t >= range.from && t <= range.to);
  const width = interval === "day" ? DAY : interval === "week" ? 7 * DAY : interval === "month" ? 30.4 * DAY : 365 * DAY;
  const t0 = ms(ts[0]);
  const t1 = ms(ts[ts.length - 1]) + width;
  const totals = ts.map((t) => [...buckets.get(t)!.values()].reduce((a, b) => a + b, 0));
  const { svg, x, y } = frame(t0, t1, niceMax(Math.max(...totals)), "events");
  for (const t of ts) {
    let acc = 0;
    const m = buckets.get(t)!;
    for (const type of TYPES) {
      const v = m.get(type);
      if (!v) continue;
      const r = s("rect", {
        x: x(ms(t)) + 0.5,
        width: Math.max(1, x(ms(t) + width) - x(ms(t)) - 1),
        y: y(acc + v),
        height: y(acc) - y(acc + v),
        fill: typeColour(type),
      });
      r.append(tip(`${interval} of ${t}: ${type} ${Math.round(v * 100) / 100}`));
      svg.append(r);
      acc += v;
    }
  }
  const key = h(
    "div",
    { class: "key" },
    ...data.series.map((sr) => h("span", null, h("i", { style: `background:${typeColour(sr.key)}` }), sr.key)),
  );
  box.append(
    svg,
    key,
    h("p", { class: "muted small" }, "An event known only to the month counts as a fraction in each week of that month."),
  );
  return box;
}

/** People killed per interval: the lowest reported figure solid, the highest as a pale extension. */
function killedChart(data: Series, interval: string): HTMLElement {
  const box = h("div", { class: "chart panel", "data-testid": "chart-killed" }, h("h3", null, `People killed per ${interval}`));
  const allPts = data.series[0]?.points ?? [];
  const range = mainRange(allPts);
  const pts = allPts.filter((p) => p.t >= range.from && p.t <= range.to);
  if (pts.length === 0) {
    box.append(empty("No casualty figures in the matching events."));
    return box;
  }
  const width = interval === "day" ? DAY : interval === "week" ? 7 * DAY : interval === "month" ? 30.4 * DAY : 365 * DAY;
  const t0 = ms(pts[0].t);
  const t1 = ms(pts[pts.length - 1].t) + width;
  const { svg, x, y } = frame(t0, t1, niceMax(Math.max(...pts.map((p) => p.max ?? p.value))), "killed");
  for (const p of pts) {
    const bx = x(ms(p.t)) + 0.5;
    const bw = Math.max(1, x(ms(p.t) + width) - x(ms(p.t)) - 1);
    const hi = p.max ?? p.value;
    if (hi > p.value)
      svg.append(s("rect", { x: bx, width: bw, y: y(hi), height: y(p.value) - y(hi), fill: "#d6001c", "fill-opacity": 0.25 }));
    const r = s("rect", { x: bx, width: bw, y: y(p.value), height: y(0) - y(p.value), fill: "#d6001c" });
    r.append(tip(`${interval} of ${p.t}: ${Math.round(p.value)}${hi > p.value ? ` to ${Math.round(hi)}` : ""} killed`));
    svg.append(r);
  }
  box.append(svg, h("p", { class: "muted small" }, "Solid: the lowest figure reported for each event; pale: up to the highest."));
  const note = outsideNote(range.outside, "deaths");
  if (note) box.append(note);
  return box;
}

/** A reported quantity (troop levels...) over time, one line per country, each point linked to its article. */
function quantityChart(data: Series, role: string, onRole: (role: string) => void): HTMLElement {
  const select = h(
    "select",
    { "aria-label": "Quantity" },
    ...["troops", "displaced", "hostages", "prisoners", "arrested", "injured", "killed", "missing", "attacks"].map((r) =>
      h("option", { value: r, selected: r === role }, r),
    ),
  );
  select.addEventListener("change", () => onRole(select.value));
  const box = h("div", { class: "chart panel", "data-testid": "chart-quantity" }, h("h3", null, "Reported numbers over time: ", select));
  const all = data.series.flatMap((sr) => sr.points);
  if (all.length === 0) {
    box.append(empty(`No "${role}" figures found in the articles.`));
    return box;
  }
  const t0 = Math.min(...all.map((p) => ms(p.t))) - 15 * DAY;
  const t1 = Math.max(...all.map((p) => ms(p.t))) + 15 * DAY;
  const { svg, x, y } = frame(t0, t1, niceMax(Math.max(...all.map((p) => p.max ?? p.value))), role);
  const key = h("div", { class: "key" });
  data.series.forEach((sr, i) => {
    const colour = PALETTE[i % PALETTE.length];
    const pts = [...sr.points].sort((a, b) => ms(a.t) - ms(b.t));
    if (pts.length > 1)
      svg.append(
        s("path", {
          d: `M${pts.map((p) => `${x(ms(p.t)).toFixed(1)},${y(p.value).toFixed(1)}`).join("L")}`,
          fill: "none",
          stroke: colour,
          "stroke-width": 1.5,
        }),
      );
    for (const p of pts) {
      const a = s("a", { href: p.docId ? link("doc", undefined, p.docId) : "#" });
      const c = s("circle", { cx: x(ms(p.t)), cy: y(p.value), r: 4, fill: colour, stroke: "#fff" });
      c.append(tip(`${sr.key} ${p.t}: ${p.value}${p.max !== undefined ? `–${p.max}` : ""}\n${p.evidence ?? ""}`));
      a.append(c);
      svg.append(a);
    }
    key.append(h("span", null, h("i", { style: `background:${colour}` }), sr.key));
  });
  box.append(svg, key, h("p", { class: "muted small" }, "Each point is one figure in one article (click it to read the sentence)."));
  return box;
}

export const chartsView: View = async (root, params) => {
  root.append(filterBar("charts", params));
  const filters = apiFilters(params);
  const interval = params.get("interval") ?? "week";
  const role = params.get("role") ?? "troops";
  const intervalSel = h(
    "select",
    null,
    ...["day", "week", "month", "year"].map((i) => h("option", { value: i, selected: i === interval }, i)),
  );
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    location.hash = link("charts", next);
  };
  intervalSel.addEventListener("change", () => setParam("interval", intervalSel.value));
  root.append(h("p", null, "Interval: ", intervalSel));
  const grid = h("div", { class: "charts" }, h("p", { class: "muted" }, "Loading…"));
  root.append(grid);
  const [ev, killed, qty] = await Promise.all([
    getJson<Series>("/api/series", { ...filters, metric: "events", interval }),
    getJson<Series>("/api/series", { ...filters, metric: "killed", interval }),
    getJson<Series>("/api/series", { ...filters, metric: "quantity", role }),
  ]);
  clear(grid);
  grid.append(
    eventsChart(ev, interval),
    killedChart(killed, interval),
    quantityChart(qty, role, (r) => setParam("role", r)),
  );
};
