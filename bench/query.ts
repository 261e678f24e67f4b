/**
 * Query benchmark: `sitrep events` filters on a database of generated merged events.
 *
 *   npx tsx bench/query.ts [--events 1000000] [--db /tmp/sitrep-bench-query.db] [--fresh]
 *
 * Generates the events once (bulk inserts in large transactions; reused on the next run unless
 * --fresh), then times each query through the store's queryEvents (what the CLI and the API
 * call): median and worst of 7 runs after one warm-up. Prints figures; asserts nothing.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { countEvents, openStore, queryEvents, type EventFilter } from "../src/store/index.js";
import { ftsRowid } from "../src/store/fts.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    db: { type: "string", default: "/tmp/sitrep-bench-query.db" },
    fresh: { type: "boolean", default: false },
  },
});
const N = Number(values.events);
const path = values.db!;

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same database. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
/** Skewed pick: the first items are much more frequent (like real news). */
const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(rand() ** 2.2 * xs.length)];

const TYPES = [
  "ASSAULT",
  "ASSAULT",
  "ASSAULT",
  "COERCE",
  "CONSULT",
  "ACCUSE",
  "PROTEST",
  "MOBILIZE",
  "THREATEN",
  "AGREE",
  "SUPPORT",
  "REQUEST",
  "REJECT",
  "SANCTION",
  "AID",
  "RETREAT",
  "COOPERATE",
  "CONCEDE",
];
const COUNTRIES = [
  "UKR",
  "RUS",
  "SYR",
  "IRQ",
  "ISR",
  "PSE",
  "YEM",
  "SDN",
  "AFG",
  "IRN",
  "LBN",
  "SOM",
  "MLI",
  "NGA",
  "COD",
  "ETH",
  "MMR",
  "PAK",
  "LBY",
  "TUR",
  "JOR",
  "EGY",
  "SAU",
  "BFA",
  "NER",
  "HTI",
  "MEX",
  "COL",
  "IND",
  "CHN",
  "USA",
  "GBR",
  "FRA",
  "DEU",
  "TCD",
  "CMR",
  "MOZ",
  "KEN",
  "ARM",
  "AZE",
];
const MODES = [null, "airstrike", "drone", "shelling", "small-arms", "bombing"];
const WORDS: string[] = [
  "drone",
  "strike",
  "rocket",
  "convoy",
  "checkpoint",
  "base",
  "militia",
  "talks",
  "ceasefire",
  "protest",
  "shelling",
  "village",
  "airport",
  "border",
  "commander",
  "soldiers",
  "civilians",
  "market",
  "bridge",
  "port",
];
// A vocabulary of 2,000 words with a skewed (news-like) frequency: the real words above are the commonest.
for (let i = WORDS.length; i < 2000; i++) WORDS.push(`w${i.toString(36)}`);
const places = Array.from({ length: 600 }, (_, i) => {
  const country = COUNTRIES[i % COUNTRIES.length];
  return {
    id: `geo:${100000 + i}`,
    name: i === 3 ? "Baghdad" : `Town ${i}`,
    country,
    lat: -40 + rand() * 90,
    lon: -20 + rand() * 120,
    precision: pick(["city", "city", "district", "site", "admin1"]),
  };
});
const entities = Array.from({ length: 400 }, (_, i) => {
  const country = COUNTRIES[i % COUNTRIES.length];
  return {
    id: i < COUNTRIES.length ? country : `Q${1000 + i}`,
    name: i < COUNTRIES.length ? `Country ${country}` : `Group ${i}`,
    country,
    sector: pick(["GOV", "MIL", "REB", "CVL", "POL", "OPP"]),
  };
});

function generate(): void {
  const started = Date.now();
  const db = new BetterSqlite3(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const insPlace = db.prepare("INSERT INTO places (id, name, country, lat, lon, precision) VALUES (?, ?, ?, ?, ?, ?)");
  const insEntity = db.prepare("INSERT INTO entities (id, name, kind, country, sector, wikidata) VALUES (?, ?, 'group', ?, ?, NULL)");
  const insDoc = db.prepare(
    "INSERT INTO documents (id, hash, url, title, outlet, published, published_source, origin, text, length, ingested_at, run_id) VALUES (?, ?, NULL, NULL, ?, ?, 'argument', 'bench', '', 0, '2025-01-01', 'bench')",
  );
  const insMerged = db.prepare(
    `INSERT INTO merged_events (id, type, mode, cameo, acled, date, date_precision, country, place_id, location, lat, lon, geo_precision, actor1, actor1_id, actor1_country,
      actor2, actor2_id, actor2_country, killed_min, killed_max, injured_min, injured_max, modality, historical, confidence, source_count, mention_count, first_report, last_report, evidence, details)
     VALUES (?, ?, ?, NULL, NULL, ?, 'day', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
  );
  const insActor = db.prepare("INSERT INTO merged_actors (merged_id, role, entity_id, name, country, sector) VALUES (?, ?, ?, ?, ?, ?)");
  const insEvent = db.prepare(
    `INSERT INTO events (id, doc_id, local_id, type, modality, historical, confidence, evidence, data, merged_id, date, date_start, date_end) VALUES (?, ?, 'e1', ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
  );
  const insFts = db.prepare("INSERT INTO events_fts (rowid, event_id, evidence) VALUES (?, ?, ?)");
  db.transaction(() => {
    for (const p of places) insPlace.run(p.id, p.name, p.country, p.lat, p.lon, p.precision);
    for (const e of entities) insEntity.run(e.id, e.name, e.country, e.sector);
    for (let d = 0; d < 1000; d++) insDoc.run(`doc${d}`, `hash${d}`, `Outlet ${d % 50}`, "2024-01-01");
  })();
  const day0 = Date.UTC(2015, 0, 1);
  const BATCH = 50_000;
  for (let start = 0; start < N; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const id = `ev_${i.toString(16).padStart(16, "0")}`;
        const type = pick(TYPES);
        const place = skewed(places);
        const date = new Date(day0 + Math.floor(rand() * 3650) * 86_400_000).toISOString().slice(0, 10);
        const a1 = skewed(entities);
        const a2 = skewed(entities);
        const killed = type === "ASSAULT" && rand() < 0.5 ? Math.floor(rand() * 30) : null;
        const sources = 1 + Math.floor(-Math.log(1 - rand()) * 0.8);
        const modality = rand() < 0.85 ? "asserted" : pick(["reported", "planned", "future", "negated"]);
        const historical = rand() < 0.05 ? 1 : 0;
        const confidence = Math.round((0.3 + rand() * 0.7) * 100) / 100;
        const evidence = `${skewed(WORDS)} ${skewed(WORDS)} near ${place.name} as ${a1.name} and ${a2.name} ${skewed(WORDS)} ${skewed(WORDS)}`;
        insMerged.run(
          id,
          type,
          type === "ASSAULT" ? pick(MODES) : null,
          date,
          place.country,
          place.id,
          place.name,
          place.lat,
          place.lon,
          place.precision,
          a1.name,
          a1.id,
          a1.country,
          a2.name,
          a2.id,
          a2.country,
          killed,
          killed === null ? null : killed + Math.floor(rand() * 3),
          modality,
          historical,
          confidence,
          sources,
          sources,
          date,
          date,
          evidence,
        );
        insActor.run(id, "source", a1.id, a1.name, a1.country, a1.sector);
        insActor.run(id, "target", a2.id, a2.name, a2.country, a2.sector);
        insEvent.run(`doc${i % 1000}:${id}`, `doc${i % 1000}`, type, modality, historical, confidence, evidence, id, date, date, date);
        insFts.run(ftsRowid(`doc${i % 1000}:${id}`), `doc${i % 1000}:${id}`, evidence);
      }
    })();
    process.stderr.write(`\rgenerating: ${Math.min(N, start + BATCH).toLocaleString("en-US")} / ${N.toLocaleString("en-US")}`);
  }
  db.exec("ANALYZE");
  db.close();
  process.stderr.write(`\ngenerated ${N.toLocaleString("en-US")} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (values.fresh || !existsSync(path)) {
  // Create the schema through the store (migrations), then fill it with raw bulk inserts.
  if (existsSync(path)) for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  await (await openStore(path)).close();
  generate();
}

const store = await openStore(path);
const total = await countEvents(store);
console.log(`database: ${path} (${(statSync(path).size / 1e6).toFixed(0)} MB), ${total.toLocaleString("en-US")} merged events\n`);
const cases: [string, EventFilter][] = [
  ["(no filter) newest 100", {}],
  ["--type ASSAULT", { types: ["ASSAULT"] }],
  ["--country IRQ", { country: "IRQ" }],
  ["--country IRQ --from 2024-01-01 --to 2024-03-31", { country: "IRQ", from: "2024-01-01", to: "2024-03-31" }],
  ["--type ASSAULT --country SYR --from 2023-01 --to 2023-12", { types: ["ASSAULT"], country: "SYR", from: "2023-01", to: "2023-12" }],
  ["--from 2020-02-01 --to 2020-02-29", { from: "2020-02-01", to: "2020-02-29" }],
  ["--actor USA (country code)", { actor: "USA" }],
  ["--actor Q1399 (rare entity)", { actor: "Q1399" }],
  ["--actor Q1040 (common entity)", { actor: "Q1040" }],
  ["--actor 'Group 250' (name)", { actor: "Group 250" }],
  ["--place Baghdad", { place: "Baghdad" }],
  ["--modality planned", { modalities: ["planned"] }],
  ["--no-historical --min-confidence 0.9", { historical: false, minConfidence: 0.9 }],
  ["--min-sources 4", { minSources: 4 }],
  ["--q 'convoy checkpoint'", { q: "convoy checkpoint" }],
  ["--q drone (the commonest word)", { q: "drone" }],
  ["--q w1kw (a rare word)", { q: "w1kw" }],
  ["--q convoy --country UKR", { q: "convoy", country: "UKR" }],
  ["--sort sources", { sort: "sources" }],
  ["--sort killed --type ASSAULT", { sort: "killed", types: ["ASSAULT"] }],
  ["--type PROTEST --sort date (oldest first)", { types: ["PROTEST"], sort: "date" }],
];
console.log(`${"query (limit 100)".padEnd(58)} ${"median ms".padStart(10)} ${"worst ms".padStart(9)}  rows`);
for (const [label, f] of cases) {
  const times: number[] = [];
  let rows = 0;
  await queryEvents(store, f);
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    rows = (await queryEvents(store, { ...f, limit: 100 })).length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} ${times[3].toFixed(1).padStart(10)} ${times[6].toFixed(1).padStart(9)}  ${rows}`);
}
await store.close();
