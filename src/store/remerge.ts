import { sql, type Transaction } from "kysely";
import { addDays, clusterEvents, summarizeCluster, type Cluster, type MergeActor, type MergeCandidate } from "./merge.js";
import type { Store } from "./open.js";
import type { Database } from "./schema.js";
import { dissolveMerged } from "./write.js";

const CHUNK = 500;
/** PostgreSQL advisory lock key of the merge step (issue 6): any constant unique to Sitrep. */
export const MERGE_LOCK_KEY = 0x53_72_65_70; // "Srep" in ASCII

function chunks<T>(items: readonly T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

export interface RemergeResult {
  /** Per-article events that were (re)clustered. */
  readonly events: number;
  /** Merged events written. */
  readonly merged: number;
}

/**
 * Merges the events that are not merged yet (new documents, re-extractions, undone merges),
 * re-clustering together with every stored event of the same type near their dates (and the
 * whole merged events those belong to). One transaction: a killed run leaves the previous
 * merge in place and the next run finishes the work. `all` re-clusters everything.
 */
export async function remerge(store: Store, options: { all?: boolean } = {}): Promise<RemergeResult> {
  return store.db.transaction().execute(async (trx) => {
    // issue 6: on PostgreSQL, merge passes from several workers (or a CLI ingest next to them)
    // run one at a time; the lock is released when this transaction ends, even if the process dies.
    if (store.dialect === "postgres") await sql`SELECT pg_advisory_xact_lock(${MERGE_LOCK_KEY})`.execute(trx);
    if (options.all) {
      const ids = (await trx.selectFrom("merged_events").select("id").execute()).map((r) => r.id);
      await dissolveMerged(trx, ids);
    }
    const pending = await trx
      .selectFrom("events")
      .select((eb) => ["type", eb.fn.min("date_start").as("lo"), eb.fn.max("date_end").as("hi"), eb.fn.countAll().as("n")])
      .where("merged_id", "is", null)
      .groupBy("type")
      .execute();
    let eventCount = 0;
    let mergedCount = 0;
    for (const p of pending) {
      const ids = new Set<string>();
      // Undated pending events: no window, each stands alone (still loaded to be written).
      const undated = await trx
        .selectFrom("events")
        .select("id")
        .where("type", "=", p.type)
        .where("merged_id", "is", null)
        .where("date_start", "is", null)
        .execute();
      for (const r of undated) ids.add(r.id);
      if (p.lo && p.hi) {
        const lo = addDays(String(p.lo), -5);
        const hi = addDays(String(p.hi), 5);
        const near = await trx
          .selectFrom("events")
          .select(["id", "merged_id"])
          .where("type", "=", p.type)
          .where("date_start", "<=", hi)
          .where("date_end", ">=", lo)
          .execute();
        const mergedIds = new Set<string>();
        for (const r of near) {
          ids.add(r.id);
          if (r.merged_id) mergedIds.add(r.merged_id);
        }
        for (const c of chunks([...mergedIds])) {
          const members = await trx.selectFrom("events").select("id").where("merged_id", "in", c).execute();
          for (const m of members) ids.add(m.id);
        }
        await dissolveMerged(trx, [...mergedIds]);
      }
      const candidates = await loadCandidates(trx, [...ids]);
      const splits = await loadSplits(trx, [...ids]);
      const clusters = clusterEvents(candidates, (a, b) => splits.has(a < b ? `${a}|${b}` : `${b}|${a}`));
      await writeClusters(trx, clusters);
      eventCount += candidates.length;
      mergedCount += clusters.length;
    }
    return { events: eventCount, merged: mergedCount };
  });
}

export async function loadCandidates(trx: Transaction<Database>, ids: readonly string[]): Promise<MergeCandidate[]> {
  const out: MergeCandidate[] = [];
  for (const c of chunks(ids)) {
    const rows = await trx
      .selectFrom("events")
      .innerJoin("documents", "documents.id", "events.doc_id")
      .select([
        "events.id",
        "events.doc_id",
        "events.local_id",
        "events.published",
        "documents.outlet",
        "events.type",
        "events.mode",
        "events.cameo",
        "events.acled",
        "events.date",
        "events.date_precision",
        "events.date_basis",
        "events.date_start",
        "events.date_end",
        "events.place_id",
        "events.place_name",
        "events.country",
        "events.lat",
        "events.lon",
        "events.geo_precision",
        "events.killed",
        "events.killed_max",
        "events.injured",
        "events.injured_max",
        "events.modality",
        "events.historical",
        "events.confidence",
        "events.evidence",
      ])
      .where("events.id", "in", c)
      .execute();
    const actorRows = await trx
      .selectFrom("event_actors")
      .selectAll()
      .where("event_id", "in", c)
      .orderBy("role")
      .orderBy("position")
      .execute();
    const actors = new Map<string, MergeActor[]>();
    for (const a of actorRows) {
      const list = actors.get(a.event_id) ?? [];
      list.push({
        role: a.role === "target" ? "target" : "source",
        entityId: a.entity_id,
        name: a.name,
        country: a.country,
        sector: a.sector,
      });
      actors.set(a.event_id, list);
    }
    for (const r of rows)
      out.push({
        id: r.id,
        docId: r.doc_id,
        localId: r.local_id,
        published: r.published,
        outlet: r.outlet,
        type: r.type,
        mode: r.mode,
        cameo: r.cameo,
        acled: r.acled,
        date: r.date,
        datePrecision: r.date_precision,
        dateBasis: r.date_basis,
        dateStart: r.date_start,
        dateEnd: r.date_end,
        place:
          r.place_id || r.place_name || r.country
            ? { id: r.place_id, name: r.place_name, country: r.country, lat: r.lat, lon: r.lon, precision: r.geo_precision }
            : null,
        actors: actors.get(r.id) ?? [],
        killed: r.killed,
        killedMax: r.killed_max,
        injured: r.injured,
        injuredMax: r.injured_max,
        modality: r.modality,
        historical: Number(r.historical) === 1,
        confidence: Number(r.confidence),
        evidence: r.evidence,
      });
  }
  return out;
}

async function loadSplits(trx: Transaction<Database>, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const c of chunks(ids)) {
    const rows = await trx.selectFrom("merge_splits").select(["event_a", "event_b"]).where("event_a", "in", c).execute();
    for (const r of rows) out.add(`${r.event_a}|${r.event_b}`);
  }
  return out;
}

async function writeClusters(trx: Transaction<Database>, clusters: readonly Cluster[]): Promise<void> {
  // Batched: a few multi-row statements per 200 clusters, then one UPDATE per chunk of members.
  for (const batch of chunks(clusters, 200)) {
    const merged: Database["merged_events"][] = [];
    const actors: Database["merged_actors"][] = [];
    const links: Database["event_links"][] = [];
    for (const cluster of batch) {
      const s = summarizeCluster(cluster);
      merged.push({
        id: s.id,
        type: s.type,
        mode: s.mode,
        cameo: s.cameo,
        acled: s.acled,
        date: s.date,
        date_precision: s.datePrecision,
        country: s.place?.country ?? s.actors.find((a) => a.role === "target")?.country ?? null,
        place_id: s.place?.id ?? null,
        location: s.place?.name ?? null,
        lat: s.place?.lat ?? null,
        lon: s.place?.lon ?? null,
        geo_precision: s.place?.precision ?? null,
        actor1: s.actor1?.name ?? null,
        actor1_id: s.actor1?.entityId ?? null,
        actor1_country: s.actor1?.country ?? null,
        actor2: s.actor2?.name ?? null,
        actor2_id: s.actor2?.entityId ?? null,
        actor2_country: s.actor2?.country ?? null,
        killed_min: s.killed?.min ?? null,
        killed_max: s.killed?.max ?? null,
        injured_min: s.injured?.min ?? null,
        injured_max: s.injured?.max ?? null,
        modality: s.modality,
        historical: s.historical ? 1 : 0,
        confidence: s.confidence,
        source_count: s.sourceCount,
        mention_count: s.mentionCount,
        first_report: s.firstReport,
        last_report: s.lastReport,
        evidence: s.evidence,
        details: JSON.stringify({ killed: s.killed?.reports ?? [], injured: s.injured?.reports ?? [], members: s.members, docs: s.docs }),
      });
      for (const a of s.actors)
        actors.push({ merged_id: s.id, role: a.role, entity_id: a.entityId, name: a.name, country: a.country, sector: a.sector });
      for (const m of cluster.members)
        links.push({ merged_id: s.id, event_id: m.event.id, doc_id: m.event.docId, score: m.score, features: JSON.stringify(m.features) });
    }
    await trx.insertInto("merged_events").values(merged).execute();
    for (const c of chunks(actors, 500)) await trx.insertInto("merged_actors").values(c).execute();
    for (const c of chunks(links, 500)) {
      await trx.insertInto("event_links").values(c).execute();
      await trx
        .updateTable("events")
        .set((eb) => ({
          merged_id: eb.selectFrom("event_links").select("event_links.merged_id").whereRef("event_links.event_id", "=", "events.id"),
        }))
        .where(
          "events.id",
          "in",
          c.map((l) => l.event_id),
        )
        .execute();
    }
  }
}

/** Splits a merged event back into its per-article events and remembers never to merge them again. */
export async function unmergeEvent(store: Store, mergedId: string): Promise<string[] | null> {
  const members = await store.db.selectFrom("events").select("id").where("merged_id", "=", mergedId).orderBy("id").execute();
  if (members.length === 0) return null;
  const ids = members.map((m) => m.id);
  await store.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const pairs: { event_a: string; event_b: string; created_at: string }[] = [];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) pairs.push({ event_a: ids[i], event_b: ids[j], created_at: now });
    for (const c of chunks(pairs, 200))
      await trx
        .insertInto("merge_splits")
        .values(c)
        .onConflict((oc) => oc.columns(["event_a", "event_b"]).doNothing())
        .execute();
    await dissolveMerged(trx, [mergedId]);
  });
  await remerge(store);
  const after = await store.db.selectFrom("events").select("merged_id").where("id", "in", ids).execute();
  return [...new Set(after.map((r) => r.merged_id).filter((m): m is string => !!m))].sort();
}
