import { sql } from "kysely";
import { getIssues } from "@placemarkio/check-geojson";
import { parse as parseCsv } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActorRef, Event, EventPlace, Quantity } from "../model/annotations.js";
import type { Extraction } from "../model/extraction.js";
import {
  contentHash,
  countEvents,
  CSV_COLUMNS,
  explainEvent,
  findByHash,
  getDocument,
  getEvent,
  queryActors,
  queryDocuments,
  queryEvents,
  querySeries,
  remerge,
  toCsv,
  toGeoJson,
  toGexf,
  toJsonl,
  unmergeEvent,
  writeDocument,
  beginRun,
  storeStats,
  type Store,
} from "./index.js";

/**
 * The storage contract: one suite every backend runs (SQLite here, PostgreSQL with issue 6).
 * `makeStore` returns a fresh, empty, migrated store.
 */

// ---- fixtures: constructed extractions, independent of the extractor's current quality ----

export const PLACES: Record<string, EventPlace> = {
  baghdad: { id: "geo:98182", name: "Baghdad", country: "IRQ", lat: 33.3406, lon: 44.4009, precision: "city", start: 0, end: 0 },
  basra: { id: "geo:99532", name: "Basra", country: "IRQ", lat: 30.5085, lon: 47.7804, precision: "city", start: 0, end: 0 },
  tower22: { id: "site:tower22", name: "Tower 22", country: "JOR", lat: 33.3247, lon: 38.6972, precision: "site", start: 0, end: 0 },
};

export function actor(name: string, entityId: string | null, country: string | null, sector: ActorRef["sector"]): ActorRef {
  return { name, entityId, country, sector, text: name, start: 0, end: 0 };
}
export const US = actor("United States", "USA", "USA", "MIL");
export const NUJABA = actor("Harakat al-Nujaba", "Q1996416", "IRQ", "REB");
export const KH = actor("Kataib Hezbollah", "Q1739090", "IRQ", "REB");

export interface EventSpec {
  readonly type?: Event["type"];
  readonly mode?: string | null;
  readonly date?: string | null;
  readonly place?: EventPlace | null;
  readonly sources?: readonly ActorRef[];
  readonly targets?: readonly ActorRef[];
  readonly killed?: number | null;
  readonly injured?: number | null;
  readonly modality?: Event["modality"];
  readonly historical?: boolean;
  readonly confidence?: number;
  readonly sentence: string;
}

/** An article made of the events' sentences, with the Extraction the pipeline would return. */
export function article(
  published: string,
  specs: readonly EventSpec[],
  quantities: readonly Quantity[] = [],
): { text: string; extraction: Extraction } {
  let text = "";
  const events: Event[] = [];
  const sentences: { index: number; start: number; end: number }[] = [];
  specs.forEach((s, i) => {
    const start = text.length;
    text += `${s.sentence} `;
    const end = start + s.sentence.length;
    sentences.push({ index: i, start, end });
    events.push({
      id: `e${i + 1}`,
      type: s.type ?? "ASSAULT",
      mode: s.mode ?? null,
      context: null,
      cameo: (s.type ?? "ASSAULT") === "ASSAULT" ? "195" : null,
      acled: (s.type ?? "ASSAULT") === "ASSAULT" ? "Explosions/Remote violence" : null,
      date: s.date === null ? null : { value: s.date ?? published, precision: "day", basis: s.date ? "explicit" : "publication" },
      sources: s.sources ?? [US],
      targets: s.targets ?? [],
      place: s.place === undefined ? PLACES.baghdad : s.place,
      killed: s.killed === undefined || s.killed === null ? null : { value: s.killed, qualifier: "exact" },
      injured: s.injured === undefined || s.injured === null ? null : { value: s.injured, qualifier: "exact" },
      quantities: [],
      modality: s.modality ?? "asserted",
      historical: s.historical ?? false,
      attribution: null,
      confidence: s.confidence ?? 0.8,
      trigger: { start, end: start + 5, text: s.sentence.slice(0, 5) },
      evidence: { start, end, sentence: i, text: s.sentence },
      rule: "events.v1:test",
    });
  });
  text = text.trim();
  return {
    text,
    extraction: {
      sitrep: "0.1.0",
      pipeline: ["test.v1"],
      document: { length: text.length, published: { value: published, source: "argument" } },
      sentences,
      mentions: [],
      entities: [
        { id: "USA", name: "United States", kind: "country", country: "USA", sector: "GOV" },
        { id: "Q1996416", name: "Harakat al-Nujaba", kind: "group", country: "IRQ", sector: "REB" },
      ],
      places: [],
      times: [],
      quantities: [...quantities],
      events,
      anomalies: [],
      notes: [],
    },
  };
}

export async function addArticle(
  store: Store,
  outlet: string,
  published: string,
  specs: readonly EventSpec[],
  quantities: readonly Quantity[] = [],
): Promise<string> {
  const { text, extraction } = article(published, specs, quantities);
  const run = await beginRun(store, { sitrepVersion: "test", pipeline: ["test.v1"], config: {} });
  const hash = contentHash(text);
  await writeDocument(store, run, {
    hash,
    text,
    outlet,
    title: `${outlet} report`,
    url: `https://example.org/${outlet.replace(/\W+/g, "-").toLowerCase()}/${hash.slice(0, 6)}`,
    origin: "test",
    extraction,
  });
  return hash.slice(0, 16);
}

/** Rows that point at nothing, and documents stored without their extraction: all must be 0. */
export async function orphanCounts(store: Store): Promise<Record<string, number>> {
  const q = async (text: string) => Number((await sql<{ n: number | string }>`${sql.raw(text)}`.execute(store.db)).rows[0]?.n ?? 0);
  const counts: Record<string, number> = {
    documentsWithoutExtraction: await q(
      "SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM extractions x WHERE x.doc_id = d.id)",
    ),
    extractionsWithoutDocument: await q(
      "SELECT count(*) AS n FROM extractions x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc_id)",
    ),
    eventsWithoutDocument: await q("SELECT count(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc_id)"),
    eventActorsWithoutEvent: await q(
      "SELECT count(*) AS n FROM event_actors a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.event_id)",
    ),
    linksWithoutEvent: await q("SELECT count(*) AS n FROM event_links l WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = l.event_id)"),
    linksWithoutMerged: await q(
      "SELECT count(*) AS n FROM event_links l WHERE NOT EXISTS (SELECT 1 FROM merged_events m WHERE m.id = l.merged_id)",
    ),
    mergedWithoutLinks: await q(
      "SELECT count(*) AS n FROM merged_events m WHERE NOT EXISTS (SELECT 1 FROM event_links l WHERE l.merged_id = m.id)",
    ),
    mergedActorsWithoutMerged: await q(
      "SELECT count(*) AS n FROM merged_actors a WHERE NOT EXISTS (SELECT 1 FROM merged_events m WHERE m.id = a.merged_id)",
    ),
    eventsPointingNowhere: await q(
      "SELECT count(*) AS n FROM events e WHERE e.merged_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM merged_events m WHERE m.id = e.merged_id)",
    ),
    quantitiesWithoutDocument: await q(
      "SELECT count(*) AS n FROM quantities x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc_id)",
    ),
  };
  if (store.dialect === "sqlite") {
    counts.documentsFtsOrphans = await q(
      "SELECT count(*) AS n FROM documents_fts f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.doc_id)",
    );
    counts.documentsMissingFts = await q(
      "SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM documents_fts f WHERE f.doc_id = d.id)",
    );
    counts.eventsFtsOrphans = await q(
      "SELECT count(*) AS n FROM events_fts f WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = f.event_id)",
    );
  }
  return counts;
}

/** Problems with a GeoJSON FeatureCollection under RFC 7946 (empty when valid). */
export function rfc7946Problems(g: unknown): string[] {
  const p: string[] = [];
  const obj = g as Record<string, unknown>;
  if (typeof g !== "object" || g === null) return ["not an object"];
  if (obj.type !== "FeatureCollection") p.push("type is not FeatureCollection");
  if ("crs" in obj) p.push("crs member is not allowed (RFC 7946 section 4)");
  if (!Array.isArray(obj.features)) return [...p, "features is not an array"];
  (obj.features as Record<string, unknown>[]).forEach((f, i) => {
    if (f.type !== "Feature") p.push(`features[${i}].type is not Feature`);
    if (!("properties" in f) || (f.properties !== null && typeof f.properties !== "object")) p.push(`features[${i}].properties missing`);
    if (!("geometry" in f)) p.push(`features[${i}].geometry missing`);
    if (f.id !== undefined && typeof f.id !== "string" && typeof f.id !== "number") p.push(`features[${i}].id is not a string or number`);
    const geom = f.geometry as { type?: string; coordinates?: unknown } | null;
    if (geom === null) return;
    if (geom.type !== "Point") p.push(`features[${i}] geometry type ${geom.type} (expected Point)`);
    const c = geom.coordinates;
    if (!Array.isArray(c) || c.length < 2 || c.length > 3 || !c.every((x) => typeof x === "number" && Number.isFinite(x)))
      p.push(`features[${i}] coordinates are not [lon, lat]`);
    else {
      const [lon, lat] = c as number[];
      if (lon < -180 || lon > 180) p.push(`features[${i}] longitude ${lon} out of range`);
      if (lat < -90 || lat > 90) p.push(`features[${i}] latitude ${lat} out of range`);
    }
  });
  return p;
}

async function collect(fn: (s: (chunk: string) => void) => Promise<number>): Promise<string> {
  let out = "";
  await fn((c) => {
    out += c;
  });
  return out;
}

/** Three reports of the 4 January Baghdad strike (one toll differs), plus a strike in Basra the same day and a talks event. */
export async function seedStory(store: Store): Promise<{ docs: string[] }> {
  const docs = [
    await addArticle(store, "Tigris Post", "2024-01-04", [
      {
        date: "2024-01-04",
        mode: "drone",
        targets: [NUJABA],
        killed: 2,
        sentence: "A drone strike hit a militia headquarters in eastern Baghdad, killing a Nujaba commander and an aide.",
      },
      {
        date: "2024-01-04",
        place: PLACES.basra,
        targets: [KH],
        killed: 1,
        sentence: "Separately, a rocket struck a depot near Basra, killing one guard.",
      },
    ]),
    await addArticle(store, "Levant Wire", "2024-01-04", [
      {
        date: "2024-01-04",
        mode: "airstrike",
        targets: [NUJABA],
        killed: 3,
        sentence: "Three people died when an American drone fired on a militia building in Baghdad.",
      },
    ]),
    await addArticle(store, "Gulf Observer", "2024-01-05", [
      {
        date: "2024-01-04",
        targets: [NUJABA],
        killed: 2,
        sentence: "Thursday's strike in Baghdad killed two people, including a Nujaba commander.",
      },
      {
        type: "CONSULT",
        date: "2024-01-27",
        sources: [actor("Iraq", "IRQ", "IRQ", "GOV")],
        targets: [US],
        modality: "planned",
        sentence: "Talks on the coalition's future are to begin on Jan. 27 in Baghdad.",
      },
    ]),
  ];
  await remerge(store);
  return { docs };
}

export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it("stores a document once per content hash", async () => {
      const { text, extraction } = article("2024-01-04", [{ sentence: "A strike hit Baghdad." }]);
      const run = await beginRun(store, { sitrepVersion: "test", pipeline: [], config: {} });
      const hash = contentHash(text);
      expect(await findByHash(store, hash)).toBeNull();
      await writeDocument(store, run, { hash, text, origin: "a", extraction });
      await writeDocument(store, run, { hash, text, origin: "b", extraction });
      expect((await findByHash(store, hash))?.id).toBe(hash.slice(0, 16));
      expect((await storeStats(store)).documents).toBe(1);
      expect((await storeStats(store)).events).toBe(1);
    });

    it("merges three reports of one strike into one event with three sources and the toll range", async () => {
      const { docs } = await seedStory(store);
      const stats = await storeStats(store);
      expect(stats.documents).toBe(3);
      expect(stats.events).toBe(5);
      expect(stats.mergedEvents).toBe(3);
      const [strike] = await queryEvents(store, { place: "Baghdad", types: ["ASSAULT"] });
      expect(strike.source_count).toBe(3);
      expect(strike.mention_count).toBe(3);
      expect([strike.killed_min, strike.killed_max]).toEqual([2, 3]);
      expect(strike.first_report).toBe("2024-01-04");
      expect(strike.last_report).toBe("2024-01-05");
      const details = await getEvent(store, strike.id);
      expect(new Set(details!.sources.map((s) => s.docId))).toEqual(new Set(docs));
      // The Basra strike on the same day stays its own event.
      const basra = await queryEvents(store, { place: "Basra" });
      expect(basra).toHaveLength(1);
      expect(basra[0].source_count).toBe(1);
      expect(basra[0].id).not.toBe(strike.id);
      expect(await orphanCounts(store)).toSatisfy((c: Record<string, number>) => Object.values(c).every((n) => n === 0));
    });

    it("filters, sorts and counts events", async () => {
      await seedStory(store);
      expect((await queryEvents(store, { types: ["CONSULT"] })).map((e) => e.type)).toEqual(["CONSULT"]);
      expect(await countEvents(store, { types: ["ASSAULT"] })).toBe(2);
      expect(await countEvents(store, { country: "IRQ" })).toBe(3);
      expect(await countEvents(store, { from: "2024-01-05" })).toBe(1);
      expect(await countEvents(store, { to: "2024-01" })).toBe(3);
      expect(await countEvents(store, { to: "2024-01-04" })).toBe(2);
      expect(await countEvents(store, { actor: "Q1996416" })).toBe(1);
      expect(await countEvents(store, { actor: "Kataib" })).toBe(1);
      expect(await countEvents(store, { actor: "USA" })).toBe(3);
      expect(await countEvents(store, { modalities: ["planned"] })).toBe(1);
      expect(await countEvents(store, { historical: true })).toBe(0);
      expect(await countEvents(store, { minSources: 2 })).toBe(1);
      expect(await countEvents(store, { minConfidence: 0.9 })).toBe(0);
      expect(await countEvents(store, { q: "depot" })).toBe(1);
      expect(await countEvents(store, { q: "drone" })).toBe(1);
      expect(await countEvents(store, { q: "nothing-like-this" })).toBe(0);
      const byDate = await queryEvents(store, { sort: "date" });
      expect(byDate.map((e) => e.date)).toEqual([...byDate.map((e) => e.date)].sort());
      expect((await queryEvents(store, { sort: "sources", limit: 1 }))[0].source_count).toBe(3);
      expect((await queryEvents(store, { sort: "killed", limit: 1 }))[0].killed_max).toBe(3);
      expect(await queryEvents(store, { limit: 1, offset: 1 })).toHaveLength(1);
    });

    it("explains a merge and undoes it for good", async () => {
      await seedStory(store);
      const [strike] = await queryEvents(store, { place: "Baghdad", types: ["ASSAULT"] });
      const x = await explainEvent(store, strike.id);
      expect(x!.members).toHaveLength(3);
      const others = x!.members.filter((m) => Object.keys(m.features).length > 0);
      expect(others).toHaveLength(2);
      for (const m of others) {
        expect(m.features.date.match).not.toBe("no");
        expect(m.features.place.match).toBe("yes");
        expect(m.features.actors.match).toBe("yes");
      }
      const parts = await unmergeEvent(store, strike.id);
      expect(parts).toHaveLength(3);
      expect(await countEvents(store, { types: ["ASSAULT"] })).toBe(4);
      // A later merge run (new documents) does not glue them back together.
      await addArticle(store, "Meridian News", "2024-01-06", [
        { date: "2024-01-04", targets: [NUJABA], killed: 2, sentence: "Last Thursday's drone strike in Baghdad killed a commander." },
      ]);
      await remerge(store);
      const after = await queryEvents(store, { place: "Baghdad", types: ["ASSAULT"] });
      expect(after.map((e) => e.source_count).sort()).toEqual([1, 1, 2]);
      expect(await unmergeEvent(store, "ev_doesnotexist")).toBeNull();
      expect(Object.values(await orphanCounts(store)).every((n) => n === 0)).toBe(true);
    });

    it("keeps ids stable across re-merging", async () => {
      await seedStory(store);
      const before = (await queryEvents(store, { sort: "date" })).map((e) => e.id);
      await remerge(store, { all: true });
      const after = (await queryEvents(store, { sort: "date" })).map((e) => e.id);
      expect(after).toEqual(before);
    });

    it("replaces a document's events when it is re-extracted", async () => {
      const { text, extraction } = article("2024-01-04", [{ sentence: "A strike hit Baghdad.", killed: 1 }]);
      const run = await beginRun(store, { sitrepVersion: "test", pipeline: [], config: {} });
      const hash = contentHash(text);
      await writeDocument(store, run, { hash, text, origin: "a", extraction });
      await remerge(store);
      const changed = {
        ...extraction,
        events: extraction.events.map((e) => ({ ...e, killed: { value: 4, qualifier: "exact" as const } })),
      };
      expect(await writeDocument(store, run, { hash, text, origin: "a", extraction: changed }, true)).toBe("replaced");
      await remerge(store);
      const events = await queryEvents(store);
      expect(events).toHaveLength(1);
      expect(events[0].killed_min).toBe(4);
      expect(Object.values(await orphanCounts(store)).every((n) => n === 0)).toBe(true);
    });

    it("exports CSV, JSONL and GeoJSON with the same ids, and a GEXF network", async () => {
      await seedStory(store);
      const ids = (await queryEvents(store, { limit: 1000 })).map((e) => e.id).sort();
      const csv = await collect((s) => toCsv(store, {}, s));
      const records = parseCsv(csv, { columns: true, relax_quotes: false }) as Record<string, string>[];
      expect(Object.keys(records[0])).toEqual([...CSV_COLUMNS]);
      expect(records.map((r) => r.event_id).sort()).toEqual(ids);
      const strike = records.find((r) => r.source_count === "3")!;
      expect([strike.fatalities, strike.fatalities_max]).toEqual(["2", "3"]);
      expect(strike.notes.length).toBeGreaterThan(10);
      expect(strike.sources.split("; ")).toHaveLength(3);
      expect(new Set(strike.sources.split("; ").map((x) => x.split(" ")[0])).size).toBe(3);

      const jsonl = await collect((s) => toJsonl(store, {}, s));
      const lines = jsonl
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l.event_id).sort()).toEqual(ids);
      for (const l of lines) expect(JSON.parse(JSON.stringify(l))).toEqual(l);
      const j = lines.find((l) => l.source_count === 3)!;
      expect(j.event_type).toBe("ASSAULT");
      expect((j.fatalities as { reports: unknown[] }).reports).toHaveLength(3);

      const geoText = await collect((s) => toGeoJson(store, {}, s));
      const geo = JSON.parse(geoText) as { features: { id: string; geometry: { coordinates: number[] } | null }[] };
      // Two checks: ours (the RFC 7946 rules we rely on) and a published GeoJSON linter.
      expect(rfc7946Problems(geo)).toEqual([]);
      expect(getIssues(geoText)).toEqual([]);
      expect(geo.features.map((f) => f.id).sort()).toEqual(ids);
      const baghdad = geo.features.find((f) => f.id === strike.event_id)!;
      // [longitude, latitude]
      expect(baghdad.geometry!.coordinates).toEqual([44.4009, 33.3406]);

      const gexf = await collect((s) => toGexf(store, {}, s));
      expect(gexf).toContain('<gexf xmlns="http://gexf.net/1.3" version="1.3">');
      expect(gexf).toMatch(/<node id="n\d+" label="United States">/);
      expect(gexf).toMatch(/<edge id="0" source="n\d+" target="n\d+" weight="\d+"/);
    });

    it("quotes CSV fields per RFC 4180", async () => {
      await addArticle(store, 'The "Quoted", Outlet', "2024-01-04", [
        { sentence: 'He said "enough", then left,\nand a strike hit Baghdad.' },
      ]);
      await remerge(store);
      const csv = await collect((s) => toCsv(store, {}, s));
      const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
      expect(records[0].notes).toBe('He said "enough", then left,\nand a strike hit Baghdad.');
      expect(records[0].sources).toContain('The "Quoted", Outlet');
    });

    it("lists actors, documents and series", async () => {
      const { docs } = await seedStory(store);
      const actors = await queryActors(store);
      expect(actors[0]).toMatchObject({ entityId: "USA", events: 3 });
      expect(actors.find((a) => a.entityId === "Q1996416")).toMatchObject({ events: 1, asTarget: 1 });
      const all = await queryDocuments(store);
      expect(all.map((d) => d.id).sort()).toEqual([...docs].sort());
      expect((await queryDocuments(store, { q: "depot" })).map((d) => d.outlet)).toEqual(["Tigris Post"]);
      expect(await queryDocuments(store, { outlet: "Levant" })).toHaveLength(1);
      const d = await getDocument(store, docs[0]);
      expect(d?.events).toHaveLength(2);
      expect(d?.events.every((e) => typeof e.mergedId === "string")).toBe(true);

      const q = (value: number, start: number, text: string): Quantity => ({
        value,
        start,
        end: start + text.length,
        text,
        rule: "t",
        qualifier: "about",
        role: "troops",
        unit: "troops",
      });
      const s1 = "In 2020 the US had about 5,200 troops in Iraq.";
      await addArticle(
        store,
        "Meridian News",
        "2024-02-10",
        [{ type: "MOBILIZE", sentence: s1 }],
        [q(5200, s1.indexOf("5,200"), "5,200 troops")],
      );
      const points = await querySeries(store, { role: "troops" });
      expect(points).toHaveLength(1);
      expect(points[0]).toMatchObject({ value: 5200, outlet: "Meridian News", published: "2024-02-10" });
    });
  });
}
