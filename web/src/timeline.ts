import type { EventSummary } from "../../src/server/schemas.js";
import { s, tip } from "./dom.js";
import { formatDate, TYPES, typeColour } from "./format.js";

const DAY = 86_400_000;
const W = 900;
const LEFT = 82;
const RIGHT = 12;
const ROW = 9;
const MAX_ROWS = 4;

function ms(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** Month or year ticks, whichever gives a readable number. */
function ticks(t0: number, t1: number): { t: number; label: string }[] {
  const out: { t: number; label: string }[] = [];
  const span = (t1 - t0) / DAY;
  const a = new Date(t0);
  if (span <= 120) {
    for (let t = Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate()); t <= t1; t += 7 * DAY)
      out.push({ t, label: new Date(t).toISOString().slice(5, 10) });
  } else if (span <= 1100) {
    const step = span <= 400 ? 1 : 3;
    for (
      let d = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1));
      d.getTime() <= t1;
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))
    )
      out.push({ t: d.getTime(), label: d.toISOString().slice(0, 7) });
  } else {
    const step = Math.max(1, Math.round(span / 365 / 10));
    for (let y = a.getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y += step) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  }
  return out.filter((x) => x.t >= t0);
}

/**
 * One lane per event type. Each event is drawn over the whole interval its date can mean
 * (a day is a thin mark, a month-precision event a bar across the month), so vague dates
 * look vague. Overlapping bars take the next row of the lane. Dragging selects a date range.
 */
export function timeline(
  events: readonly EventSummary[],
  onSelect: (id: string) => void,
  onRange: (from: string, to: string) => void,
): SVGSVGElement {
  const allDated = events.filter((e) => e.date?.start && e.date.end);
  // Historical background (a war years ago) would squeeze the news into a sliver: the range
  // follows the current events and the others are counted, not drawn.
  const current = allDated.filter((e) => !e.historical);
  const basis = current.length > 0 ? current : allDated;
  let t0 = Math.min(...basis.map((e) => ms(e.date!.start!)));
  let t1 = Math.max(...basis.map((e) => ms(e.date!.end!) + DAY));
  const dated = allDated.filter((e) => ms(e.date!.end!) + DAY > t0 && ms(e.date!.start!) < t1);
  const outside = allDated.length - dated.length;
  const types = TYPES.filter((t) => dated.some((e) => e.type === t));
  if (!Number.isFinite(t0)) {
    t0 = Date.UTC(2024, 0, 1);
    t1 = Date.UTC(2025, 0, 1);
  }
  const pad = Math.max(DAY, (t1 - t0) * 0.02);
  t0 -= pad;
  t1 += pad;
  const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * (W - LEFT - RIGHT);

  const laneH = ROW * MAX_ROWS + 6;
  const H = 34 + Math.max(1, types.length) * laneH;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Timeline of events by type", "data-testid": "timeline" });
  const axis = s("g", { class: "axis" });
  for (const tk of ticks(t0, t1)) {
    axis.append(
      s("line", { x1: x(tk.t), x2: x(tk.t), y1: 16, y2: H, "stroke-dasharray": "2 3" }),
      s("text", { x: x(tk.t) + 2, y: 11 }, tk.label),
    );
  }
  svg.append(axis);

  types.forEach((type, lane) => {
    const y0 = 20 + lane * laneH;
    svg.append(
      s("rect", { x: 0, y: y0, width: W, height: laneH - 2, fill: lane % 2 ? "#fafbfc" : "#fff" }),
      s("text", { class: "lane-label", x: 4, y: y0 + laneH / 2 + 3 }, type),
    );
    const rowsEnd: number[] = [];
    const mine = dated.filter((e) => e.type === type).sort((a, b) => ms(a.date!.start!) - ms(b.date!.start!));
    for (const e of mine) {
      const a = x(ms(e.date!.start!));
      const b = Math.max(a + 2.5, x(ms(e.date!.end!) + DAY));
      let row = rowsEnd.findIndex((end) => end <= a);
      if (row === -1) row = rowsEnd.length < MAX_ROWS ? rowsEnd.length : rowsEnd.indexOf(Math.min(...rowsEnd));
      rowsEnd[row] = b + 1;
      const precise = e.date!.start === e.date!.end;
      const r = s("rect", {
        x: a,
        y: y0 + 2 + row * ROW,
        width: b - a,
        height: ROW - 2,
        rx: 1.5,
        fill: typeColour(type),
        "fill-opacity": precise ? 0.95 : 0.35,
        stroke: precise ? "none" : typeColour(type),
        "stroke-width": 0.8,
        class: "tl-event",
        "data-id": e.id,
        style: "cursor:pointer",
      });
      r.append(
        tip(
          `${formatDate(e.date!.value, e.date!.precision)} (${e.date!.precision ?? "?"}: ${e.date!.start} to ${e.date!.end})\n${type}: ${e.actor1?.name ?? "?"} → ${e.actor2?.name ?? "?"}\n${e.evidence.slice(0, 200)}`,
        ),
      );
      r.addEventListener("click", () => onSelect(e.id));
      svg.append(r);
    }
  });
  if (types.length === 0)
    svg.append(s("text", { x: W / 2, y: 40, "text-anchor": "middle", class: "lane-label" }, "No dated events match."));

  // Drag across the timeline to filter by that date range.
  const band = s("rect", { y: 16, height: H - 16, fill: "#1f5fbf", "fill-opacity": 0.12, visibility: "hidden" });
  svg.append(band);
  const toT = (clientX: number) => {
    const box = svg.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * W;
    return t0 + ((px - LEFT) / (W - LEFT - RIGHT)) * (t1 - t0);
  };
  let start: number | null = null;
  svg.addEventListener("mousedown", (ev) => {
    if ((ev.target as Element).classList.contains("tl-event")) return;
    start = toT(ev.clientX);
  });
  svg.addEventListener("mousemove", (ev) => {
    if (start === null) return;
    const now = toT(ev.clientX);
    const a = x(Math.min(start, now));
    band.setAttribute("x", String(a));
    band.setAttribute("width", String(Math.abs(x(now) - x(start))));
    band.setAttribute("visibility", "visible");
  });
  window.addEventListener("mouseup", (ev) => {
    if (start === null) return;
    const end = toT(ev.clientX);
    const a = Math.min(start, end);
    const b = Math.max(start, end);
    start = null;
    band.setAttribute("visibility", "hidden");
    if (b - a < DAY) return;
    onRange(new Date(a).toISOString().slice(0, 10), new Date(b).toISOString().slice(0, 10));
  });
  return svg;
}
