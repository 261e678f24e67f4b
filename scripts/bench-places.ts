/**
 * Times the places stage: resource loading (cold, in CPU and wall time) and per-article
 * cost on the 200 GeoWebNews articles (segment and actors run beforehand, untimed).
 *
 * Run: npx tsx scripts/bench-places.ts
 * CPU time is reported next to wall time because the machine may be shared.
 */
import { readGeoWebNews } from "../src/eval/geowebnews.js";
import { createPipeline } from "../src/pipeline/run.js";
import { loadActorsResources } from "../src/runtime/load-actors.js";
import { loadPlacesResources } from "../src/runtime/load-places.js";
import { DATA_DIR, SHARED_BENCH_DIR } from "../src/runtime/paths.js";
import { createActorsStage } from "../src/stages/actors/index.js";
import { createPlacesStage } from "../src/stages/places/index.js";
import { createSegmentStage } from "../src/stages/segment/index.js";

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

let c = cpuMs();
let t = performance.now();
const resources = loadPlacesResources(DATA_DIR);
console.log(
  `load (cold): ${(cpuMs() - c).toFixed(0)} ms CPU, ${(performance.now() - t).toFixed(0)} ms wall; ${resources.gazetteer.size} names`,
);

const places = createPlacesStage(resources);
const before = createPipeline([createSegmentStage(), createActorsStage(loadActorsResources(DATA_DIR))]);
const docs = readGeoWebNews(process.env.SITREP_BENCH_DIR ?? SHARED_BENCH_DIR).map((a) => before.run({ text: a.text }));
const chars = docs.reduce((s, d) => s + d.text.length, 0);
for (const d of docs) places.run(d); // warm-up
const rounds = 5;
c = cpuMs();
t = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) places.run(d);
const n = rounds * docs.length;
const cpu = (cpuMs() - c) / n;
const wall = (performance.now() - t) / n;
console.log(
  `places stage: ${cpu.toFixed(2)} ms CPU / ${wall.toFixed(2)} ms wall per article (${docs.length} articles, avg ${Math.round(chars / docs.length)} chars) = ${Math.round(1000 / cpu)} articles/s/core`,
);
