/**
 * Per-stage timing (figures, not a test): how long each stage of the default pipeline takes
 * per article, on the golden articles and the seed.
 *
 *   npx tsx bench/stages.ts [--rounds 100]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDoc, type Doc } from "../src/model/document.js";
import { applyStage } from "../src/pipeline/run.js";
import { createExtractor } from "../src/runtime/extractor.js";
import { PROJECT_ROOT } from "../src/runtime/paths.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "100" } } });
const rounds = Number(values.rounds);
const texts: string[] = [];
const golden = join(PROJECT_ROOT, "test", "golden");
for (const c of readdirSync(golden)) {
  const p = join(golden, c, "input.txt");
  if (existsSync(p)) texts.push(readFileSync(p, "utf8"));
}
const seed = join(PROJECT_ROOT, "..", "shared", "corpus", "seed-article.txt");
if (existsSync(seed)) texts.push(readFileSync(seed, "utf8"));

const { stages } = createExtractor().pipeline;
const total = new Map<string, number>(stages.map((s) => [s.name, 0]));
for (let r = 0; r < rounds + 10; r++) {
  for (const text of texts) {
    let doc: Doc = createDoc({ text, published: "2024-01-28" });
    for (const stage of stages) {
      const t0 = performance.now();
      doc = applyStage(doc, stage);
      if (r >= 10) total.set(stage.name, total.get(stage.name)! + performance.now() - t0);
    }
  }
}
const n = rounds * texts.length;
let sum = 0;
console.log(`Per-stage time, ms per article (${texts.length} articles x ${rounds} rounds)`);
for (const [name, ms] of total) {
  sum += ms / n;
  console.log(`  ${name.padEnd(16)} ${(ms / n).toFixed(3)}`);
}
console.log(`  ${"total".padEnd(16)} ${sum.toFixed(3)}  (~${Math.round(1000 / sum)} articles/s on one core)`);
