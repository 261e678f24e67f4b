import type { Event } from "../../../src/model/annotations.js";
import type { Extraction } from "../../../src/model/extraction.js";
import { h } from "../dom.js";
import { formatDate, typeColour } from "../format.js";

/** One highlighted span: a layer (kind), a label and, for events, the event it belongs to. */
interface Mark {
  readonly id: string;
  readonly kind: "actor" | "place" | "time" | "number" | "anomaly" | "trigger" | "evidence";
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly title: string;
  readonly colour?: string;
  readonly eventId?: string;
}

const LAYERS: readonly { kind: Mark["kind"]; name: string }[] = [
  { kind: "actor", name: "actors" },
  { kind: "place", name: "places" },
  { kind: "time", name: "times" },
  { kind: "number", name: "numbers" },
  { kind: "trigger", name: "events" },
  { kind: "anomaly", name: "anomalies" },
];

function marksOf(x: Extraction, length: number): Mark[] {
  const out: Mark[] = [];
  const entity = new Map(x.entities.map((e) => [e.id, e]));
  for (const m of x.mentions) {
    const e = m.entityId ? entity.get(m.entityId) : undefined;
    const who = [m.country ?? e?.country, m.sector ?? e?.sector].filter(Boolean).join("·");
    out.push({
      id: m.id,
      kind: "actor",
      start: m.start,
      end: m.end,
      label: who || m.kind.toUpperCase(),
      title: `${e ? e.name : m.text} (${m.kind}${who ? `, ${who}` : ""}) · ${m.rule}`,
    });
  }
  for (const p of x.places)
    out.push({
      id: p.id,
      kind: "place",
      start: p.start,
      end: p.end,
      label: `${p.country ?? "PLACE"}`,
      title: `${p.name}, ${p.country ?? "?"} (${p.precision}${p.lat !== null ? `, ${p.lat.toFixed(2)}, ${p.lon?.toFixed(2)}` : ""}) · ${p.rule}`,
    });
  x.times.forEach((t, i) =>
    out.push({
      id: `t${i}`,
      kind: "time",
      start: t.start,
      end: t.end,
      label: t.value,
      title: `${t.type} ${t.value}${t.precision ? ` (${t.precision})` : ""}${t.modifier ? ` ${t.modifier}` : ""}, ${t.anchor} · ${t.rule}`,
    }),
  );
  x.quantities.forEach((q, i) =>
    out.push({
      id: `q${i}`,
      kind: "number",
      start: q.start,
      end: q.end,
      label: `${q.role} ${q.value}${q.max !== undefined ? `–${q.max}` : ""}`,
      title: `${q.role}: ${q.qualifier} ${q.value}${q.max !== undefined ? `–${q.max}` : ""}${q.from !== undefined ? ` (from ${q.from})` : ""} · ${q.rule}`,
    }),
  );
  x.anomalies.forEach((a, i) =>
    out.push({
      id: `a${i}`,
      kind: "anomaly",
      start: a.start,
      end: a.end,
      label: a.kind,
      title: `${a.message}${a.suggestion ? ` → ${a.suggestion}` : ""} · ${a.rule}`,
    }),
  );
  for (const e of x.events) {
    out.push({
      id: `trigger:${e.id}`,
      kind: "trigger",
      start: e.trigger.start,
      end: e.trigger.end,
      label: e.type,
      title: `${e.type}${e.mode ? `/${e.mode}` : ""} (${e.modality}${e.historical ? ", historical" : ""}) · ${e.rule}`,
      colour: typeColour(e.type),
      eventId: e.id,
    });
    out.push({
      id: `evidence:${e.id}`,
      kind: "evidence",
      start: e.evidence.start,
      end: e.evidence.end,
      label: "",
      title: "",
      eventId: e.id,
    });
  }
  // Spans from the server are trusted to be in range, but a bad one must not break the page.
  return out.filter((m) => m.start >= 0 && m.end <= length && m.end > m.start);
}

export interface ArticleHandle {
  readonly element: HTMLElement;
  /** Highlights an event's evidence and trigger and scrolls it into view. */
  focusEvent(eventId: string): void;
}

/**
 * Renders an article with its annotations, displaCy style: the text is cut at every
 * annotation boundary, each piece is a text node inside a <span> whose classes say which
 * layers cover it, and a small label follows the end of each annotation. The events are
 * listed beside the text; clicking one scrolls to and highlights its evidence.
 */
export function renderArticle(
  text: string,
  x: Extraction,
  options: { eventExtra?: (e: Event) => Node | null; focus?: string | null } = {},
): ArticleHandle {
  const marks = marksOf(x, text.length);
  const body = h("div", { class: "article-text", "data-testid": "article-text" });
  const segmentsByMark = new Map<string, HTMLElement[]>();

  // Cut points and a sweep over them.
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const endsAt = new Map<number, Mark[]>();
  for (const m of marks) if (m.kind !== "evidence") endsAt.set(m.end, [...(endsAt.get(m.end) ?? []), m]);
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    active = active.filter((m) => m.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    const piece = text.slice(a, b);
    if (active.length === 0) body.append(document.createTextNode(piece));
    else {
      const kinds = new Set(active.map((m) => m.kind));
      const span = h("span", { class: ["seg", ...[...kinds].map((k) => `k-${k}`)].join(" ") }, piece);
      const visible = active.filter((m) => m.kind !== "evidence").sort((p, q) => p.end - p.start - (q.end - q.start));
      if (visible.length > 0) span.title = visible.map((m) => m.title).join("\n");
      const trigger = active.find((m) => m.kind === "trigger");
      if (trigger?.colour) span.style.setProperty("--ev", trigger.colour);
      if (trigger?.eventId) span.dataset.event = trigger.eventId;
      for (const m of active) segmentsByMark.set(m.id, [...(segmentsByMark.get(m.id) ?? []), span]);
      body.append(span);
    }
    // Labels of annotations ending here, innermost first.
    const ending = (endsAt.get(b) ?? []).sort((p, q) => p.end - p.start - (q.end - q.start));
    for (const m of ending) {
      const lbl = h("span", { class: `lbl l-${m.kind}` }, m.label);
      if (m.colour) lbl.style.setProperty("--ev", m.colour);
      body.append(lbl);
    }
  }

  const list = h("div", { class: "article-events", "data-testid": "article-events" });
  const cards = new Map<string, HTMLElement>();
  const focusEvent = (id: string) => {
    for (const el of body.querySelectorAll(".focus, .focus-trigger")) el.classList.remove("focus", "focus-trigger");
    for (const c of cards.values()) c.classList.remove("selected");
    const segs = segmentsByMark.get(`evidence:${id}`) ?? [];
    for (const el of segs) el.classList.add("focus");
    for (const el of segmentsByMark.get(`trigger:${id}`) ?? []) el.classList.add("focus-trigger");
    cards.get(id)?.classList.add("selected");
    segs[0]?.scrollIntoView({ block: "center", behavior: "auto" });
    cards.get(id)?.scrollIntoView({ block: "nearest", behavior: "auto" });
  };
  body.addEventListener("click", (ev) => {
    const target = (ev.target as HTMLElement).closest<HTMLElement>("[data-event]");
    if (target?.dataset.event) focusEvent(target.dataset.event);
  });

  list.append(h("h3", null, `${x.events.length} event${x.events.length === 1 ? "" : "s"}`));
  if (x.events.length === 0) list.append(h("p", { class: "muted" }, "No events were found in this text."));
  for (const e of x.events) {
    const card = eventCard(e, () => focusEvent(e.id), options.eventExtra?.(e) ?? null);
    cards.set(e.id, card);
    list.append(card);
  }
  if (x.anomalies.length > 0) {
    list.append(h("h3", null, `${x.anomalies.length} anomal${x.anomalies.length === 1 ? "y" : "ies"}`));
    for (const a of x.anomalies)
      list.append(
        h(
          "div",
          { class: "anomaly-card" },
          h("b", null, a.kind),
          " ",
          h("q", null, a.text),
          h("div", null, a.message),
          a.suggestion ? h("div", { class: "muted" }, `suggestion: ${a.suggestion}`) : null,
        ),
      );
  }

  const legend = h("div", { class: "legend" });
  const wrapper = h("div", { class: "article" }, legend, h("div", { class: "article-cols" }, body, list));
  for (const layer of LAYERS) {
    const box = h("input", { type: "checkbox", checked: true });
    box.addEventListener("change", () => wrapper.classList.toggle(`hide-${layer.kind}`, !box.checked));
    legend.append(h("label", { class: `chip c-${layer.kind}` }, box, ` ${layer.name}`));
  }
  const handle: ArticleHandle = { element: wrapper, focusEvent };
  if (options.focus) requestAnimationFrame(() => focusEvent(options.focus as string));
  return handle;
}

function actorNames(refs: readonly { name: string; country: string | null }[]): string {
  return refs.map((r) => (r.country && !r.name.includes(r.country) ? `${r.name} (${r.country})` : r.name)).join(", ");
}

function eventCard(e: Event, onClick: () => void, extra: Node | null): HTMLElement {
  const count = (c: Event["killed"]) =>
    c ? `${c.qualifier !== "exact" ? `${c.qualifier.replace("_", " ")} ` : ""}${c.value}${c.max !== undefined ? `–${c.max}` : ""}` : null;
  const killed = count(e.killed);
  const injured = count(e.injured);
  const card = h(
    "div",
    { class: "event-card", "data-event-id": e.id, tabindex: 0, role: "button" },
    h(
      "div",
      { class: "ev-head" },
      h("span", { class: "type-badge", style: `--ev:${typeColour(e.type)}` }, e.type),
      e.mode ? h("span", { class: "muted" }, ` ${e.mode}`) : null,
    ),
    h("div", null, h("b", null, actorNames(e.sources) || "—"), " → ", h("b", null, actorNames(e.targets) || "—")),
    h(
      "div",
      { class: "muted" },
      [
        e.date ? `${formatDate(e.date.value, e.date.precision)} (${e.date.precision ?? "?"}, ${e.date.basis})` : "undated",
        e.place ? `${e.place.name}${e.place.country ? `, ${e.place.country}` : ""}` : null,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    killed || injured
      ? h("div", null, [killed ? `killed ${killed}` : null, injured ? `injured ${injured}` : null].filter(Boolean).join(" · "))
      : null,
    h(
      "div",
      { class: "muted small" },
      `${e.modality}${e.historical ? " · historical" : ""} · confidence ${e.confidence.toFixed(2)}${e.attribution ? ` · according to ${e.attribution.name}` : ""}`,
    ),
    extra,
  );
  card.addEventListener("click", (ev) => {
    if ((ev.target as HTMLElement).closest("a")) return;
    onClick();
  });
  card.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      onClick();
    }
  });
  return card;
}
