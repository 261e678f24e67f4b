/**
 * Extraction benchmark (figures, not a test): cold start, single-core throughput,
 * peak memory, and scaling on large inputs (must be linear).
 *
 *   npx tsx bench/extract.ts [--articles 300] [--large]
 *
 * Articles are ~1,100 words, the length the goal is stated for: the seed article (1,106 words) and
 * the team's dev articles (test/articles/dev) joined in file order into ~1,100-word documents.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createExtractor } from "../src/runtime/extractor.js";
import { PROJECT_ROOT } from "../src/runtime/paths.js";

const { values } = parseArgs({ options: { articles: { type: "string", default: "300" }, large: { type: "boolean", default: false } } });

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function corpus(): string[] {
  const texts: string[] = [];
  const seed = join(PROJECT_ROOT, "..", "shared", "corpus", "seed-article.txt");
  if (existsSync(seed)) texts.push(readFileSync(seed, "utf8"));
  const dev = join(PROJECT_ROOT, "test", "articles", "dev");
  let parts: string[] = [];
  let words = 0;
  for (const f of existsSync(dev) ? readdirSync(dev).sort() : []) {
    if (!f.endsWith(".txt")) continue;
    const text = readFileSync(join(dev, f), "utf8").trim();
    parts.push(text);
    words += wordCount(text);
    if (words >= 1050) {
      texts.push(parts.join("\n\n") + "\n");
      parts = [];
      words = 0;
    }
  }
  if (texts.length === 0) throw new Error("no articles found for the benchmark");
  return texts;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

// 1. Cold start: a fresh process extracting one short article (built CLI).
const tmp = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
const small = join(tmp, "small.txt");
writeFileSync(
  small,
  "BAGHDAD, Jan. 5, 2024 -- A US drone strike killed two militia commanders in eastern Baghdad on Thursday, Iraqi officials said.\n",
);
const cli = join(PROJECT_ROOT, "bin", "sitrep.js");
const cold: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  execFileSync(process.execPath, [cli, "extract", small], { stdio: "ignore" });
  cold.push(performance.now() - t0);
}
cold.sort((a, b) => a - b);
const time = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, cli, "extract", small], { encoding: "utf8" });
const coldRssKb = Number((time.stderr ?? "").trim().split("\n").pop());

// 2. Warm throughput on one core (this process, single thread).
const t0 = performance.now();
const extractor = createExtractor();
const loadMs = performance.now() - t0;
const texts = corpus();
const n = Number(values.articles);
let words = 0;
for (let i = 0; i < Math.min(20, n); i++) extractor.extract({ text: texts[i % texts.length], published: "2024-01-28" });
const t1 = performance.now();
let events = 0;
for (let i = 0; i < n; i++) {
  const text = texts[i % texts.length];
  words += wordCount(text);
  events += extractor.extract({ text, published: "2024-01-28" }).events.length;
}
const secs = (performance.now() - t1) / 1000;
const mem = process.memoryUsage();

console.log("Extraction benchmark");
console.log(`  node ${process.version}, ${texts.length} distinct articles, mean ${Math.round(words / n)} words`);
console.log(
  `  cold start (CLI, one short article): median ${cold[2].toFixed(0)} ms, min ${cold[0].toFixed(0)} ms; peak RSS ${(coldRssKb / 1024).toFixed(0)} MB`,
);
console.log(`  resource load in-process: ${loadMs.toFixed(0)} ms`);
console.log(
  `  throughput (1 core): ${(n / secs).toFixed(1)} articles/s, ${Math.round(words / secs)} words/s, ${events} events over ${n} articles`,
);
console.log(`  memory after run: rss ${mb(mem.rss)} MB, heap used ${mb(mem.heapUsed)} MB`);

// 3. Large inputs: time must grow linearly with size.
if (values.large) {
  const base = texts.join("\n\n");
  console.log("  large inputs (time per MB should stay flat):");
  for (const size of [1, 5, 10, 20]) {
    const target = size * 1024 * 1024;
    const big = base.repeat(Math.ceil(target / base.length)).slice(0, target);
    const t = performance.now();
    const x = extractor.extract({ text: big, published: "2024-01-28" });
    const s = (performance.now() - t) / 1000;
    console.log(
      `    ${String(size).padStart(2)} MB: ${s.toFixed(2)} s (${(s / size).toFixed(2)} s/MB), ${x.events.length} events, rss ${mb(process.memoryUsage().rss)} MB`,
    );
  }
}
