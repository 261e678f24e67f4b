import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { Feature } from "./merge.js";
import { postgresDocumentTsv, postgresEventTsv } from "./migrations.js";
import type { Store } from "./open.js";
import type { Database, MergedEventsTable } from "./schema.js";

/** Filters of `sitrep events` and of the API's /events. Every field is optional. */
export interface EventFilter {
  /** PLOVER types (any of). */
  readonly types?: readonly string[];
  /** An entity id, an ISO-3 country code (actor's country) or part of an actor's name. */
  readonly actor?: string;
  /** ISO-3 country where the event happened. */
  readonly country?: string;
  /** A place id or part of a place name. */
  readonly place?: string;
  /** Inclusive date range (YYYY-MM-DD, or a prefix such as 2024-01). */
  readonly from?: string;
  readonly to?: string;
  readonly modalities?: readonly string[];
  /** true: only historical (background) events; false: exclude them. */
  readonly historical?: boolean;
  readonly minConfidence?: number;
  readonly minSources?: number;
  /** Full-text search over the evidence sentences. */
  readonly q?: string;
  /** Only events reported by this document. */
  readonly docId?: string;
  readonly sort?: EventSort;
  readonly limit?: number;
  readonly offset?: number;
}

export type EventSort = "date" | "-date" | "sources" | "confidence" | "killed";
export const EVENT_SORTS: readonly EventSort[] = ["date", "-date", "sources", "confidence", "killed"];

export type MergedEventRow = MergedEventsTable;

export interface EventSource {
  readonly eventId: string;
  readonly docId: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly evidence: string;
  readonly score: number;
}

export interface EventDetails extends MergedEventRow {
  readonly sources: readonly EventSource[];
}

/** FTS5 query from user words: each word quoted (no operators), all required. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_'-]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 20)
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(" ");
}

function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Name filters ignore case on both backends: SQLite's LIKE does (for ASCII), PostgreSQL's needs ILIKE (issue 6). */
function like(store: Store): "like" | "ilike" {
  return store.dialect === "postgres" ? "ilike" : "like";
}

type MergedQuery = SelectQueryBuilder<Database, "merged_events", object>;

/** What a filter needs to know from the database before the query is built. */
interface FilterPlan {
  readonly actor?: { readonly code: string | null; readonly name: string; readonly entityIds: readonly string[]; readonly many: boolean };
  readonly place?: { readonly ids: readonly string[]; readonly many: boolean };
  /** The text search matches many events (SQLite). */
  readonly textMany?: boolean;
}

/** Above this many actor rows, the actor filter probes events in date order instead of collecting matches. */
const MANY_ACTOR_ROWS = 8000;
/** Above this many matching evidence sentences, text search probes events in date order. */
const MANY_TEXT_ROWS = 5000;

async function planFilter(store: Store, f: EventFilter): Promise<FilterPlan> {
  const place = f.place ? await planPlace(store, f.place) : undefined;
  const fts = f.q && store.dialect === "sqlite" ? ftsQuery(f.q) : null;
  let textMany = false;
  if (fts) {
    const r = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ${fts} LIMIT ${MANY_TEXT_ROWS + 1})`.execute(
      store.db,
    );
    textMany = Number(r.rows[0]?.n ?? 0) > MANY_TEXT_ROWS;
  }
  const base: FilterPlan = { ...(place ? { place } : {}), ...(textMany ? { textMany } : {}) };
  if (!f.actor) return base;
  const actor = f.actor;
  const code = /^[A-Z]{3}$/.test(actor) ? actor : null;
  let entityIds: string[] = [];
  if (!code)
    entityIds = (
      await store.db
        .selectFrom("entities")
        .select("id")
        .where((w) => w.or([w("id", "=", actor), w("name", like(store), likePattern(actor))]))
        .limit(500)
        .execute()
    ).map((r) => r.id);
  const count = async (
    w: (eb: ExpressionBuilder<Database, "merged_actors">) => ReturnType<ExpressionBuilder<Database, "merged_actors">["or"]>,
  ) =>
    Number(
      (
        await store.db
          .selectFrom((eb) =>
            eb
              .selectFrom("merged_actors")
              .select("merged_id")
              .where((x) => w(x))
              .limit(MANY_ACTOR_ROWS + 1)
              .as("m"),
          )
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const n = code
    ? await count((w) => w.or([w("merged_actors.country", "=", code), w("merged_actors.entity_id", "=", code)]))
    : entityIds.length > 0
      ? await count((w) => w.or([w("merged_actors.entity_id", "in", entityIds)]))
      : 0;
  return { ...base, actor: { code, name: actor, entityIds, many: n > MANY_ACTOR_ROWS } };
}

async function planPlace(store: Store, place: string): Promise<NonNullable<FilterPlan["place"]>> {
  const ids = (
    await store.db
      .selectFrom("places")
      .select("id")
      .where((w) => w.or([w("id", "=", place), w("name", like(store), likePattern(place))]))
      .orderBy("id")
      .limit(500)
      .execute()
  ).map((r) => r.id);
  if (ids.length <= 1) return { ids, many: false };
  const r = await store.db
    .selectFrom((eb) =>
      eb
        .selectFrom("merged_events")
        .select("id")
        .where("place_id", "in", ids)
        .limit(MANY_ACTOR_ROWS + 1)
        .as("m"),
    )
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return { ids, many: Number(r?.n ?? 0) > MANY_ACTOR_ROWS };
}

function applyFilter(store: Store, query: MergedQuery, f: EventFilter, plan: FilterPlan): MergedQuery {
  let qb = query;
  if (f.types && f.types.length > 0) qb = qb.where("merged_events.type", "in", [...f.types]);
  if (f.country) qb = qb.where("merged_events.country", "=", f.country.toUpperCase());
  if (f.from) qb = qb.where("merged_events.date", ">=", f.from);
  // "--to 2024-01" includes all of January: compare with the prefix's last possible value.
  if (f.to) qb = qb.where("merged_events.date", "<=", f.to.length < 10 ? `${f.to}\uffff` : `${f.to}\uffff`);
  if (f.modalities && f.modalities.length > 0) qb = qb.where("merged_events.modality", "in", [...f.modalities]);
  if (f.historical !== undefined) qb = qb.where("merged_events.historical", "=", f.historical ? 1 : 0);
  if (f.minConfidence !== undefined) qb = qb.where("merged_events.confidence", ">=", f.minConfidence);
  if (f.minSources !== undefined)
    // Unary plus: keeps SQLite from choosing the (source_count, date) index for a filter that
    // matches many rows; scanning by date stops at the page size instead.
    qb =
      f.sort === "sources"
        ? qb.where("merged_events.source_count", ">=", f.minSources)
        : qb.where(sql<number>`+merged_events.source_count`, ">=", f.minSources);
  if (f.place && plan.place) {
    // Names resolved through the (small) places table. One place: the (place_id, date) index
    // gives the order; several common ones: scan by date and test (unary plus), stopping early.
    const { ids, many } = plan.place;
    if (ids.length === 0) qb = qb.where(sql<boolean>`1 = 0`);
    else if (ids.length === 1) qb = qb.where("merged_events.place_id", "=", ids[0]);
    else qb = many ? qb.where(sql<string>`+merged_events.place_id`, "in", ids) : qb.where("merged_events.place_id", "in", ids);
  }
  if (f.actor && plan.actor) {
    const a = plan.actor;
    const match = (w: ExpressionBuilder<Database, "merged_actors">) =>
      a.code
        ? w.or([w("merged_actors.country", "=", a.code), w("merged_actors.entity_id", "=", a.code)])
        : w.or([
            ...(a.entityIds.length > 0 ? [w("merged_actors.entity_id", "in", a.entityIds)] : []),
            w.and([w("merged_actors.entity_id", "is", null), w("merged_actors.name", like(store), likePattern(a.name))]),
          ]);
    // Many matches: walk the events in date order and probe each (stops at the page size);
    // few matches: collect them through the actor indexes and sort those.
    qb = a.many
      ? qb.where(({ exists, selectFrom }) =>
          exists(
            selectFrom("merged_actors")
              .select("merged_actors.merged_id")
              .whereRef("merged_actors.merged_id", "=", "merged_events.id")
              .where((w) => match(w)),
          ),
        )
      : qb.where("merged_events.id", "in", (eb: ExpressionBuilder<Database, "merged_events">) =>
          eb
            .selectFrom("merged_actors")
            .select("merged_actors.merged_id")
            .where((w) => match(w)),
        );
  }
  if (f.docId) {
    const docId = f.docId;
    qb = qb.where("merged_events.id", "in", (eb: ExpressionBuilder<Database, "merged_events">) =>
      eb.selectFrom("event_links").select("event_links.merged_id").where("event_links.doc_id", "=", docId),
    );
  }
  if (f.q) qb = textSearch(store, qb, f.q, plan);
  return qb;
}

function textSearch(store: Store, qb: MergedQuery, q: string, plan: FilterPlan): MergedQuery {
  if (store.dialect === "sqlite") {
    const fts = ftsQuery(q);
    if (!fts) return qb;
    // Common words: walk the events in date order and test each one's evidence (an FTS5 rowid
    // look-up), stopping at the page size; rare words: collect the matches and sort those.
    if (plan.textMany)
      return qb.where(
        sql<boolean>`EXISTS (SELECT 1 FROM events e JOIN events_fts f ON f.rowid = sitrep_fts_rowid(e.id) WHERE e.merged_id = merged_events.id AND events_fts MATCH ${fts})`,
      );
    return qb.where(
      "merged_events.id",
      "in",
      sql<string>`(SELECT e.merged_id FROM events e WHERE e.id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ${fts}))`,
    );
  }
  // PostgreSQL (issue 6): its own full-text search over the GIN index of migration 0002.
  const words = postgresWords(q);
  if (!words) return qb;
  return qb.where(
    "merged_events.id",
    "in",
    sql<string>`(SELECT e.merged_id FROM events e WHERE ${sql.raw(postgresEventTsv("e"))} @@ plainto_tsquery('simple', ${words}) AND e.merged_id IS NOT NULL)`,
  );
}

/** The words of a search as one string for plainto_tsquery (all required, no operators), as ftsQuery does for FTS5. */
function postgresWords(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_'-]+/gu);
  return words && words.length > 0 ? words.slice(0, 20).join(" ") : null;
}

/** The merged events matching a filter, as a query to build on (the server's aggregations). */
export async function filteredEvents(store: Store, f: EventFilter = {}): Promise<MergedQuery> {
  return applyFilter(store, store.db.selectFrom("merged_events"), f, await planFilter(store, f));
}

/** The list's order; every sort ends with the id, so it is total and pages never overlap. */
function sortEvents<Q extends SelectQueryBuilder<Database, "merged_events", object>>(qb: Q, sort: EventSort): Q {
  const q = qb as SelectQueryBuilder<Database, "merged_events", object>;
  switch (sort) {
    case "date":
      return q.orderBy("merged_events.date", "asc").orderBy("merged_events.id", "asc") as Q;
    case "-date":
      return q.orderBy("merged_events.date", "desc").orderBy("merged_events.id", "desc") as Q;
    case "sources":
      return q.orderBy("merged_events.source_count", "desc").orderBy("merged_events.date", "desc").orderBy("merged_events.id", "asc") as Q;
    case "confidence":
      return q.orderBy("merged_events.confidence", "desc").orderBy("merged_events.id", "asc") as Q;
    case "killed":
      return q.orderBy("merged_events.killed_max", (ob) => ob.desc().nullsLast()).orderBy("merged_events.id", "asc") as Q;
  }
}

/** Above this page size, queryEvents reads the rows directly instead of through a deferred join. */
const DEFERRED_JOIN_MAX_ROWS = 1000;

/** Merged events matching the filter, sorted and paged (default: newest first, 100). */
export async function queryEvents(store: Store, f: EventFilter = {}): Promise<MergedEventRow[]> {
  const sort = f.sort ?? "-date";
  const limit = Math.max(0, Math.min(f.limit ?? 100, 1_000_000));
  const matches = sortEvents(applyFilter(store, store.db.selectFrom("merged_events"), f, await planFilter(store, f)), sort);
  // Large reads (the timeline's thousands of rows, in index order) use every row they read:
  // fetched directly, they skip the second sort of the deferred join below.
  if (limit > DEFERRED_JOIN_MAX_ROWS)
    return matches
      .selectAll("merged_events")
      .limit(limit)
      .offset(f.offset ?? 0)
      .execute();
  // Deferred join for pages: the page is chosen on ids alone (an index that holds the filter and
  // sort columns answers it without reading table rows, also for skipped offsets and for sorts
  // of many matches), then only the page's rows are read and put back in the same order.
  const page = matches
    .select("merged_events.id")
    .limit(limit)
    .offset(f.offset ?? 0);
  return sortEvents(store.db.selectFrom("merged_events").selectAll("merged_events").where("merged_events.id", "in", page), sort).execute();
}

/** How many merged events match (for paging). */
export async function countEvents(store: Store, f: EventFilter = {}): Promise<number> {
  // Counting visits every match: collecting them through the indexes beats probing in date order.
  const plan = await planFilter(store, f);
  const forCount: FilterPlan = { ...plan, textMany: false, ...(plan.actor ? { actor: { ...plan.actor, many: false } } : {}) };
  const r = await applyFilter(store, store.db.selectFrom("merged_events"), f, forCount)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Every matching merged event, in id order, in pages (exports). */
export async function* iterateEvents(store: Store, f: EventFilter = {}, pageSize = 2000): AsyncGenerator<MergedEventRow> {
  let after = "";
  const plan = await planFilter(store, f);
  for (;;) {
    const page = await applyFilter(store, store.db.selectFrom("merged_events"), f, plan)
      .selectAll("merged_events")
      .where("merged_events.id", ">", after)
      .orderBy("merged_events.id")
      .limit(pageSize)
      .execute();
    for (const r of page) yield r;
    if (page.length < pageSize) return;
    after = page[page.length - 1].id;
  }
}

/** The per-article reports behind merged events (documents, outlets, evidence). */
export async function eventSources(store: Store, mergedIds: readonly string[]): Promise<Map<string, EventSource[]>> {
  const out = new Map<string, EventSource[]>();
  for (let i = 0; i < mergedIds.length; i += 500) {
    const rows = await store.db
      .selectFrom("event_links")
      .innerJoin("events", "events.id", "event_links.event_id")
      .innerJoin("documents", "documents.id", "event_links.doc_id")
      .select([
        "event_links.merged_id",
        "event_links.event_id",
        "event_links.doc_id",
        "event_links.score",
        "documents.title",
        "documents.outlet",
        "documents.url",
        "documents.published",
        "events.evidence",
      ])
      .where("event_links.merged_id", "in", mergedIds.slice(i, i + 500))
      .orderBy("documents.published")
      .orderBy("event_links.event_id")
      .execute();
    for (const r of rows) {
      const list = out.get(r.merged_id) ?? [];
      list.push({
        eventId: r.event_id,
        docId: r.doc_id,
        title: r.title,
        outlet: r.outlet,
        url: r.url,
        published: r.published,
        evidence: r.evidence,
        score: Number(r.score),
      });
      out.set(r.merged_id, list);
    }
  }
  return out;
}

export async function getEvent(store: Store, id: string): Promise<EventDetails | null> {
  const row = await store.db.selectFrom("merged_events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const sources = (await eventSources(store, [id])).get(id) ?? [];
  return { ...row, sources };
}

export interface Explanation {
  readonly event: MergedEventRow;
  readonly members: readonly {
    readonly eventId: string;
    readonly docId: string;
    readonly outlet: string | null;
    readonly published: string | null;
    readonly type: string;
    readonly date: string | null;
    readonly place: string | null;
    readonly killed: number | null;
    readonly evidence: string;
    readonly score: number;
    readonly features: Readonly<Record<string, Feature>>;
  }[];
  /** Pairs a user split apart that touch this event's members. */
  readonly splits: number;
}

/** Why the merged event holds its members: each member's features against the anchor. */
export async function explainEvent(store: Store, id: string): Promise<Explanation | null> {
  const event = await store.db.selectFrom("merged_events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!event) return null;
  const rows = await store.db
    .selectFrom("event_links")
    .innerJoin("events", "events.id", "event_links.event_id")
    .innerJoin("documents", "documents.id", "event_links.doc_id")
    .select([
      "event_links.event_id",
      "event_links.doc_id",
      "event_links.score",
      "event_links.features",
      "documents.outlet",
      "documents.published",
      "events.type",
      "events.date",
      "events.place_name",
      "events.killed",
      "events.evidence",
    ])
    .where("event_links.merged_id", "=", id)
    .orderBy("event_links.score", "desc")
    .orderBy("documents.published")
    .execute();
  const ids = rows.map((r) => r.event_id);
  const splits =
    ids.length === 0
      ? 0
      : Number(
          (
            await store.db
              .selectFrom("merge_splits")
              .select((eb) => eb.fn.countAll().as("n"))
              .where("event_a", "in", ids)
              .executeTakeFirst()
          )?.n ?? 0,
        );
  return {
    event,
    members: rows.map((r) => ({
      eventId: r.event_id,
      docId: r.doc_id,
      outlet: r.outlet,
      published: r.published,
      type: r.type,
      date: r.date,
      place: r.place_name,
      killed: r.killed,
      evidence: r.evidence,
      score: Number(r.score),
      features: JSON.parse(r.features) as Record<string, Feature>,
    })),
    splits,
  };
}

export interface ActorRow {
  readonly key: string;
  readonly entityId: string | null;
  readonly name: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly events: number;
  readonly asSource: number;
  readonly asTarget: number;
}

export interface ActorFilter {
  readonly country?: string;
  readonly q?: string;
  readonly limit?: number;
}

/** Actors by the number of merged events they take part in. */
export async function queryActors(store: Store, f: ActorFilter = {}): Promise<ActorRow[]> {
  let qb = store.db
    .selectFrom("merged_actors")
    .select((eb) => [
      sql<string>`coalesce(merged_actors.entity_id, lower(merged_actors.name))`.as("key"),
      eb.fn.max("merged_actors.entity_id").as("entity_id"),
      eb.fn.min("merged_actors.name").as("name"),
      eb.fn.max("merged_actors.country").as("country"),
      eb.fn.max("merged_actors.sector").as("sector"),
      sql<number>`count(distinct merged_actors.merged_id)`.as("events"),
      sql<number>`sum(case when merged_actors.role = 'source' then 1 else 0 end)`.as("as_source"),
      sql<number>`sum(case when merged_actors.role = 'target' then 1 else 0 end)`.as("as_target"),
    ])
    .groupBy(sql`coalesce(merged_actors.entity_id, lower(merged_actors.name))`);
  if (f.country) qb = qb.where("merged_actors.country", "=", f.country.toUpperCase());
  if (f.q) qb = qb.where("merged_actors.name", like(store), likePattern(f.q));
  const rows = await qb
    .orderBy(sql`count(distinct merged_actors.merged_id)`, "desc")
    .orderBy(sql`coalesce(merged_actors.entity_id, lower(merged_actors.name))`)
    .limit(f.limit ?? 100)
    .execute();
  const ids = rows.map((r) => r.entity_id).filter((x): x is string => !!x);
  const names = new Map<string, string>();
  if (ids.length > 0)
    for (const e of await store.db.selectFrom("entities").select(["id", "name"]).where("id", "in", ids).execute()) names.set(e.id, e.name);
  return rows.map((r) => ({
    key: r.key,
    entityId: r.entity_id ?? null,
    name: (r.entity_id && names.get(r.entity_id)) || r.name || r.key,
    country: r.country ?? null,
    sector: r.sector ?? null,
    events: Number(r.events),
    asSource: Number(r.as_source),
    asTarget: Number(r.as_target),
  }));
}

export interface DocumentFilter {
  readonly q?: string;
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface DocumentRow {
  readonly id: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly origin: string;
  readonly length: number;
  readonly events: number;
}

export async function queryDocuments(store: Store, f: DocumentFilter = {}): Promise<DocumentRow[]> {
  let qb = store.db
    .selectFrom("documents")
    .leftJoin("extractions", "extractions.doc_id", "documents.id")
    .select([
      "documents.id",
      "documents.published",
      "documents.outlet",
      "documents.title",
      "documents.url",
      "documents.origin",
      "documents.length",
      "extractions.event_count",
    ]);
  if (f.outlet) qb = qb.where("documents.outlet", like(store), likePattern(f.outlet));
  if (f.from) qb = qb.where("documents.published", ">=", f.from);
  if (f.to) qb = qb.where("documents.published", "<=", `${f.to}\uffff`);
  if (f.q) {
    if (store.dialect === "sqlite") {
      const fts = ftsQuery(f.q);
      if (fts) qb = qb.where("documents.id", "in", sql<string>`(SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ${fts})`);
    } else {
      // PostgreSQL (issue 6): full-text search over the GIN index of migration 0002.
      const words = postgresWords(f.q);
      if (words) qb = qb.where(sql<boolean>`${sql.raw(postgresDocumentTsv("documents"))} @@ plainto_tsquery('simple', ${words})`);
    }
  }
  const rows = await qb
    .orderBy("documents.published", "desc")
    .orderBy("documents.id")
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
  return rows.map((r) => ({ ...r, events: Number(r.event_count ?? 0) }));
}

export interface StoredDocument {
  readonly id: string;
  readonly hash: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly publishedSource: string;
  readonly origin: string;
  readonly text: string;
  readonly pipeline: readonly string[];
  /** The stored extraction layers (sentences, mentions, entities, places, times, quantities, anomalies, notes). */
  readonly layers: Record<string, unknown>;
  /** The per-article events with the merged event each belongs to. */
  readonly events: readonly (Record<string, unknown> & { readonly mergedId: string | null })[];
}

export async function getDocument(store: Store, id: string): Promise<StoredDocument | null> {
  const d = await store.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
  if (!d) return null;
  const x = await store.db.selectFrom("extractions").selectAll().where("doc_id", "=", id).executeTakeFirst();
  const events = await store.db.selectFrom("events").select(["data", "merged_id"]).where("doc_id", "=", id).orderBy("id").execute();
  return {
    id: d.id,
    hash: d.hash,
    url: d.url,
    title: d.title,
    outlet: d.outlet,
    published: d.published,
    publishedSource: d.published_source,
    origin: d.origin,
    text: d.text,
    pipeline: x ? (JSON.parse(x.pipeline) as string[]) : [],
    layers: x ? (JSON.parse(x.layers) as Record<string, unknown>) : {},
    events: events.map((e) => ({ ...(JSON.parse(e.data) as Record<string, unknown>), mergedId: e.merged_id })),
  };
}

export interface SeriesFilter {
  readonly role: string;
  /** ISO-3 code of an actor named with the number. */
  readonly actor?: string;
  /** ISO-3 code of the place the number is about. */
  readonly country?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

export interface SeriesPoint {
  readonly date: string | null;
  readonly value: number;
  readonly max: number | null;
  readonly from: number | null;
  readonly qualifier: string;
  readonly text: string;
  readonly country: string | null;
  readonly actors: readonly string[];
  readonly docId: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly evidence: string;
}

/** A quantity over time (troops, displaced, ...), each point with its source. */
export async function querySeries(store: Store, f: SeriesFilter): Promise<SeriesPoint[]> {
  let qb = store.db
    .selectFrom("quantities")
    .innerJoin("documents", "documents.id", "quantities.doc_id")
    .select([
      "quantities.date",
      "quantities.value",
      "quantities.max",
      "quantities.from_value",
      "quantities.qualifier",
      "quantities.text",
      "quantities.country",
      "quantities.actors",
      "quantities.doc_id",
      "quantities.evidence",
      "documents.outlet",
      "documents.published",
    ])
    .where("quantities.role", "=", f.role);
  if (f.actor) qb = qb.where("quantities.actors", "like", likePattern(`,${f.actor.toUpperCase()},`));
  if (f.country) qb = qb.where("quantities.country", "=", f.country.toUpperCase());
  if (f.from) qb = qb.where("quantities.date", ">=", f.from);
  if (f.to) qb = qb.where("quantities.date", "<=", `${f.to}\uffff`);
  const rows = await qb
    .orderBy("quantities.date")
    .orderBy("documents.published")
    .orderBy("quantities.id")
    .limit(f.limit ?? 1000)
    .execute();
  return rows.map((r) => ({
    date: r.date,
    value: Number(r.value),
    max: r.max === null ? null : Number(r.max),
    from: r.from_value === null ? null : Number(r.from_value),
    qualifier: r.qualifier,
    text: r.text,
    country: r.country,
    actors: r.actors.split(",").filter(Boolean),
    docId: r.doc_id,
    outlet: r.outlet,
    published: r.published,
    evidence: r.evidence,
  }));
}

export interface StoreStats {
  readonly documents: number;
  readonly events: number;
  readonly mergedEvents: number;
  readonly multiSource: number;
}

export async function storeStats(store: Store): Promise<StoreStats> {
  const n = async (table: "documents" | "events" | "merged_events") =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const multi = await store.db
    .selectFrom("merged_events")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("source_count", ">", 1)
    .executeTakeFirst();
  return {
    documents: await n("documents"),
    events: await n("events"),
    mergedEvents: await n("merged_events"),
    multiSource: Number(multi?.n ?? 0),
  };
}
