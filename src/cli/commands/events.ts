import { parseArgs } from "node:util";
import { isIsoDate } from "../../stages/published/index.js";
import {
  countEvents,
  defaultStoreLocation,
  eventSources,
  EVENT_SORTS,
  explainEvent,
  openStore,
  queryEvents,
  unmergeEvent,
  csvRow,
  CSV_COLUMNS,
  ploverRecord,
  geoJsonFeature,
  type EventFilter,
  type EventSort,
  type Store,
} from "../../store/index.js";
import { MODALITIES, PLOVER_TYPES } from "../../model/annotations.js";
import { EXIT_OK, UsageError, type Command } from "../command.js";

/** Plain-text table for the query commands: columns padded to their widths, cells cut to a maximum. */
export function renderTable(header: readonly string[], rows: readonly (readonly unknown[])[], maxWidth = 60): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ");
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  };
  const cells = rows.map((r) => r.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}

export function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return Number.isInteger(v) ? v.toLocaleString("en-US") : String(v);
}

export function range(min: number | null, max: number | null): string {
  if (min === null) return "";
  return max !== null && max !== min ? `${num(min)}-${num(max)}` : num(min);
}

/** `--from` / `--to` accept YYYY, YYYY-MM or YYYY-MM-DD. */
export function checkDate(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (/^\d{4}(-\d{2})?$/.test(v) || isIsoDate(v)) return v;
  throw new UsageError(`${flag} "${v}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
}

export function dbOption(v: string | undefined): string {
  return defaultStoreLocation(v);
}

/** The event filter's command-line options, shared by `events` and `export`. */
export const FILTER_OPTIONS = {
  type: { type: "string" },
  actor: { type: "string" },
  country: { type: "string" },
  place: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  modality: { type: "string" },
  historical: { type: "boolean" },
  "no-historical": { type: "boolean" },
  "min-confidence": { type: "string" },
  "min-sources": { type: "string" },
  q: { type: "string" },
} as const;

export const eventsCommand: Command = {
  name: "events",
  summary: "List merged events (filters, sorting, table/csv/jsonl/geojson); explain or undo a merge",
  usage:
    "sitrep events [--type T[,T]] [--actor ID|ISO3|name] [--country ISO3] [--place NAME] [--from DATE] [--to DATE]\n" +
    "       [--modality M[,M]] [--historical|--no-historical] [--min-confidence X] [--min-sources N] [--q TEXT] [--doc ID]\n" +
    "       [--sort -date|date|sources|confidence|killed] [--limit N] [--offset N] [--format table|csv|jsonl|geojson] [--count] [--db FILE|URL]\n" +
    "       sitrep events --explain ID     sitrep events --unmerge ID",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        ...FILTER_OPTIONS,
        doc: { type: "string" },
        sort: { type: "string" },
        limit: { type: "string" },
        offset: { type: "string" },
        format: { type: "string", default: "table" },
        explain: { type: "string" },
        unmerge: { type: "string" },
        count: { type: "boolean", default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const store = await openStore(dbOption(values.db), { mustExist: true });
    try {
      if (values.explain) return await explain(store, values.explain);
      if (values.unmerge) {
        const parts = await unmergeEvent(store, values.unmerge);
        if (!parts) throw new UsageError(`no merged event with id ${values.unmerge}`);
        process.stdout.write(`${values.unmerge} split into ${parts.length} event(s): ${parts.join(", ")}\n`);
        return EXIT_OK;
      }
      const filter = eventFilter(values);
      if (values.count) {
        process.stdout.write(`${await countEvents(store, filter)}\n`);
        return EXIT_OK;
      }
      const format = values.format;
      const out = (s: string) => {
        process.stdout.write(s);
      };
      if (format === "csv") {
        const rows = await queryEvents(store, filter);
        const sources = await eventSources(
          store,
          rows.map((r) => r.id),
        );
        out(`${CSV_COLUMNS.join(",")}\r\n`);
        for (const r of rows) out(`${csvRow(r, sources.get(r.id) ?? [])}\r\n`);
      } else if (format === "jsonl") {
        const rows = await queryEvents(store, filter);
        const sources = await eventSources(
          store,
          rows.map((r) => r.id),
        );
        for (const r of rows) out(`${JSON.stringify(ploverRecord(r, sources.get(r.id) ?? []))}\n`);
      } else if (format === "geojson") {
        const rows = await queryEvents(store, filter);
        const sources = await eventSources(
          store,
          rows.map((r) => r.id),
        );
        out(`${JSON.stringify({ type: "FeatureCollection", features: rows.map((r) => geoJsonFeature(r, sources.get(r.id) ?? [])) })}\n`);
      } else if (format === "table") {
        // One row more than the page says whether more match, without counting them all.
        const limit = filter.limit ?? 100;
        const fetched = await queryEvents(store, { ...filter, limit: limit + 1 });
        const more = fetched.length > limit;
        const rows = fetched.slice(0, limit);
        out(
          renderTable(
            ["id", "date", "type", "actor1", "actor2", "location", "killed", "src", "evidence"],
            rows.map((r) => [
              r.id,
              r.date ?? "",
              r.mode ? `${r.type}/${r.mode}` : r.type,
              r.actor1 ? `${r.actor1}${r.actor1_country ? ` (${r.actor1_country})` : ""}` : "",
              r.actor2 ? `${r.actor2}${r.actor2_country ? ` (${r.actor2_country})` : ""}` : "",
              r.location ? `${r.location}${r.country ? `, ${r.country}` : ""}` : (r.country ?? ""),
              range(r.killed_min, r.killed_max),
              r.source_count,
              r.evidence,
            ]),
            48,
          ),
        );
        out(`${rows.length} event(s)${more ? `; more match (--limit / --offset for more, --count for the number)` : ""}\n`);
      } else throw new UsageError(`--format must be table, csv, jsonl or geojson, not "${format}"`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};

/** The filter flags shared by `events` and `export`. */
export function eventFilter(values: Record<string, string | boolean | undefined>): EventFilter {
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const list = (k: string) =>
    str(k)
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const types = list("type")?.map((t) => t.toUpperCase());
  for (const t of types ?? [])
    if (!(PLOVER_TYPES as readonly string[]).includes(t))
      throw new UsageError(`--type ${t} is not a PLOVER type (${PLOVER_TYPES.join(", ")})`);
  const modalities = list("modality");
  for (const m of modalities ?? [])
    if (!(MODALITIES as readonly string[]).includes(m)) throw new UsageError(`--modality ${m} is not one of ${MODALITIES.join(", ")}`);
  const number = (k: string, min: number, max: number) => {
    const v = str(k);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${k} must be a number from ${min} to ${max}, not "${v}"`);
    return n;
  };
  const sort = str("sort");
  if (sort !== undefined && !(EVENT_SORTS as readonly string[]).includes(sort))
    throw new UsageError(`--sort must be one of ${EVENT_SORTS.join(", ")}`);
  if (values.historical && values["no-historical"]) throw new UsageError("give --historical or --no-historical, not both");
  const country = str("country");
  if (country !== undefined && !/^[A-Za-z]{3}$/.test(country))
    throw new UsageError(`--country must be an ISO 3166-1 alpha-3 code such as IRQ, not "${country}"`);
  const f: EventFilter = {
    ...(types ? { types } : {}),
    ...(str("actor") ? { actor: str("actor") } : {}),
    ...(country ? { country: country.toUpperCase() } : {}),
    ...(str("place") ? { place: str("place") } : {}),
    ...(checkDate("--from", str("from")) ? { from: str("from") } : {}),
    ...(checkDate("--to", str("to")) ? { to: str("to") } : {}),
    ...(modalities ? { modalities } : {}),
    ...(values.historical ? { historical: true } : values["no-historical"] ? { historical: false } : {}),
    ...(str("min-confidence") !== undefined ? { minConfidence: number("min-confidence", 0, 1) } : {}),
    ...(str("min-sources") !== undefined ? { minSources: number("min-sources", 1, 1e9) } : {}),
    ...(str("q") ? { q: str("q") } : {}),
    ...(str("doc") ? { docId: str("doc") } : {}),
    ...(sort ? { sort: sort as EventSort } : {}),
    ...(str("limit") !== undefined ? { limit: number("limit", 0, 1_000_000) } : {}),
    ...(str("offset") !== undefined ? { offset: number("offset", 0, 1e12) } : {}),
  };
  return f;
}

async function explain(store: Store, id: string): Promise<number> {
  const x = await explainEvent(store, id);
  if (!x) throw new UsageError(`no merged event with id ${id}`);
  const e = x.event;
  const lines = [
    `${e.id}: ${e.type}${e.mode ? `/${e.mode}` : ""} on ${e.date ?? "unknown date"} at ${e.location ?? e.country ?? "unknown place"}`,
    `${e.source_count} source(s), ${e.mention_count} mention(s), first reported ${e.first_report ?? "?"}, last ${e.last_report ?? "?"}`,
    `killed: ${range(e.killed_min, e.killed_max) || "-"}   injured: ${range(e.injured_min, e.injured_max) || "-"}`,
  ];
  const details = JSON.parse(e.details) as { killed?: { value: number; max: number | null; outlet: string | null; docId: string }[] };
  for (const k of details.killed ?? []) lines.push(`  killed ${range(k.value, k.max)} according to ${k.outlet ?? k.docId}`);
  if (x.splits > 0) lines.push(`${x.splits} pair(s) of these reports were split apart by a user and will not be merged`);
  lines.push("", "Members (features compared with the report each one matches best):");
  for (const m of x.members) {
    lines.push(`- ${m.eventId}  ${m.outlet ?? "?"}  ${m.published ?? "?"}  score ${m.score.toFixed(2)}`);
    lines.push(`    "${m.evidence.replace(/\s+/g, " ").slice(0, 200)}"`);
    const feats = Object.entries(m.features);
    if (feats.length === 0) lines.push("    (anchor: the earliest report; the id is derived from it)");
    for (const [name, f] of feats) lines.push(`    ${name.padEnd(9)} ${f.match.padEnd(8)} ${f.score.toFixed(2)}  ${f.detail}`);
  }
  lines.push("", `Undo with: sitrep events --unmerge ${e.id}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return EXIT_OK;
}
