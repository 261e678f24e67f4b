import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { EventDetail, EventsPage, EventSummary } from "../../../src/server/schemas.js";
import { getJson } from "../api.js";
import { clear, h, s, tip } from "../dom.js";
import { apiFilters, filterBar } from "../filters.js";
import { formatCount, formatDate, TYPES, typeColour } from "../format.js";
import { link, type View } from "../nav.js";
import { evidenceQuote, safeUrl } from "./event.js";

/** Equirectangular projection onto a 960 x 480 plane (no tiles, no network). */
const W = 960;
const H = 480;
const px = (lon: number) => ((lon + 180) / 360) * W;
const py = (lat: number) => ((90 - lat) / 180) * H;
const LIMIT = 5000;

/** How far a place's precision leaves the true spot, drawn as a dashed ring (in screen pixels). */
const RING: Record<string, number> = { country: 22, region: 18, admin1: 14, admin2: 9, city: 0, district: 0, site: 0 };

function ringPath(ring: readonly number[][]): string {
  // Unwrap longitudes across the antimeridian so no polygon streaks across the map; the view clips the overflow.
  let prev: number | null = null;
  let shift = 0;
  const parts: string[] = [];
  for (const [lon, lat] of ring) {
    if (prev !== null && Math.abs(lon + shift - prev) > 180) shift += lon + shift > prev ? -360 : 360;
    const l = lon + shift;
    parts.push(`${px(l).toFixed(1)},${py(lat).toFixed(1)}`);
    prev = l;
  }
  return `M${parts.join("L")}Z`;
}

function geometryPath(f: Feature<Polygon | MultiPolygon>): string {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polys.map((p) => p.map(ringPath).join("")).join("");
}

let countriesCache: Promise<{ name: string; d: string }[]> | null = null;
function countries(): Promise<{ name: string; d: string }[]> {
  countriesCache ??= import("world-atlas/countries-110m.json").then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries);
    return fc.features
      .filter((f) => f.id !== "010") // Antarctica: no events, half the map
      .map((f) => ({ name: f.properties?.name ?? "", d: geometryPath(f as Feature<Polygon | MultiPolygon>) }));
  });
  return countriesCache;
}

type Located = EventSummary & { place: NonNullable<EventSummary["place"]> & { lat: number; lon: number } };

/**
 * The map: country shapes from Natural Earth (world-atlas), events as points coloured by
 * type, grouped into clusters on a screen grid that follows the zoom, a dashed ring where the
 * place is only known to a region or country, and a popup with the evidence and the sources.
 */
export const mapView: View = async (root, params) => {
  root.append(filterBar("map", params));
  const status = h("p", { class: "muted", role: "status" }, "Loading…");
  const wrap = h("div", { class: "map", "data-testid": "map" });
  const popup = h("div", { class: "popup", hidden: true, "data-testid": "map-popup" });
  const zoomIn = h("button", { type: "button", title: "Zoom in" }, "+");
  const zoomOut = h("button", { type: "button", title: "Zoom out" }, "−");
  const resetBtn = h("button", { type: "button" }, "Whole world");
  root.append(h("div", { class: "map-tools" }, zoomIn, zoomOut, resetBtn, status), wrap);

  const [shapes, page] = await Promise.all([countries(), getJson<EventsPage>("/api/events", { ...apiFilters(params), limit: LIMIT })]);
  const located = page.events.filter((e): e is Located => e.place !== null && e.place.lat !== null && e.place.lon !== null);
  status.textContent = `${located.length.toLocaleString("en-GB")} of ${page.total.toLocaleString("en-GB")} matching events have coordinates${
    page.total > LIMIT ? ` (the ${LIMIT.toLocaleString("en-GB")} most recent are mapped)` : ""
  }. Dashed rings: the place is known only to a region or country. Scroll or use +/− to zoom, drag to pan.`;

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Map of events" });
  const base = s("g");
  const grat = s("g", { class: "graticule" });
  for (let lon = -180; lon <= 180; lon += 30) grat.append(s("line", { x1: px(lon), x2: px(lon), y1: 0, y2: H }));
  for (let lat = -60; lat <= 80; lat += 20) grat.append(s("line", { x1: 0, x2: W, y1: py(lat), y2: py(lat) }));
  base.append(grat);
  for (const c of shapes) {
    const p = s("path", { d: c.d, class: "country" });
    p.append(tip(c.name));
    base.append(p);
  }
  const points = s("g");
  svg.append(base, points);
  wrap.append(svg, popup);

  // View box state: [x, y, width]; height follows the aspect ratio.
  let vb = { x: 0, y: 20, w: W };
  const aspect = (H - 90) / W;
  const apply = () => {
    svg.setAttribute("viewBox", `${vb.x} ${vb.y} ${vb.w} ${vb.w * aspect}`);
    drawPoints();
  };
  const unitsPerPixel = () => vb.w / Math.max(1, svg.getBoundingClientRect().width || W);

  function drawPoints(): void {
    clear(points);
    const upp = unitsPerPixel();
    const cell = 26 * upp;
    const cells = new Map<string, Located[]>();
    for (const e of located) {
      const key = `${Math.floor(px(e.place.lon) / cell)}:${Math.floor(py(e.place.lat) / cell)}`;
      cells.set(key, [...(cells.get(key) ?? []), e]);
    }
    for (const group of cells.values()) {
      const cx = group.reduce((a, e) => a + px(e.place.lon), 0) / group.length;
      const cy = group.reduce((a, e) => a + py(e.place.lat), 0) / group.length;
      const byType = new Map<string, number>();
      for (const e of group) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
      const dominant = [...byType.entries()].sort(
        (a, b) => b[1] - a[1] || TYPES.indexOf(b[0] as never) - TYPES.indexOf(a[0] as never),
      )[0][0];
      const g = s("g", { class: group.length > 1 ? "cluster" : "single", "data-count": group.length });
      if (group.length === 1) {
        const e = group[0];
        const ring = RING[e.place.precision ?? "city"] ?? 0;
        if (ring > 0) g.append(s("circle", { class: "ring", cx, cy, r: ring * upp, stroke: typeColour(e.type) }));
        g.append(s("circle", { class: "pt", cx, cy, r: 5 * upp, fill: typeColour(e.type) }));
        g.append(tip(`${e.type} · ${formatDate(e.date?.value, e.date?.precision)} · ${e.place.name ?? ""} (${e.place.precision ?? "?"})`));
      } else {
        const r = (7 + Math.sqrt(group.length) * 2.2) * upp;
        g.append(s("circle", { class: "pt", cx, cy, r, fill: typeColour(dominant), "fill-opacity": 0.85 }));
        g.append(s("text", { x: cx, y: cy + 3.5 * upp, "text-anchor": "middle", style: `font-size:${10 * upp}px` }, group.length));
        g.append(tip(`${group.length} events: ${[...byType.entries()].map(([t, n]) => `${t} ${n}`).join(", ")}`));
      }
      g.addEventListener("click", (ev) => {
        ev.stopPropagation();
        void showPopup(group, ev as MouseEvent);
      });
      points.append(g);
    }
  }

  async function showPopup(group: Located[], ev: MouseEvent): Promise<void> {
    clear(popup);
    const box = wrap.getBoundingClientRect();
    popup.style.left = `${Math.min(ev.clientX - box.left + 10, box.width - 420)}px`;
    popup.style.top = `${ev.clientY - box.top + 10}px`;
    popup.hidden = false;
    const close = h("button", { type: "button", class: "close", title: "Close" }, "×");
    close.addEventListener("click", () => (popup.hidden = true));
    popup.append(close, h("b", null, group.length === 1 ? "1 event" : `${group.length} events`));
    for (const e of group.slice(0, 25)) {
      const item = h(
        "div",
        { class: "item" },
        h(
          "div",
          null,
          h("span", { class: "type-badge", style: `--ev:${typeColour(e.type)}` }, e.type),
          ` ${formatDate(e.date?.value, e.date?.precision)} · `,
          h("a", { href: link("event", undefined, e.id) }, `${e.actor1?.name ?? "?"} → ${e.actor2?.name ?? "?"}`),
        ),
        h(
          "div",
          { class: "muted small" },
          `${e.place.name ?? ""}${e.country ? `, ${e.country}` : ""} — located to the ${e.place.precision ?? "?"}${e.killed ? ` · killed ${formatCount(e.killed)}` : ""} · ${e.sourceCount} source${e.sourceCount === 1 ? "" : "s"}`,
        ),
      );
      popup.append(item);
      if (group.length <= 3) {
        // Few events: show the evidence and the sources of each.
        getJson<EventDetail>(`/api/events/${encodeURIComponent(e.id)}`)
          .then((d) => {
            for (const src of d.sources.slice(0, 5)) {
              const url = safeUrl(src.document.url);
              item.append(
                evidenceQuote(src.event.evidence.text, src.event.evidence.start, src.event.trigger, typeColour(e.type)),
                h(
                  "div",
                  { class: "small" },
                  `${src.document.outlet ?? "?"}${src.document.published ? `, ${src.document.published}` : ""} · `,
                  h("a", { href: link("doc", { event: src.localId }, src.document.id) }, "article"),
                  url ? h("span", null, " · ", h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, "original")) : null,
                ),
              );
            }
          })
          .catch(() => item.append(h("blockquote", { class: "evidence" }, e.evidence)));
      } else item.append(h("div", { class: "small" }, e.evidence.slice(0, 160)));
    }
    if (group.length > 25) popup.append(h("p", { class: "muted" }, `…and ${group.length - 25} more: zoom in.`));
  }

  const zoom = (factor: number, cx = vb.x + vb.w / 2, cy = vb.y + (vb.w * aspect) / 2) => {
    const w = Math.min(W, Math.max(W / 64, vb.w * factor));
    vb = { x: cx - ((cx - vb.x) * w) / vb.w, y: cy - ((cy - vb.y) * w) / vb.w, w };
    apply();
  };
  svg.addEventListener(
    "wheel",
    (ev) => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      const cx = vb.x + ((ev.clientX - r.left) / r.width) * vb.w;
      const cy = vb.y + ((ev.clientY - r.top) / r.height) * vb.w * aspect;
      zoom(ev.deltaY > 0 ? 1.25 : 0.8, cx, cy);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | null = null;
  svg.addEventListener("mousedown", (ev) => (drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y, moved: false }));
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) < 4) return; // a click, not a drag
    drag.moved = true;
    const upp = unitsPerPixel();
    vb = { ...vb, x: drag.vx - (ev.clientX - drag.x) * upp, y: drag.vy - (ev.clientY - drag.y) * upp };
    svg.setAttribute("viewBox", `${vb.x} ${vb.y} ${vb.w} ${vb.w * aspect}`);
  });
  window.addEventListener("mouseup", () => {
    // Re-cluster after a drag only: redrawing on a plain click would swallow the click on a point.
    if (drag?.moved) drawPoints();
    drag = null;
  });
  zoomIn.addEventListener("click", () => zoom(0.6));
  zoomOut.addEventListener("click", () => zoom(1 / 0.6));
  resetBtn.addEventListener("click", () => {
    vb = { x: 0, y: 20, w: W };
    apply();
  });
  // Start on the events: fit their extent.
  if (located.length > 0) {
    const xs = located.map((e) => px(e.place.lon));
    const ys = located.map((e) => py(e.place.lat));
    const w = Math.min(W, Math.max(120, (Math.max(...xs) - Math.min(...xs)) * 1.6, ((Math.max(...ys) - Math.min(...ys)) * 1.6) / aspect));
    vb = { x: (Math.max(...xs) + Math.min(...xs)) / 2 - w / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2 - (w * aspect) / 2, w };
  }
  requestAnimationFrame(apply);
};
