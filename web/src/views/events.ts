import type { EventsPage, EventSummary } from "../../../src/server/schemas.js";
import { getJson } from "../api.js";
import { clear, fmtInt, h } from "../dom.js";
import { apiFilters, filterBar } from "../filters.js";
import { formatCount, formatDate, typeColour } from "../format.js";
import { link, type View } from "../nav.js";
import { timeline } from "../timeline.js";

const PAGE = 50;
const TIMELINE_LIMIT = 2000;

const COLUMNS: readonly { key: string; label: string; sort?: string }[] = [
  { key: "date", label: "Date", sort: "date" },
  { key: "type", label: "Type" },
  { key: "actors", label: "Who → whom" },
  { key: "place", label: "Where" },
  { key: "killed", label: "Killed", sort: "killed" },
  { key: "sources", label: "Sources", sort: "sources" },
  { key: "modality", label: "Modality" },
  { key: "confidence", label: "Conf.", sort: "confidence" },
];

function actorText(a: EventSummary["actor1"]): string {
  return a ? `${a.name}${a.country && !a.name.includes(a.country) ? ` (${a.country})` : ""}` : "—";
}

/** Events: filters, a timeline of every matching event (up to 2,000) and a sortable, paged table. */
export const eventsView: View = async (root, params) => {
  const filters = apiFilters(params);
  const sort = params.get("sort") ?? "-date";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    location.hash = link("events", next);
  };

  root.append(filterBar("events", params));
  const status = h("p", { class: "muted", role: "status" }, "Loading…");
  const tl = h("div", { class: "timeline" });
  const table = h("div", { class: "table-wrap" });
  root.append(
    status,
    h("div", { class: "events-layout" }, h("div", null, h("h3", null, "Timeline"), tl), h("div", null, h("h3", null, "Events"), table)),
  );

  const [list, all] = await Promise.all([
    getJson<EventsPage>("/api/events", { ...filters, sort, limit: PAGE, offset: page * PAGE }),
    getJson<EventsPage>("/api/events", { ...filters, sort: "-date", limit: TIMELINE_LIMIT }),
  ]);
  status.textContent = `${fmtInt(list.total)} event${list.total === 1 ? "" : "s"} match${list.total === 1 ? "es" : ""}.${
    all.total > TIMELINE_LIMIT ? ` The timeline shows the ${fmtInt(TIMELINE_LIMIT)} most recent; narrow the filters to see older ones.` : ""
  } Bars span the whole period a date can mean (a month-precision event covers the month); drag across the timeline to filter by dates.`;

  const open = (id: string) => {
    location.hash = link("event", undefined, id);
  };
  tl.append(timeline(all.events, open, (from, to) => go({ from, to, page: null })));
  tl.append(
    h(
      "div",
      { class: "key" },
      ...[...new Set(all.events.map((e) => e.type))].map((t) => h("span", null, h("i", { style: `background:${typeColour(t)}` }), t)),
      h("span", { class: "muted" }, "solid: known to the day · pale bar: the period a vaguer date covers"),
    ),
  );

  clear(table);
  const head = h("tr");
  for (const c of COLUMNS) {
    const th = h("th", { scope: "col" }, c.label);
    if (c.sort) {
      const active = sort === c.sort || sort === `-${c.sort}`;
      if (active) th.append(sort.startsWith("-") ? " ▼" : " ▲");
      th.addEventListener("click", () =>
        go({ sort: c.sort === "date" && sort === "-date" ? "date" : c.sort === "date" ? "-date" : c.sort!, page: null }),
      );
      th.title = "Sort";
    }
    head.append(th);
  }
  const body = h("tbody");
  for (const e of list.events) {
    const tr = h(
      "tr",
      { class: "row", "data-id": e.id, tabindex: 0 },
      h(
        "td",
        { class: "nowrap", title: e.date ? `${e.date.start} to ${e.date.end}` : "" },
        e.date ? formatDate(e.date.value, e.date.precision) : "undated",
      ),
      h("td", null, h("span", { class: "type-badge", style: `--ev:${typeColour(e.type)}` }, e.type)),
      h("td", null, `${actorText(e.actor1)} → ${actorText(e.actor2)}`),
      h("td", null, [e.place?.name, e.country].filter(Boolean).join(", ") || "—"),
      h("td", null, formatCount(e.killed)),
      h("td", null, String(e.sourceCount)),
      h("td", null, `${e.modality}${e.historical ? ", hist." : ""}`),
      h("td", null, e.confidence.toFixed(2)),
    );
    tr.title = e.evidence;
    tr.addEventListener("click", () => open(e.id));
    tr.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") open(e.id);
    });
    body.append(tr);
  }
  table.append(h("div", { class: "scroll" }, h("table", { class: "data", "data-testid": "events-table" }, h("thead", null, head), body)));
  if (list.events.length === 0) table.append(h("p", { class: "muted" }, "No events match these filters."));
  const pages = Math.max(1, Math.ceil(list.total / PAGE));
  const prev = h("button", { type: "button", disabled: page === 0 }, "‹ Previous");
  const next = h("button", { type: "button", disabled: page + 1 >= pages }, "Next ›");
  prev.addEventListener("click", () => go({ page: String(page - 1) }));
  next.addEventListener("click", () => go({ page: String(page + 1) }));
  const exportLinks = h("span", { class: "muted" }, "Export: ");
  for (const f of ["csv", "jsonl", "geojson", "gexf"]) {
    const q = new URLSearchParams({ ...filters, format: f });
    exportLinks.append(h("a", { href: `/api/export?${q}`, download: `sitrep-events.${f}` }, f), " ");
  }
  table.append(h("div", { class: "pager" }, prev, h("span", null, `page ${page + 1} of ${fmtInt(pages)}`), next, exportLinks));
};
