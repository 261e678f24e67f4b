import type { Store } from "./open.js";
import { eventSources, iterateEvents, type EventFilter, type EventSource, type MergedEventRow } from "./query.js";

export type ExportFormat = "csv" | "jsonl" | "geojson" | "gexf";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "jsonl", "geojson", "gexf"];

/** Writes one chunk of output (a file stream or stdout); may return a promise for back-pressure. */
export type Sink = (chunk: string) => void | Promise<void>;

/** ACLED-style columns of the CSV export (and of `sitrep events --format csv`). */
export const CSV_COLUMNS = [
  "event_id",
  "event_date",
  "time_precision",
  "plover_type",
  "plover_mode",
  "cameo_root",
  "acled_type",
  "actor1",
  "actor1_country",
  "actor2",
  "actor2_country",
  "country",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "fatalities",
  "fatalities_max",
  "injured",
  "injured_max",
  "modality",
  "historical",
  "confidence",
  "sources",
  "source_count",
  "mention_count",
  "first_report",
  "last_report",
  "notes",
] as const;

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF (or edge spaces); quotes doubled. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)))) : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function cameoRoot(cameo: string | null): string | null {
  return cameo ? cameo.slice(0, 2) : null;
}

/** One entry per document (an article that mentions the event twice is one source). */
function sourceList(sources: readonly EventSource[]): string {
  const seen = new Set<string>();
  return sources
    .filter((s) => !seen.has(s.docId) && seen.add(s.docId))
    .map((s) => [s.outlet ?? s.title ?? s.docId, s.published ?? "", s.url ?? ""].filter(Boolean).join(" "))
    .join("; ");
}

export function csvRow(e: MergedEventRow, sources: readonly EventSource[]): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    event_id: e.id,
    event_date: e.date,
    time_precision: e.date_precision,
    plover_type: e.type,
    plover_mode: e.mode,
    cameo_root: cameoRoot(e.cameo),
    acled_type: e.acled,
    actor1: e.actor1,
    actor1_country: e.actor1_country,
    actor2: e.actor2,
    actor2_country: e.actor2_country,
    country: e.country,
    location: e.location,
    latitude: e.lat,
    longitude: e.lon,
    geo_precision: e.geo_precision,
    fatalities: e.killed_min,
    fatalities_max: e.killed_max,
    injured: e.injured_min,
    injured_max: e.injured_max,
    modality: e.modality,
    historical: Number(e.historical) === 1 ? 1 : 0,
    confidence: Number(e.confidence),
    sources: sourceList(sources),
    source_count: e.source_count,
    mention_count: e.mention_count,
    first_report: e.first_report,
    last_report: e.last_report,
    notes: e.evidence,
  };
  return CSV_COLUMNS.map((c) => csvField(values[c])).join(",");
}

interface NumberDetail {
  value: number;
  max: number | null;
  docId: string;
  outlet: string | null;
  published: string | null;
}

/** One merged event with PLOVER field names (the JSONL export; also used by the GeoJSON properties). */
export function ploverRecord(e: MergedEventRow, sources: readonly EventSource[]): Record<string, unknown> {
  const details = JSON.parse(e.details) as { killed?: NumberDetail[]; injured?: NumberDetail[] };
  const said = (list: NumberDetail[] | undefined) =>
    (list ?? []).map((r) => ({
      value: r.value,
      ...(r.max !== null ? { max: r.max } : {}),
      doc_id: r.docId,
      outlet: r.outlet,
      published: r.published,
    }));
  return {
    event_id: e.id,
    event_date: e.date,
    time_precision: e.date_precision,
    event_type: e.type,
    event_mode: e.mode,
    cameo: e.cameo,
    acled_type: e.acled,
    actor: e.actor1,
    actor_id: e.actor1_id,
    actor_country: e.actor1_country,
    recipient: e.actor2,
    recipient_id: e.actor2_id,
    recipient_country: e.actor2_country,
    country: e.country,
    placename: e.location,
    place_id: e.place_id,
    latitude: e.lat,
    longitude: e.lon,
    geo_precision: e.geo_precision,
    fatalities: e.killed_min === null ? null : { min: e.killed_min, max: e.killed_max, reports: said(details.killed) },
    injured: e.injured_min === null ? null : { min: e.injured_min, max: e.injured_max, reports: said(details.injured) },
    modality: e.modality,
    historical: Number(e.historical) === 1,
    confidence: Number(e.confidence),
    source_count: e.source_count,
    mention_count: e.mention_count,
    first_report: e.first_report,
    last_report: e.last_report,
    event_text: e.evidence,
    sources: sources.map((s) => ({
      doc_id: s.docId,
      event_id: s.eventId,
      outlet: s.outlet,
      title: s.title,
      url: s.url,
      published: s.published,
      evidence: s.evidence,
    })),
  };
}

async function* withSources(store: Store, filter: EventFilter): AsyncGenerator<[MergedEventRow, EventSource[]]> {
  let batch: MergedEventRow[] = [];
  const flush = async function* () {
    const sources = await eventSources(
      store,
      batch.map((b) => b.id),
    );
    for (const e of batch) yield [e, sources.get(e.id) ?? []] as [MergedEventRow, EventSource[]];
    batch = [];
  };
  for await (const e of iterateEvents(store, filter)) {
    batch.push(e);
    if (batch.length >= 500) yield* flush();
  }
  yield* flush();
}

export async function toCsv(store: Store, filter: EventFilter, sink: Sink): Promise<number> {
  await sink(`${CSV_COLUMNS.join(",")}\r\n`);
  let n = 0;
  for await (const [e, s] of withSources(store, filter)) {
    await sink(`${csvRow(e, s)}\r\n`);
    n++;
  }
  return n;
}

export async function toJsonl(store: Store, filter: EventFilter, sink: Sink): Promise<number> {
  let n = 0;
  for await (const [e, s] of withSources(store, filter)) {
    await sink(`${JSON.stringify(ploverRecord(e, s))}\n`);
    n++;
  }
  return n;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** RFC 7946 Feature: [longitude, latitude] in WGS 84, null geometry when the place is unknown. */
export function geoJsonFeature(e: MergedEventRow, sources: readonly EventSource[]): Record<string, unknown> {
  const hasPoint = e.lat !== null && e.lon !== null && Number.isFinite(e.lat) && Number.isFinite(e.lon);
  const { latitude: _lat, longitude: _lon, ...props } = ploverRecord(e, sources);
  return {
    type: "Feature",
    id: e.id,
    geometry: hasPoint ? { type: "Point", coordinates: [round6(Number(e.lon)), round6(Number(e.lat))] } : null,
    properties: props,
  };
}

export async function toGeoJson(store: Store, filter: EventFilter, sink: Sink): Promise<number> {
  await sink('{"type":"FeatureCollection","features":[\n');
  let n = 0;
  for await (const [e, s] of withSources(store, filter)) {
    await sink(`${n > 0 ? ",\n" : ""}${JSON.stringify(geoJsonFeature(e, s))}`);
    n++;
  }
  await sink("\n]}\n");
  return n;
}

function xml(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

/**
 * GEXF 1.3 actor network: a node per actor (entity id, or name), a directed edge per
 * (source actor, target actor, PLOVER type) weighted by the number of merged events.
 */
export async function toGexf(store: Store, filter: EventFilter, sink: Sink): Promise<number> {
  const nodes = new Map<string, { label: string; country: string | null; events: number }>();
  const edges = new Map<string, { source: string; target: string; type: string; weight: number; events: string[] }>();
  const node = (id: string | null, name: string | null, country: string | null) => {
    if (!name && !id) return null;
    const key = id ?? `name:${(name ?? "").toLowerCase()}`;
    const n = nodes.get(key) ?? { label: name ?? key, country, events: 0 };
    n.events++;
    nodes.set(key, n);
    return key;
  };
  let n = 0;
  for await (const e of iterateEvents(store, filter)) {
    n++;
    const a = node(e.actor1_id, e.actor1, e.actor1_country);
    const b = node(e.actor2_id, e.actor2, e.actor2_country);
    if (!a || !b || a === b) continue;
    const k = `${a}\u0000${b}\u0000${e.type}`;
    const edge = edges.get(k) ?? { source: a, target: b, type: e.type, weight: 0, events: [] };
    edge.weight++;
    if (edge.events.length < 50) edge.events.push(e.id);
    edges.set(k, edge);
  }
  const ids = new Map([...nodes.keys()].sort().map((k, i) => [k, `n${i}`]));
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n';
  out += "  <meta><creator>sitrep</creator><description>Actor network of merged events</description></meta>\n";
  out += '  <graph mode="static" defaultedgetype="directed">\n';
  out +=
    '    <attributes class="node"><attribute id="0" title="actor_id" type="string"/><attribute id="1" title="country" type="string"/><attribute id="2" title="events" type="integer"/></attributes>\n';
  out +=
    '    <attributes class="edge"><attribute id="0" title="plover_type" type="string"/><attribute id="1" title="event_ids" type="string"/></attributes>\n';
  out += "    <nodes>\n";
  for (const [key, id] of ids) {
    const v = nodes.get(key)!;
    out += `      <node id="${id}" label="${xml(v.label)}"><attvalues><attvalue for="0" value="${xml(key)}"/><attvalue for="1" value="${xml(v.country ?? "")}"/><attvalue for="2" value="${v.events}"/></attvalues></node>\n`;
  }
  out += "    </nodes>\n    <edges>\n";
  let i = 0;
  for (const k of [...edges.keys()].sort()) {
    const e = edges.get(k)!;
    out += `      <edge id="${i++}" source="${ids.get(e.source)}" target="${ids.get(e.target)}" weight="${e.weight}" label="${e.type}"><attvalues><attvalue for="0" value="${e.type}"/><attvalue for="1" value="${xml(e.events.join(" "))}"/></attvalues></edge>\n`;
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  await sink(out);
  return n;
}
