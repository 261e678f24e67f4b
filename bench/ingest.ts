/**
 * Ingest benchmark: throughput (articles/s) with 1 and 2 worker threads on a generated corpus,
 * and the database size per 1,000 articles.
 *
 *   npx tsx bench/ingest.ts [--articles 10000] [--workers 1,2] [--dir /tmp/sitrep-bench-ingest] [--corpus-only]
 *
 * The corpus is generated from templates (varied datelines, outlets, places, actors, numbers
 * and sentence shapes; deterministic), written as one JSON Lines file. Each worker count
 * ingests it into a fresh SQLite database; the time covers reading, extraction, storage (one
 * transaction per article) and the final merge. Prints figures; asserts nothing.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ingest } from "../src/ingest/index.js";
import { openStore, storeStats } from "../src/store/index.js";
import { sql } from "kysely";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    workers: { type: "string", default: "1,2" },
    dir: { type: "string", default: "/tmp/sitrep-bench-ingest" },
    // Write the corpus and stop (bench/queue.ts reuses this generator).
    "corpus-only": { type: "boolean", default: false },
  },
});
const N = Number(values.articles);
const workerCounts = values.workers!.split(",").map(Number);
const dir = values.dir!;
mkdirSync(dir, { recursive: true });

// mulberry32: a deterministic generator with 32-bit integer arithmetic (an LCG in doubles
// loses precision and repeats after a few hundred values).
let seed = 7;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const CITIES = [
  ["BAGHDAD", "Baghdad", "Iraq"],
  ["MOSUL", "Mosul", "Iraq"],
  ["ERBIL", "Erbil", "Iraq"],
  ["BASRA", "Basra", "Iraq"],
  ["DAMASCUS", "Damascus", "Syria"],
  ["ALEPPO", "Aleppo", "Syria"],
  ["AMMAN", "Amman", "Jordan"],
  ["BEIRUT", "Beirut", "Lebanon"],
  ["KYIV", "Kyiv", "Ukraine"],
  ["KHARKIV", "Kharkiv", "Ukraine"],
  ["KHARTOUM", "Khartoum", "Sudan"],
  ["SANAA", "Sanaa", "Yemen"],
  ["KABUL", "Kabul", "Afghanistan"],
  ["BAMAKO", "Bamako", "Mali"],
  ["NIAMEY", "Niamey", "Niger"],
  ["TRIPOLI", "Tripoli", "Libya"],
  ["MOGADISHU", "Mogadishu", "Somalia"],
  ["GAZA CITY", "Gaza City", "Gaza"],
] as const;
const OUTLETS = [
  "Tigris Post",
  "Levant Wire",
  "Gulf Observer",
  "Capital Dispatch",
  "Meridian News",
  "Euphrates Daily",
  "Northern Star",
  "Atlantic Monitor",
  "Sahel Courier",
  "Black Sea Herald",
];
const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const ARMED = ["militants", "gunmen", "an armed group", "insurgents", "a militia", "rebel fighters"];
const FORCES = ["government forces", "the army", "security forces", "police", "U.S. troops", "coalition forces", "peacekeepers"];
const OFFICIALS = [
  "officials said",
  "a spokesman said",
  "the interior ministry said",
  "witnesses said",
  "a local official told reporters",
  "the military said in a statement",
];
const WEAPONS = ["a drone", "a roadside bomb", "rockets", "mortar shells", "an air strike", "a car bomb", "artillery fire"];
const TARGETS = [
  "a checkpoint",
  "a military base",
  "a market",
  "a convoy",
  "a police station",
  "a village",
  "an airport",
  "a power station",
];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function sentence(city: string, country: string): string {
  const n = 1 + Math.floor(rand() * 40);
  const day = pick(DAYS);
  switch (Math.floor(rand() * 9)) {
    case 0:
      return `${cap(pick(WEAPONS))} hit ${pick(TARGETS)} near ${city} on ${day}, killing ${n} people, ${pick(OFFICIALS)}.`;
    case 1:
      return `At least ${n} ${pick(["soldiers", "civilians", "fighters", "police officers"])} were wounded when ${pick(ARMED)} attacked ${pick(TARGETS)} in ${city}, ${pick(OFFICIALS)}.`;
    case 2:
      return `The foreign ministers of ${country} and ${pick(CITIES)[2]} met in ${pick(CITIES)[1]} on ${day} to discuss a ceasefire and the release of prisoners.`;
    case 3:
      return `Hundreds of people protested in ${city} on ${day} against rising prices and demanded the resignation of the government.`;
    case 4:
      return `${cap(pick(FORCES))} arrested ${n} suspects in raids around ${city}, ${pick(OFFICIALS)}.`;
    case 5:
      return `The government of ${country} accused ${pick(ARMED)} of shelling residential areas of ${city} and threatened a strong response.`;
    case 6:
      return `About ${(n * 100).toLocaleString("en-US")} troops are deployed in ${country}, down from ${(n * 150).toLocaleString("en-US")} last year, according to the defense ministry.`;
    case 7:
      return `The United Nations said ${(n * 1000).toLocaleString("en-US")} people had been displaced from ${city} since the fighting began in ${pick(MONTHS)}.`;
    default:
      return `Talks between the two sides are expected to resume next week in ${pick(CITIES)[1]}, ${pick(OFFICIALS)}.`;
  }
}

function article(i: number): string {
  const [dateline, city, country] = pick(CITIES);
  const month = Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const year = 2019 + Math.floor(rand() * 6);
  const paragraphs: string[] = [];
  const count = 4 + Math.floor(rand() * 6);
  for (let p = 0; p < count; p++) paragraphs.push(sentence(city, country) + (rand() < 0.5 ? ` ${sentence(city, country)}` : ""));
  return `${dateline}, ${MONTHS[month]} ${day}, ${year} (${pick(OUTLETS)}) -- ${paragraphs.join("\n\n")}\n\n(Report ${i}.)`;
}

const corpus = join(dir, `corpus-${N}.jsonl`);
const lines: string[] = [];
let chars = 0;
for (let i = 0; i < N; i++) {
  const text = article(i);
  chars += text.length;
  lines.push(JSON.stringify({ text }));
}
writeFileSync(corpus, `${lines.join("\n")}\n`);
console.log(`corpus: ${N.toLocaleString("en-US")} articles, ${Math.round(chars / N)} characters on average (${corpus})`);
if (values["corpus-only"]) process.exit(0);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}\n`);
if (values["corpus-only"]) process.exit(0);

for (const workers of workerCounts) {
  const db = join(dir, `bench-${workers}w.db`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const store = await openStore(db);
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const s = await ingest(store, [corpus], { workers });
  const secs = (Date.now() - t0) / 1000;
  // CPU time of the whole process (all threads): a figure that does not depend on other load.
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const stats = await storeStats(store);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
  await store.close();
  const bytes = statSync(db).size;
  console.log(
    `${workers} worker(s): ${s.added.toLocaleString("en-US")} articles in ${secs.toFixed(1)} s = ${(s.added / secs).toFixed(1)} articles/s ` +
      `(${(s.added / secs / workers).toFixed(1)} per worker); ${stats.events.toLocaleString("en-US")} per-article events -> ${stats.mergedEvents.toLocaleString("en-US")} merged; ` +
      `database ${(bytes / 1e6).toFixed(1)} MB = ${(bytes / 1e6 / (s.added / 1000)).toFixed(1)} MB per 1,000 articles; ` +
      `CPU ${cpuSecs.toFixed(1)} s = ${(s.added / cpuSecs).toFixed(1)} articles per CPU-second; load average ${loadavg()[0].toFixed(1)}`,
  );
}
