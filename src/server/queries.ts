import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { Database, EventFilter, Store } from "../store/index.js";

/**
 * Aggregations the UI needs that the store does not offer (yet): counts by date and type
 * for the charts, and source->target pairs for the network. They read merged_events with
 * the same filter semantics as the store's queryEvents (see applyFilter in
 * src/store/query.ts, which is not exported; if the store exports it, this copy should go).
 */

type MergedQuery = SelectQueryBuilder<Database, "merged_events", object>;

function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_'-]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 20)
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(" ");
}

export function applyEventFilter(store: Store, query: MergedQuery, f: EventFilter): MergedQuery {
  let qb = query;
  if (f.types && f.types.length > 0) qb = qb.where("merged_events.type", "in", [...f.types]);
  if (f.country) qb = qb.where("merged_events.country", "=", f.country.toUpperCase());
  if (f.from) qb = qb.where("merged_events.date", ">=", f.from);
  if (f.to) qb = qb.where("merged_events.date", "<=", `${f.to}\uffff`);
  if (f.modalities && f.modalities.length > 0) qb = qb.where("merged_events.modality", "in", [...f.modalities]);
  if (f.historical !== undefined) qb = qb.where("merged_events.historical", "=", f.historical ? 1 : 0);
  if (f.minConfidence !== undefined) qb = qb.where("merged_events.confidence", ">=", f.minConfidence);
  if (f.minSources !== undefined) qb = qb.where("merged_events.source_count", ">=", f.minSources);
  if (f.place) {
    const place = f.place;
    qb = qb.where((eb) => eb.or([eb("merged_events.place_id", "=", place), eb("merged_events.location", "like", likePattern(place))]));
  }
  if (f.actor) {
    // As the store does: an ISO-3 code matches the actor's country or id; anything else matches
    // entity ids, dictionary names (through the small entities table) and unresolved names.
    const actor = f.actor;
    const isCode = /^[A-Z]{3}$/.test(actor);
    qb = qb.where("merged_events.id", "in", (eb: ExpressionBuilder<Database, "merged_events">) => {
      const sub = eb.selectFrom("merged_actors").select("merged_actors.merged_id");
      return isCode
        ? sub.where((w) => w.or([w("merged_actors.country", "=", actor), w("merged_actors.entity_id", "=", actor)]))
        : sub.where((w) =>
            w.or([
              w(
                "merged_actors.entity_id",
                "in",
                w
                  .selectFrom("entities")
                  .select("entities.id")
                  .where((x) => x.or([x("entities.id", "=", actor), x("entities.name", "like", likePattern(actor))])),
              ),
              w("merged_actors.entity_id", "=", actor),
              w.and([w("merged_actors.entity_id", "is", null), w("merged_actors.name", "like", likePattern(actor))]),
            ]),
          );
    });
  }
  if (f.docId) {
    const docId = f.docId;
    qb = qb.where("merged_events.id", "in", (eb: ExpressionBuilder<Database, "merged_events">) =>
      eb.selectFrom("event_links").select("event_links.merged_id").where("event_links.doc_id", "=", docId),
    );
  }
  if (f.q) {
    if (store.dialect === "sqlite") {
      const fts = ftsQuery(f.q);
      if (fts)
        qb = qb.where(
          "merged_events.id",
          "in",
          sql<string>`(SELECT e.merged_id FROM events e WHERE e.id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ${fts}))`,
        );
    } else {
      const pattern = likePattern(f.q);
      qb = qb.where("merged_events.id", "in", (eb: ExpressionBuilder<Database, "merged_events">) =>
        eb
          .selectFrom("events")
          .select("events.merged_id")
          .where("events.evidence", "ilike", pattern)
          .where("events.merged_id", "is not", null),
      ) as MergedQuery;
    }
  }
  return qb;
}

export interface DateTypeCount {
  readonly date: string | null;
  readonly precision: string | null;
  readonly type: string;
  readonly events: number;
  readonly killedMin: number;
  readonly killedMax: number;
}

/** The precision a date value's form states (the column is not in the (type, date) index; the form says nearly as much). */
export function precisionOfValue(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return "day";
  if (/^\d{4}-W\d{2}$/.test(value)) return "week";
  if (/^\d{4}-\d{2}$/.test(value)) return "month";
  if (/^\d{4}-Q[1-4]$/.test(value)) return "quarter";
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return "season";
  if (/^\d{4}$/.test(value)) return "year";
  return null;
}

/**
 * Events grouped by (type, date): a scan of the (type, date) index alone, small even for
 * millions of events; the route buckets the groups by week or month.
 */
export async function countByDateAndType(store: Store, f: EventFilter): Promise<DateTypeCount[]> {
  const rows = await applyEventFilter(store, store.db.selectFrom("merged_events"), f)
    .select((eb) => ["merged_events.type", "merged_events.date", eb.fn.countAll().as("n")])
    .where("merged_events.date", "is not", null)
    .groupBy(["merged_events.type", "merged_events.date"])
    .execute();
  return rows.map((r) => ({
    date: r.date,
    precision: r.date ? precisionOfValue(r.date) : null,
    type: r.type,
    events: Number(r.n),
    killedMin: 0,
    killedMax: 0,
  }));
}

/** Reported deaths grouped by date (events with a figure only). */
export async function killedByDate(store: Store, f: EventFilter): Promise<DateTypeCount[]> {
  const rows = await applyEventFilter(store, store.db.selectFrom("merged_events"), f)
    .select((eb) => [
      "merged_events.date",
      eb.fn.countAll().as("n"),
      sql<number>`sum(merged_events.killed_min)`.as("kmin"),
      sql<number>`sum(coalesce(merged_events.killed_max, merged_events.killed_min))`.as("kmax"),
    ])
    .where("merged_events.date", "is not", null)
    .where("merged_events.killed_min", "is not", null)
    .groupBy("merged_events.date")
    .execute();
  return rows.map((r) => ({
    date: r.date,
    precision: r.date ? precisionOfValue(r.date) : null,
    type: "killed",
    events: Number(r.n),
    killedMin: Number(r.kmin ?? 0),
    killedMax: Number(r.kmax ?? 0),
  }));
}

export interface Pair {
  readonly source: { readonly id: string | null; readonly name: string; readonly country: string | null };
  readonly target: { readonly id: string | null; readonly name: string; readonly country: string | null };
  readonly type: string;
  readonly events: number;
}

/** Source -> target pairs (the merged events' main actors) with event counts by type. */
export async function actorPairs(store: Store, f: EventFilter, limit = 5000): Promise<Pair[]> {
  const rows = await applyEventFilter(store, store.db.selectFrom("merged_events"), f)
    .select((eb) => [
      "merged_events.actor1",
      "merged_events.actor1_id",
      "merged_events.actor1_country",
      "merged_events.actor2",
      "merged_events.actor2_id",
      "merged_events.actor2_country",
      "merged_events.type",
      eb.fn.countAll().as("n"),
    ])
    .where("merged_events.actor1", "is not", null)
    .where("merged_events.actor2", "is not", null)
    .groupBy([
      "merged_events.actor1",
      "merged_events.actor1_id",
      "merged_events.actor1_country",
      "merged_events.actor2",
      "merged_events.actor2_id",
      "merged_events.actor2_country",
      "merged_events.type",
    ])
    .orderBy(sql`count(*)`, "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    source: { id: r.actor1_id, name: r.actor1 as string, country: r.actor1_country },
    target: { id: r.actor2_id, name: r.actor2 as string, country: r.actor2_country },
    type: r.type,
    events: Number(r.n),
  }));
}

export interface PlaceCount {
  readonly id: string;
  readonly name: string | null;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: string | null;
  readonly events: number;
}

/** Places of the matching merged events, by number of events. */
export async function placesWithEvents(store: Store, f: EventFilter, limit: number): Promise<PlaceCount[]> {
  const rows = await applyEventFilter(store, store.db.selectFrom("merged_events"), f)
    .select((eb) => [
      "merged_events.place_id",
      eb.fn.max("merged_events.location").as("name"),
      eb.fn.max("merged_events.country").as("country"),
      eb.fn.max("merged_events.lat").as("lat"),
      eb.fn.max("merged_events.lon").as("lon"),
      eb.fn.max("merged_events.geo_precision").as("precision"),
      eb.fn.countAll().as("n"),
    ])
    .where("merged_events.place_id", "is not", null)
    .groupBy("merged_events.place_id")
    .orderBy(sql`count(*)`, "desc")
    .orderBy("merged_events.place_id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.place_id as string,
    name: r.name ?? null,
    country: r.country ?? null,
    lat: r.lat === null || r.lat === undefined ? null : Number(r.lat),
    lon: r.lon === null || r.lon === undefined ? null : Number(r.lon),
    precision: r.precision ?? null,
    events: Number(r.n),
  }));
}

/** The per-article events of one merged event, with the full extracted record. */
export async function memberEvents(store: Store, mergedId: string) {
  return store.db
    .selectFrom("events")
    .select(["events.id", "events.local_id", "events.doc_id", "events.data"])
    .where("events.merged_id", "=", mergedId)
    .execute();
}
