/**
 * API and UI benchmark (figures, not a test).
 *
 *   npx tsx bench/api.ts [--events 1000000] [--runs 40] [--no-ui]
 *
 * 1. Builds (once; kept in bench/out/) a SQLite store with N merged events, their actors and
 *    per-article links, written with bulk inserts in the store's own schema (migrations).
 * 2. Times GET /api/events with typical filters through the real Fastify app (in-process
 *    requests: routing, validation, both SQL queries and JSON serialisation) and prints p50/p95.
 * 3. Serves the built UI over real HTTP on that database and loads it in Chromium with an empty
 *    cache: first-load time (navigation to the events table drawn) and bytes transferred.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { chromium } from "playwright-core";
import { PLOVER_TYPES } from "../src/model/annotations.js";
import { PROJECT_ROOT } from "../src/runtime/paths.js";
import { buildServer, WEB_DIST } from "../src/server/app.js";
import { openStore } from "../src/store/index.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "40" },
    "no-ui": { type: "boolean", default: false },
  },
});
const N = Number(values.events);
const RUNS = Number(values.runs);
const OUT = join(PROJECT_ROOT, "bench", "out");
mkdirSync(OUT, { recursive: true });
/** --db: an existing store instead (e.g. the one bench/query.ts generates); nothing is generated then. */
const DB = values.db ?? join(OUT, `api-${N}.db`);

/** A small deterministic generator (mulberry32) so every run builds the same database. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  "UKR",
  "RUS",
  "IRQ",
  "SYR",
  "SDN",
  "MLI",
  "NER",
  "BFA",
  "ISR",
  "PSE",
  "LBN",
  "YEM",
  "SOM",
  "ETH",
  "COD",
  "NGA",
  "AFG",
  "PAK",
  "IND",
  "MMR",
  "USA",
  "CHN",
  "IRN",
  "TUR",
  "LBY",
  "COL",
  "MEX",
  "VEN",
  "HTI",
  "ARM",
  "AZE",
  "GEO",
  "KEN",
  "MOZ",
  "CMR",
  "TCD",
  "SSD",
  "CAF",
  "EGY",
  "SAU",
];
const SECTORS = ["GOV", "MIL", "REB", "POL", "CVL", "IGO", "OPP"];
const ACTORS = Array.from({ length: 600 }, (_, i) => {
  const c = COUNTRIES[i % COUNTRIES.length];
  const s = SECTORS[Math.floor(i / COUNTRIES.length) % SECTORS.length];
  return { id: `${c}-${s}${i >= COUNTRIES.length * SECTORS.length ? `-${i}` : ""}`, name: `${c} ${s} ${i}`, country: c, sector: s };
});

function insertEntities(raw: BetterSqlite3.Database): void {
  const ins = raw.prepare("INSERT OR IGNORE INTO entities (id, name, kind, country, sector, wikidata) VALUES (?,?,?,?,?,NULL)");
  raw.transaction(() => {
    for (const a of ACTORS) ins.run(a.id, a.name, "group", a.country, a.sector);
  })();
}

/** Statistics for every index (a later migration may have added some): without them SQLite's plans go wrong. */
async function analyzeIfStale(): Promise<void> {
  const store = await openStore(DB); // runs any newer migrations first
  await store.close();
  const raw = new BetterSqlite3(DB);
  const indexes = (
    raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = 'merged_events'").get() as { n: number }
  ).n;
  const hasStats = raw.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
  const stats = hasStats
    ? (raw.prepare("SELECT count(DISTINCT idx) AS n FROM sqlite_stat1 WHERE tbl = 'merged_events'").get() as { n: number }).n
    : 0;
  if (stats < indexes) {
    process.stdout.write("  running ANALYZE (index statistics are missing)\n");
    raw.exec("ANALYZE");
  }
  raw.close();
}

async function buildDatabase(): Promise<void> {
  if (values.db) {
    if (!existsSync(DB)) throw new Error(`${DB} does not exist`);
    return analyzeIfStale();
  }
  if (existsSync(DB)) {
    const raw = new BetterSqlite3(DB);
    const n = (raw.prepare("SELECT count(*) AS n FROM merged_events").get() as { n: number }).n;
    // The actors are also dictionary entries (entity ids are resolved through that table).
    if ((raw.prepare("SELECT count(*) AS n FROM entities").get() as { n: number }).n === 0) insertEntities(raw);
    raw.close();
    if (n !== N) throw new Error(`${DB} holds ${n} events, not ${N}: delete it to rebuild`);
    return analyzeIfStale();
  }
  const t0 = performance.now();
  const store = await openStore(DB); // creates the schema and indexes through the store's migrations
  await store.close();
  const raw = new BetterSqlite3(DB);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = OFF");
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  // Skewed choices: a few countries, types and actors get most events, as in real data.
  const skew = <T>(xs: readonly T[]) => xs[Math.floor(xs.length * r() ** 2.2)];
  const types = [
    "ASSAULT",
    "COERCE",
    "ACCUSE",
    "CONSULT",
    "THREATEN",
    "PROTEST",
    "AGREE",
    "REQUEST",
    "SUPPORT",
    "MOBILIZE",
    "REJECT",
    "SANCTION",
    "AID",
    "COOPERATE",
    "RETREAT",
    "CONCEDE",
  ];
  const actors = ACTORS;
  const insertEvent =
    raw.prepare(`INSERT INTO merged_events (id, type, mode, cameo, acled, date, date_precision, country, place_id, location, lat, lon, geo_precision,
    actor1, actor1_id, actor1_country, actor2, actor2_id, actor2_country, killed_min, killed_max, injured_min, injured_max, modality, historical, confidence,
    source_count, mention_count, first_report, last_report, evidence, details) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insertActor = raw.prepare("INSERT INTO merged_actors (merged_id, role, entity_id, name, country, sector) VALUES (?,?,?,?,?,?)");
  const day0 = Date.UTC(2015, 0, 1);
  const days = 11 * 365;
  const tx = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const d = new Date(day0 + Math.floor(r() * days) * 86_400_000).toISOString().slice(0, 10);
      const p = r();
      const [date, precision] = p < 0.85 ? [d, "day"] : p < 0.97 ? [d.slice(0, 7), "month"] : [d.slice(0, 4), "year"];
      const type = skew(types);
      const country = skew(COUNTRIES);
      const a1 = skew(actors);
      const a2 = pick(actors);
      const killed = type === "ASSAULT" && r() < 0.5 ? Math.floor(r() * 40) : null;
      const id = `ev_${i.toString(16).padStart(16, "0")}`;
      const lat = r() < 0.8 ? -40 + r() * 100 : null;
      insertEvent.run(
        id,
        type,
        null,
        "19",
        null,
        date,
        precision,
        country,
        lat === null ? null : `P${country}${Math.floor(r() * 50)}`,
        lat === null ? null : `Town ${Math.floor(r() * 50)}`,
        lat,
        lat === null ? null : -20 + r() * 140,
        lat === null ? null : pick(["city", "admin1", "country", "site"]),
        a1.name,
        a1.id,
        a1.country,
        a2.name,
        a2.id,
        a2.country,
        killed,
        killed === null ? null : killed + Math.floor(r() * 5),
        null,
        null,
        r() < 0.8 ? "asserted" : pick(["reported", "planned", "negated", "hypothetical"]),
        r() < 0.05 ? 1 : 0,
        Math.round(r() * 100) / 100,
        1 + Math.floor(r() ** 3 * 5),
        1 + Math.floor(r() ** 3 * 8),
        d,
        d,
        `Synthetic evidence sentence number ${i} about ${type.toLowerCase()} in ${country}.`,
        "{}",
      );
      insertActor.run(id, "source", a1.id, a1.name, a1.country, a1.sector);
      insertActor.run(id, "target", a2.id, a2.name, a2.country, a2.sector);
    }
  });
  insertEntities(raw);
  const CHUNK = 50_000;
  for (let i = 0; i < N; i += CHUNK) {
    tx(i, Math.min(N, i + CHUNK));
    process.stdout.write(`\r  generating ${Math.min(N, i + CHUNK).toLocaleString("en-GB")} / ${N.toLocaleString("en-GB")} events`);
  }
  raw.exec("ANALYZE");
  raw.close();
  process.stdout.write(
    `\n  built ${DB} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(statSync(DB).size / 1e6).toFixed(0)} MB)\n`,
  );
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

await buildDatabase();
const store = await openStore(DB);
const app = await buildServer({ store, webDir: WEB_DIST });

const QUERIES: readonly [string, string][] = [
  ["newest first, page 1", "/api/events"],
  ["type", "/api/events?type=ASSAULT"],
  ["two types + country", "/api/events?type=ASSAULT,COERCE&country=SYR"],
  ["country + one year", "/api/events?country=UKR&from=2022-01-01&to=2022-12-31"],
  [
    "type + country + quarter + modality",
    "/api/events?type=ASSAULT&country=SDN&from=2023-04-01&to=2023-06-30&modality=asserted&historical=false",
  ],
  ["actor (entity id)", "/api/events?actor=SYR-MIL"],
  ["min sources + sort by sources", "/api/events?minSources=3&sort=sources"],
  ["deep page (offset 20,000)", "/api/events?type=ASSAULT&offset=20000"],
  ["timeline (2,000 by date, one month)", "/api/events?from=2024-03-01&to=2024-03-31&sort=date&limit=2000"],
];

console.log(
  `\nGET /api/events on ${N.toLocaleString("en-GB")} merged events (SQLite, in-process requests, ${RUNS} runs each after 3 warm-up runs)\n`,
);
console.log(`${"query".padEnd(40)} ${"total".padStart(9)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
const all: number[] = [];
for (const [name, url] of QUERIES) {
  let total = 0;
  for (let i = 0; i < 3; i++) await app.inject({ url });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await app.inject({ url });
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    total = (res.json() as { total: number }).total;
  }
  all.push(...times.filter((_, i) => i < RUNS));
  console.log(
    `${name.padEnd(40)} ${total.toLocaleString("en-GB").padStart(9)} ${pct(times, 50).toFixed(1).padStart(8)} ${pct(times, 95).toFixed(1).padStart(8)}`,
  );
}
console.log(
  `${"all of the above".padEnd(40)} ${"".padStart(9)} ${pct(all, 50).toFixed(1).padStart(8)} ${pct(all, 95).toFixed(1).padStart(8)}`,
);

// UI size: every emitted asset, gzipped (what the server sends; it serves the .gz files).
const assets = readdirSync(join(WEB_DIST, "assets")).filter((f) => f.endsWith(".gz"));
const gz = assets.reduce((a, f) => a + statSync(join(WEB_DIST, "assets", f)).size, 0) + statSync(join(WEB_DIST, "index.html.gz")).size;
console.log(`\nUI bundle: ${assets.length} gzipped assets, ${(gz / 1024).toFixed(1)} KiB in total (all views, including the world map)`);

if (!values["no-ui"]) {
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const loads: { ms: number; ui: number; api: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } }); // empty cache every time
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const urls = new Map<string, string>();
    let ui = 0;
    let api = 0;
    cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
    cdp.on("Network.loadingFinished", (e) => {
      const url = urls.get(e.requestId) ?? "";
      if (url.includes("/api/")) api += e.encodedDataLength;
      else ui += e.encodedDataLength;
    });
    const t = performance.now();
    await page.goto(`${address}/#/events`);
    await page.waitForSelector("[data-testid=events-table] tr.row", { timeout: 60_000 });
    await page.waitForSelector("[data-testid=timeline]");
    loads.push({ ms: performance.now() - t, ui, api });
    await context.close();
  }
  await browser.close();
  const med = (k: "ms" | "ui" | "api") =>
    pct(
      loads.map((l) => l[k]),
      50,
    );
  console.log(
    `UI first load in Chromium (events view, empty cache, median of ${loads.length}): ${med("ms").toFixed(0)} ms to the table and timeline; ` +
      `transferred ${(med("ui") / 1024).toFixed(1)} KiB of UI (gzip) + ${(med("api") / 1024).toFixed(1)} KiB of API JSON`,
  );
}
await app.close();
await store.close();
