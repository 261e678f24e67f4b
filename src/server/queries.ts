import { sql } from "kysely";
import { filteredEvents, type Database, type EventFilter, type Store } from "../store/index.js";

/**
 * Aggregations the UI needs that the store does not offer: counts by date and type for the
 * charts, and source->target pairs for the network, over the store's own event filter.
 */

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
  const rows = await (
    await filteredEvents(store, f)
  )
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
  const rows = await (
    await filteredEvents(store, f)
  )
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
  const rows = await (
    await filteredEvents(store, f)
  )
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
  const rows = await (
    await filteredEvents(store, f)
  )
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
