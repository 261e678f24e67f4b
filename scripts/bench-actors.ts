/**
 * Measures the actors stage alone: resource load + index build, and time per article on the 200
 * GeoWebNews articles (read from ../shared/bench, never copied) plus the seed article.
 *
 *   npx tsx scripts/bench-actors.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { applyStage } from "../src/pipeline/run.js";
import { createDoc, type Doc } from "../src/model/document.js";
import { loadActorsResources } from "../src/runtime/load-actors.js";
import { DATA_DIR, PROJECT_ROOT, SHARED_BENCH_DIR } from "../src/runtime/paths.js";
import { createActorsStage } from "../src/stages/actors/index.js";
import { createPublishedStage } from "../src/stages/published/index.js";
import { createSegmentStage } from "../src/stages/segment/index.js";

// CPU time of this process (user + system), in ms: the machine is shared, so wall time alone misleads.
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const resources = loadActorsResources(DATA_DIR);
const t1 = performance.now();
const c1 = cpu();
const stage = createActorsStage(resources);
const t2 = performance.now();
const c2 = cpu();
console.log(
  `load ${(t1 - t0).toFixed(0)} ms wall / ${(c1 - c0).toFixed(0)} ms cpu, index ${(t2 - t1).toFixed(0)} ms wall / ${(c2 - c1).toFixed(0)} ms cpu`,
);

const texts: string[] = [];
const gwn = join(SHARED_BENCH_DIR, "geo", "GWN.xml");
if (existsSync(gwn)) {
  const xml = readFileSync(gwn, "utf8");
  for (const m of xml.matchAll(/<text>([\s\S]*?)<\/text>/g))
    texts.push(m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
}
const seed = join(PROJECT_ROOT, "..", "shared", "corpus", "seed-article.txt");
if (existsSync(seed)) texts.push(readFileSync(seed, "utf8"));

// Segment once, outside the timing: only the actors stage is measured.
const published = createPublishedStage();
const segment = createSegmentStage();
const docs: Doc[] = texts.map((text) => applyStage(applyStage(createDoc({ text, published: "2024-01-28" }), published), segment));
const chars = texts.reduce((n, t) => n + t.length, 0);

let mentions = 0;
let unknown = 0;
const rounds = 3;
const t3 = performance.now();
const c3 = cpu();
for (let r = 0; r < rounds; r++) {
  for (const d of docs) {
    const out = stage.run(d);
    if (r === 0) {
      mentions += out.mentions.length;
      unknown += out.mentions.filter((m) => m.kind === "unknown").length;
    }
  }
}
const ms = (performance.now() - t3) / rounds;
const cms = (cpu() - c3) / rounds;
console.log(
  `${docs.length} articles (${(chars / docs.length).toFixed(0)} chars avg): ${ms.toFixed(0)} ms wall / ${cms.toFixed(0)} ms cpu per pass, ${(cms / docs.length).toFixed(2)} ms cpu/article, ` +
    `${((docs.length * 1000) / cms).toFixed(0)} articles/s (cpu); ${mentions} mentions (${unknown} unknown names)`,
);
