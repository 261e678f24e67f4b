import type { Network } from "../../../src/server/schemas.js";
import { getJson } from "../api.js";
import { h, s, tip } from "../dom.js";
import { apiFilters, filterBar } from "../filters.js";
import { typeColour } from "../format.js";
import { link, type View } from "../nav.js";

const W = 900;
const H = 560;

interface Body {
  id: string;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/**
 * A small force layout (Fruchterman-Reingold): every pair of nodes repels, every edge pulls its
 * ends together, a weak pull keeps loose parts near the middle; the step size cools down. The
 * start is a circle (deterministic), and the result is scaled to fit the drawing.
 */
export function layout(
  nodes: readonly { id: string }[],
  edges: readonly { source: string; target: string; count: number }[],
  steps = 400,
): Map<string, Body> {
  const n = nodes.length;
  const bodies = new Map<string, Body>();
  nodes.forEach((node, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    bodies.set(node.id, { id: node.id, x: Math.cos(a) * 100, y: Math.sin(a) * 100, vx: 0, vy: 0 });
  });
  const list = [...bodies.values()];
  const k = 100 / Math.sqrt(Math.max(1, n)) + 20;
  for (let step = 0; step < steps; step++) {
    const temp = 30 * (1 - step / steps) + 0.5;
    for (const b of list) {
      b.vx = -b.x * 0.02; // gravity towards the centre
      b.vy = -b.y * 0.02;
    }
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d = Math.sqrt(dx * dx + dy * dy);
        if (d < 0.01) {
          dx = 0.01 * (j - i);
          dy = 0.01;
          d = 0.015;
        }
        const f = (k * k) / d / d;
        a.vx += dx * f;
        a.vy += dy * f;
        b.vx -= dx * f;
        b.vy -= dy * f;
      }
    for (const e of edges) {
      const a = bodies.get(e.source);
      const b = bodies.get(e.target);
      if (!a || !b || a === b) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d / k) * Math.min(2, 1 + Math.log(e.count) / 2);
      a.vx += (dx / d) * f;
      a.vy += (dy / d) * f;
      b.vx -= (dx / d) * f;
      b.vy -= (dy / d) * f;
    }
    for (const b of list) {
      const v = Math.sqrt(b.vx * b.vx + b.vy * b.vy) || 1;
      const m = Math.min(v, temp);
      b.x += (b.vx / v) * m;
      b.y += (b.vy / v) * m;
    }
  }
  // Fit into the drawing, leaving room for labels on the right.
  const xs = list.map((b) => b.x);
  const ys = list.map((b) => b.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (W - 200) / Math.max(1, x1 - x0);
  const sy = (H - 60) / Math.max(1, y1 - y0);
  const scale = Math.min(sx, sy, 3);
  for (const b of list) {
    b.x = 40 + (b.x - x0) * scale + (W - 200 - (x1 - x0) * scale) / 2;
    b.y = 30 + (b.y - y0) * scale + (H - 60 - (y1 - y0) * scale) / 2;
  }
  return bodies;
}

/** Who acts on whom: arrows from source to target, as thick as the number of events, coloured by the most frequent type. */
export const networkView: View = async (root, params) => {
  root.append(filterBar("network", params));
  const net = await getJson<Network>("/api/network", { ...apiFilters(params), limit: 50 });
  root.append(
    h(
      "p",
      { class: "muted", role: "status" },
      `${net.nodes.length} actors and ${net.edges.length} links (source → target), from the merged events' main actors. Click an actor to see its events.`,
    ),
  );
  const wrap = h("div", { class: "network", "data-testid": "network" });
  root.append(wrap);
  if (net.nodes.length === 0) {
    wrap.append(h("p", { class: "muted" }, "No events with both a source and a target actor match."));
    return;
  }
  const pos = layout(net.nodes, net.edges);
  const maxCount = Math.max(...net.edges.map((e) => e.count), 1);
  const maxEvents = Math.max(...net.nodes.map((n) => n.events), 1);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Actor network" });
  const defs = s("defs");
  for (const type of new Set(net.edges.map((e) => e.dominant)))
    defs.append(
      s(
        "marker",
        { id: `arrow-${type}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse" },
        s("path", { d: "M0,0L10,5L0,10z", fill: typeColour(type) }),
      ),
    );
  svg.append(defs);
  const radius = (events: number) => 5 + 14 * Math.sqrt(events / maxEvents);
  const edgeEls: { el: SVGPathElement; source: string; target: string }[] = [];
  for (const e of net.edges) {
    const a = pos.get(e.source)!;
    const b = pos.get(e.target)!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const d = Math.sqrt(dx * dx + dy * dy) || 1;
    const rb = radius(net.nodes.find((n) => n.id === e.target)!.events) + 3;
    const ex = b.x - (dx / d) * rb;
    const ey = b.y - (dy / d) * rb;
    // A slight curve so that A→B and B→A do not overlap.
    const mx = (a.x + ex) / 2 - (dy / d) * 18;
    const my = (a.y + ey) / 2 + (dx / d) * 18;
    const path = s("path", {
      class: "edge",
      d: `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      stroke: typeColour(e.dominant),
      "stroke-width": (1 + 7 * Math.sqrt(e.count / maxCount)).toFixed(2),
      "marker-end": `url(#arrow-${e.dominant})`,
    });
    const names = (id: string) => net.nodes.find((n) => n.id === id)?.name ?? id;
    path.append(
      tip(
        `${names(e.source)} → ${names(e.target)}: ${e.count} event${e.count === 1 ? "" : "s"}\n${Object.entries(e.types)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}`,
      ),
    );
    svg.append(path);
    edgeEls.push({ el: path, source: e.source, target: e.target });
  }
  const nodeEls = new Map<string, SVGGElement>();
  for (const n of net.nodes) {
    const p = pos.get(n.id)!;
    const g = s("g", { class: "node", transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, "data-id": n.id });
    g.append(
      s("circle", { r: radius(n.events), fill: "#3b4a63" }),
      s(
        "text",
        { x: radius(n.events) + 3, y: 4 },
        `${n.name.length > 28 ? `${n.name.slice(0, 27)}…` : n.name}${n.country && !n.name.includes(n.country) ? ` (${n.country})` : ""}`,
      ),
    );
    g.append(tip(`${n.name}: ${n.events} event${n.events === 1 ? "" : "s"}`));
    g.addEventListener("mouseenter", () => {
      const linked = new Set([n.id]);
      for (const e of edgeEls) {
        const on = e.source === n.id || e.target === n.id;
        e.el.classList.toggle("dim", !on);
        if (on) linked.add(e.source).add(e.target);
      }
      for (const [id, el] of nodeEls) el.classList.toggle("dim", !linked.has(id));
    });
    g.addEventListener("mouseleave", () => {
      for (const e of edgeEls) e.el.classList.remove("dim");
      for (const el of nodeEls.values()) el.classList.remove("dim");
    });
    g.addEventListener("click", () => {
      const next = new URLSearchParams(params);
      next.set("actor", n.id.startsWith("name:") ? n.name : n.id);
      location.hash = link("events", next);
    });
    nodeEls.set(n.id, g);
    svg.append(g);
  }
  const types = [...new Set(net.edges.map((e) => e.dominant))];
  wrap.append(svg, h("div", { class: "key" }, ...types.map((t) => h("span", null, h("i", { style: `background:${typeColour(t)}` }), t))));
};
