import { createHash, randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Event, Mention, Place, Quantity, Sentence, TimeExpression } from "../model/annotations.js";
import type { Extraction } from "../model/extraction.js";
import { addDays, dateInterval } from "./merge.js";
import { ftsRowid } from "./fts.js";
import type { Store } from "./open.js";
import type { Database } from "./schema.js";

/** SHA-256 of the text: the same content is stored once whatever its origin. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC")).digest("hex");
}
export function documentId(hash: string): string {
  return hash.slice(0, 16);
}

export interface RunInfo {
  readonly sitrepVersion: string;
  readonly pipeline: readonly string[];
  readonly config: Readonly<Record<string, unknown>>;
}

export async function beginRun(store: Store, info: RunInfo): Promise<string> {
  const id = `run_${new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, "")
    .slice(0, 14)}_${randomUUID().slice(0, 8)}`;
  await store.db
    .insertInto("runs")
    .values({
      id,
      started_at: new Date().toISOString(),
      finished_at: null,
      sitrep_version: info.sitrepVersion,
      pipeline: JSON.stringify(info.pipeline),
      config: JSON.stringify(info.config),
      documents_added: 0,
      documents_failed: 0,
    })
    .execute();
  return id;
}

export async function finishRun(store: Store, runId: string, added: number, failed: number): Promise<void> {
  await store.db
    .updateTable("runs")
    .set({ finished_at: new Date().toISOString(), documents_added: added, documents_failed: failed })
    .where("id", "=", runId)
    .execute();
}

export interface StoredDocumentRef {
  readonly id: string;
  readonly pipeline: string | null;
}

/** The stored document with this content hash (and the pipeline that extracted it), if any. */
export async function findByHash(store: Store, hash: string): Promise<StoredDocumentRef | null> {
  const row = await store.db
    .selectFrom("documents")
    .leftJoin("extractions", "extractions.doc_id", "documents.id")
    .select(["documents.id as id", "extractions.pipeline as pipeline"])
    .where("documents.hash", "=", hash)
    .executeTakeFirst();
  return row ? { id: row.id, pipeline: row.pipeline ?? null } : null;
}

export interface NewDocument {
  readonly hash: string;
  readonly text: string;
  readonly url?: string | null;
  readonly title?: string | null;
  readonly outlet?: string | null;
  readonly origin: string;
  readonly extraction: Extraction;
}

export type WriteResult = "added" | "replaced";

/**
 * Stores one document with all its layers and per-article events in ONE transaction: a killed
 * process leaves either the whole document or nothing. With `replace`, an existing document of
 * the same hash has its extraction replaced (its events leave their merged events, which are
 * re-merged by the next `remerge`).
 */
export async function writeDocument(store: Store, runId: string, doc: NewDocument, replace = false): Promise<WriteResult> {
  const id = documentId(doc.hash);
  return store.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("documents").select("id").where("id", "=", id).executeTakeFirst();
    if (existing) {
      if (!replace) return "added" as const;
      await deleteDocumentLayers(store, trx, id);
      await trx
        .updateTable("documents")
        .set({
          published: doc.extraction.document.published.value,
          published_source: doc.extraction.document.published.source,
          run_id: runId,
        })
        .where("id", "=", id)
        .execute();
    } else {
      await trx
        .insertInto("documents")
        .values({
          id,
          hash: doc.hash,
          url: doc.url ?? null,
          title: doc.title ?? null,
          outlet: doc.outlet ?? null,
          published: doc.extraction.document.published.value,
          published_source: doc.extraction.document.published.source,
          origin: doc.origin,
          text: doc.text,
          length: doc.text.length,
          ingested_at: new Date().toISOString(),
          run_id: runId,
        })
        .execute();
      if (store.dialect === "sqlite")
        await sql`INSERT INTO documents_fts (doc_id, title, text) VALUES (${id}, ${doc.title ?? ""}, ${doc.text})`.execute(trx);
    }
    await writeLayers(store, trx, id, runId, doc);
    return existing ? ("replaced" as const) : ("added" as const);
  });
}

async function deleteDocumentLayers(store: Store, trx: Transaction<Database>, docId: string): Promise<void> {
  const events = await trx.selectFrom("events").select(["id", "merged_id"]).where("doc_id", "=", docId).execute();
  const merged = [...new Set(events.map((e) => e.merged_id).filter((m): m is string => !!m))];
  if (merged.length > 0) await dissolveMerged(trx, merged);
  if (events.length > 0) {
    const ids = events.map((e) => e.id);
    if (store.dialect === "sqlite")
      for (const rows of chunked(ids, 500))
        await sql`DELETE FROM events_fts WHERE rowid IN (${sql.join(rows.map((id) => ftsRowid(id)))})`.execute(trx);
    await trx.deleteFrom("event_links").where("event_id", "in", ids).execute();
    await trx.deleteFrom("event_actors").where("event_id", "in", ids).execute();
    await trx.deleteFrom("events").where("id", "in", ids).execute();
  }
  await trx.deleteFrom("quantities").where("doc_id", "=", docId).execute();
  await trx.deleteFrom("extractions").where("doc_id", "=", docId).execute();
}

/** Removes merged events and returns their members to the unmerged pool (merged_id NULL). */
export async function dissolveMerged(trx: Transaction<Database>, mergedIds: readonly string[]): Promise<void> {
  for (let i = 0; i < mergedIds.length; i += 500) {
    const chunk = mergedIds.slice(i, i + 500);
    await trx.updateTable("events").set({ merged_id: null }).where("merged_id", "in", chunk).execute();
    await trx.deleteFrom("event_links").where("merged_id", "in", chunk).execute();
    await trx.deleteFrom("merged_actors").where("merged_id", "in", chunk).execute();
    await trx.deleteFrom("merged_events").where("id", "in", chunk).execute();
  }
}

function eventDateWindow(e: Event, published: string | null): { start: string | null; end: string | null } {
  const iv = e.date ? dateInterval(e.date.value, e.date.precision) : null;
  if (iv) return iv;
  if (published) return { start: addDays(published, -2), end: published };
  return { start: null, end: null };
}

function chunked<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Multi-row inserts (a few statements per document instead of one per row). */
async function writeLayers(store: Store, trx: Transaction<Database>, docId: string, runId: string, doc: NewDocument): Promise<void> {
  const x = doc.extraction;
  const published = x.document.published.value;
  await trx
    .insertInto("extractions")
    .values({
      doc_id: docId,
      run_id: runId,
      pipeline: JSON.stringify(x.pipeline),
      layers: JSON.stringify({
        sitrep: x.sitrep,
        sentences: x.sentences,
        mentions: x.mentions,
        entities: x.entities,
        places: x.places,
        times: x.times,
        quantities: x.quantities,
        anomalies: x.anomalies,
        notes: x.notes,
      }),
      event_count: x.events.length,
    })
    .execute();

  // Entities and places, including those only events refer to (`events --actor NAME` and
  // `--place NAME` look names up in these tables).
  const entities = new Map<string, Database["entities"]>();
  for (const en of x.entities)
    entities.set(en.id, { id: en.id, name: en.name, kind: en.kind, country: en.country, sector: en.sector, wikidata: en.wikidata ?? null });
  for (const a of x.events.flatMap((e) => [...e.sources, ...e.targets]))
    if (a.entityId && !entities.has(a.entityId))
      entities.set(a.entityId, { id: a.entityId, name: a.name, kind: "unknown", country: a.country, sector: a.sector, wikidata: null });
  for (const rows of chunked([...entities.values()], 500))
    await trx
      .insertInto("entities")
      .values(rows)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  const places = new Map<string, Database["places"]>();
  for (const p of [...x.places, ...x.events.map((e) => e.place).filter((p): p is NonNullable<typeof p> => !!p)])
    if (!places.has(p.id)) places.set(p.id, { id: p.id, name: p.name, country: p.country, lat: p.lat, lon: p.lon, precision: p.precision });
  for (const rows of chunked([...places.values()], 500))
    await trx
      .insertInto("places")
      .values(rows)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();

  const eventRows: Database["events"][] = [];
  const actorRows: Database["event_actors"][] = [];
  for (const e of x.events) {
    const eid = `${docId}:${e.id}`;
    const w = eventDateWindow(e, published);
    eventRows.push({
      id: eid,
      doc_id: docId,
      local_id: e.id,
      type: e.type,
      mode: e.mode,
      cameo: e.cameo,
      acled: e.acled,
      date: e.date?.value ?? null,
      date_precision: e.date?.precision ?? null,
      date_basis: e.date?.basis ?? null,
      date_start: w.start,
      date_end: w.end,
      place_id: e.place?.id ?? null,
      place_name: e.place?.name ?? null,
      country: e.place?.country ?? null,
      lat: e.place?.lat ?? null,
      lon: e.place?.lon ?? null,
      geo_precision: e.place?.precision ?? null,
      killed: e.killed?.value ?? null,
      killed_max: e.killed?.max ?? null,
      injured: e.injured?.value ?? null,
      injured_max: e.injured?.max ?? null,
      modality: e.modality,
      historical: e.historical ? 1 : 0,
      confidence: e.confidence,
      evidence: e.evidence.text,
      published,
      data: JSON.stringify(e),
      merged_id: null,
    });
    e.sources.forEach((a, i) =>
      actorRows.push({
        event_id: eid,
        role: "source",
        position: i,
        entity_id: a.entityId,
        name: a.name,
        country: a.country,
        sector: a.sector,
      }),
    );
    e.targets.forEach((a, i) =>
      actorRows.push({
        event_id: eid,
        role: "target",
        position: i,
        entity_id: a.entityId,
        name: a.name,
        country: a.country,
        sector: a.sector,
      }),
    );
  }
  for (const rows of chunked(eventRows, 200)) await trx.insertInto("events").values(rows).execute();
  for (const rows of chunked(actorRows, 500)) await trx.insertInto("event_actors").values(rows).execute();
  if (store.dialect === "sqlite")
    for (const rows of chunked(eventRows, 500))
      await sql`INSERT INTO events_fts (rowid, event_id, evidence) VALUES ${sql.join(rows.map((r) => sql`(${ftsRowid(r.id)}, ${r.id}, ${r.evidence})`))}`.execute(
        trx,
      );
  const qrows = quantityRows(docId, doc.text, x, published);
  for (const rows of chunked(qrows, 200)) await trx.insertInto("quantities").values(rows).execute();
}

/**
 * Quantities with their context: the country of the nearest place in the sentence (where),
 * the countries of the other actors named in it (who), and the nearest dated time (when;
 * otherwise the publication date).
 */
export function quantityRows(docId: string, text: string, x: Extraction, published: string | null) {
  const sentenceOf = (q: { start: number }): Sentence | undefined => x.sentences.find((s) => q.start >= s.start && q.start < s.end);
  const entityCountry = new Map(x.entities.map((e) => [e.id, e.country]));
  const dist = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
  return x.quantities
    .filter((q: Quantity) => q.role !== "other")
    .map((q) => {
      const s = sentenceOf(q) ?? { start: Math.max(0, q.start - 200), end: Math.min(text.length, q.end + 200), index: -1 };
      const inS = <T extends { start: number; end: number }>(a: T) => a.start >= s.start && a.end <= s.end;
      // "By January 2021, the force had been reduced to 2,500": when the sentence names no place
      // (or no actor), the previous two sentences of the same paragraph give the context.
      const context = { start: s.start, end: s.end };
      for (let back = 1; back <= 2 && s.index - back >= 0; back++) {
        const prev = x.sentences[s.index - back];
        if (!prev || text.slice(prev.end, context.start).includes("\n\n")) break;
        context.start = prev.start;
      }
      const inContext = <T extends { start: number; end: number }>(a: T) => a.start >= context.start && a.end <= s.end;
      const placeIn = (within: (a: Place) => boolean) =>
        x.places
          .filter(within)
          .filter((p: Place) => p.country)
          .sort((a, b) => dist(a, q) - dist(b, q) || a.start - b.start)[0];
      const place = placeIn(inS) ?? placeIn(inContext);
      const actorCountries = (within: (a: Mention) => boolean) => {
        const out = new Set<string>();
        for (const m of x.mentions.filter(within).filter((m) => !place || m.end <= place.start || m.start >= place.end)) {
          const c = m.country ?? (m.entityId ? entityCountry.get(m.entityId) : null);
          if (c) out.add(c);
        }
        return out;
      };
      let countries = actorCountries(inS);
      if (countries.size === 0) countries = actorCountries(inContext);
      const time = x.times
        .filter(inS)
        .filter((t: TimeExpression) => t.type === "date" && /^\d{4}/.test(t.value))
        .sort((a, b) => dist(a, q) - dist(b, q))[0];
      return {
        doc_id: docId,
        role: q.role,
        value: q.value,
        max: q.max ?? null,
        from_value: q.from ?? null,
        qualifier: q.qualifier,
        unit: q.unit ?? null,
        text: q.text,
        date: time?.value ?? published,
        country: place?.country ?? null,
        actors: `,${[...countries].sort().join(",")},`,
        evidence: text.slice(s.start, s.end).trim().slice(0, 600),
      };
    });
}
