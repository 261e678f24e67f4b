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
 * A small force layout: every pair of nodes repels, every edge pulls its ends together and a
 * weak pull keeps the graph centred. Deterministic start (a circle), fixed number of steps.
 */
export function layout(
  nodes: readonly { id: string }[],
  edges: readonly { source: string; target: string; count: number }[],
  steps = 300,
): Map<string, Body> {
  const n = nodes.length;
  const bodies = new Map<string, Body>();
  nodes.forEach((node, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    bodies.set(node.id, { id: node.id, x: W / 2 + Math.cos(a) * W * 0.3, y: H / 2 + Math.sin(a) * H * 0.3, vx: 0, vy: 0 });
  });
  const list = [...bodies.values()];
  const ideal = Math.min(160, Math.sqrt((W * H) / Math.max(1, n)) * 0.75);
  for (let step = 0; step < steps; step++) {
    const cool = 1 - step / steps;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = 0.1 * (i - j);
          dy = 0.1;
          d2 = dx * dx + dy * dy;
        }
        const f = (ideal * ideal) / d2;
        a.vx += dx * f * 0.05;
        a.vy += dy * f * 0.05;
        b.vx -= dx * f * 0.05;
        b.vy -= dy * f * 0.05;
      }
    for (const e of edges) {
      const a = bodies.get(e.source);
      const b = bodies.get(e.target);
      if (!a || !b) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = ((d - ideal) / d) * 0.04 * Math.min(3, 1 + Math.log(e.count));
      a.vx += dx * f;
      a.vy += dy * f;
      b.vx -= dx * f;
      b.vy -= dy * f;
    }
    for (const b of list) {
      b.vx += (W / 2 - b.x) * 0.005;
      b.vy += (H / 2 - b.y) * 0.005;
      const v = Math.sqrt(b.vx * b.vx + b.vy * b.vy);
      const max = 20 * cool + 0.5;
      if (v > max) {
        b.vx *= max / v;
        b.vy *= max / v;
      }
      b.x = Math.min(W - 40, Math.max(40, b.x + b.vx));
      b.y = Math.min(H - 20, Math.max(20, b.y + b.vy));
      b.vx *= 0.6;
      b.vy *= 0.6;
    }
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
      s("text", { x: radius(n.events) + 3, y: 4 }, `${n.name}${n.country && !n.name.includes(n.country) ? ` (${n.country})` : ""}`),
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
