import type { EventDetail } from "../../../src/server/schemas.js";
import { getJson } from "../api.js";
import { h } from "../dom.js";
import { formatCount, formatDate, typeColour } from "../format.js";
import { link, type View } from "../nav.js";

/** "‹ Back" to the previous view, or to the events when the page was opened directly. */
export function backLink(): HTMLElement {
  const a = h("a", { href: "#/events" }, "‹ Back");
  a.addEventListener("click", (ev) => {
    if (history.length > 1) {
      ev.preventDefault();
      history.back();
    }
  });
  return a;
}

/** A link only for http(s) URLs: a stored URL is data, and "javascript:" must never become a link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** The evidence sentence with its trigger word marked (text nodes only). */
export function evidenceQuote(text: string, evStart: number, trigger: { start: number; end: number } | null, colour: string): HTMLElement {
  const q = h("blockquote", { class: "evidence" });
  if (trigger && trigger.start >= evStart && trigger.end <= evStart + text.length) {
    const a = trigger.start - evStart;
    const b = trigger.end - evStart;
    const mark = h("span", { class: "seg k-trigger", style: `--ev:${colour}` }, text.slice(a, b));
    q.append(text.slice(0, a), mark, text.slice(b));
  } else q.append(text);
  return q;
}

/** One merged event: what it says, every article that reported it with the evidence, and why they were merged. */
export const eventView: View = async (root, _params, id) => {
  if (!id) throw new Error("no event id");
  const d = await getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  const e = d.event;
  const colour = typeColour(e.type);
  root.append(
    h("p", null, backLink()),
    h(
      "h2",
      null,
      h("span", { class: "type-badge", style: `--ev:${colour}` }, e.type),
      " ",
      `${e.actor1?.name ?? "?"} → ${e.actor2?.name ?? "?"}`,
    ),
  );
  const kv = h("dl", { class: "kv" });
  const row = (k: string, v: string | Node | null) => {
    if (v === null || v === "") return;
    kv.append(h("dt", null, k), h("dd", null, v));
  };
  row(
    "Date",
    e.date
      ? `${formatDate(e.date.value, e.date.precision)} (precision: ${e.date.precision ?? "unknown"}; ${e.date.start} to ${e.date.end})`
      : "undated",
  );
  row(
    "Place",
    e.place
      ? `${e.place.name ?? "?"}${e.country ? `, ${e.country}` : ""}${e.place.precision ? ` (${e.place.precision})` : ""}${e.place.lat !== null ? ` · ${e.place.lat.toFixed(3)}, ${e.place.lon?.toFixed(3)}` : ""}`
      : e.country,
  );
  row("Mode / CAMEO / ACLED", [e.mode, e.cameo, e.acled].filter(Boolean).join(" · "));
  row("Killed", formatCount(e.killed));
  row("Injured", formatCount(e.injured));
  row("Modality", `${e.modality}${e.historical ? " (historical background)" : ""}`);
  row("Confidence", e.confidence.toFixed(2));
  row(
    "Reports",
    `${e.mentionCount} in ${e.sourceCount} article${e.sourceCount === 1 ? "" : "s"}${e.firstReport ? `, ${e.firstReport} to ${e.lastReport}` : ""}`,
  );
  row(
    "Actors",
    d.actors.map((a) => `${a.role}: ${a.name}${a.country ? ` (${a.country}${a.sector ? `·${a.sector}` : ""})` : ""}`).join("; ") || null,
  );

  const numbers = h("div");
  for (const [label, list] of [
    ["Killed", d.numbers.killed],
    ["Injured", d.numbers.injured],
  ] as const) {
    if (list.length === 0) continue;
    numbers.append(h("h3", null, `${label}: who reported what`));
    const ul = h("ul");
    for (const r of list)
      ul.append(
        h(
          "li",
          null,
          `${r.value}${r.max !== null && r.max !== r.value ? `–${r.max}` : ""} — ${r.outlet ?? r.docId}${r.published ? `, ${r.published}` : ""}`,
        ),
      );
    numbers.append(ul);
  }

  const sources = h("div", { "data-testid": "event-sources" }, h("h3", null, `Sources (${d.sources.length})`));
  for (const src of d.sources) {
    const url = safeUrl(src.document.url);
    const ev = src.event;
    sources.append(
      h(
        "div",
        { class: "source" },
        h(
          "div",
          null,
          h("b", null, src.document.outlet ?? "Unknown outlet"),
          src.document.published ? ` · ${src.document.published}` : "",
          " · ",
          src.document.title ?? src.document.id,
        ),
        evidenceQuote(ev.evidence.text, ev.evidence.start, ev.trigger, colour),
        h(
          "div",
          { class: "small" },
          h("a", { href: link("doc", { event: src.localId }, src.document.id), class: "open-article" }, "Open in the article"),
          url ? h("span", null, " · ", h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")) : null,
          h("span", { class: "muted" }, ` · match score ${src.score.toFixed(2)} · ${ev.rule}`),
        ),
      ),
    );
  }
  root.append(
    h(
      "div",
      { class: "detail-grid" },
      h(
        "div",
        { class: "panel" },
        kv,
        numbers,
        h("h3", null, "Why these reports are one event"),
        h("p", { "data-testid": "explanation" }, d.explanation),
      ),
      h("div", { class: "panel" }, sources),
    ),
  );
};
