import { writeFileSync } from "node:fs";
import type { TimeExpression } from "../model/annotations.js";
import { createPipeline } from "../pipeline/run.js";
import { SHARED_BENCH_DIR } from "../runtime/paths.js";
import { createPublishedStage } from "../stages/published/index.js";
import { createSegmentStage } from "../stages/segment/index.js";
import { createTimesStage } from "../stages/times/index.js";
import { pairDoc, readWikiwars, scoreWikiwarsDocs, valueMatches, type TimeExtract } from "./wikiwars.js";

/** The extractor WikiWars is scored with: the published, segment and times stages of the default pipeline. */
export function timesExtractor(): TimeExtract {
  const pipeline = createPipeline([createPublishedStage(), createSegmentStage(), createTimesStage({})]);
  return (text, dct) => pipeline.run({ text, published: dct }).layers.times ?? [];
}

/**
 * Prints the WikiWars score: `npx tsx src/eval/wikiwars-run.ts [errors.tsv]`
 * (with a file name, also writes every unpaired or wrongly valued expression there).
 */
function main(): void {
  const docs = readWikiwars(process.env.SITREP_BENCH_DIR ?? SHARED_BENCH_DIR);
  const extract = timesExtractor();
  const t0 = performance.now();
  const score = scoreWikiwarsDocs(docs, extract);
  const ms = performance.now() - t0;
  console.log(JSON.stringify(score, null, 2));
  console.log(`${docs.length} docs in ${ms.toFixed(0)} ms`);
  const out = process.argv[2];
  if (out) {
    const lines: string[] = ["kind\tdoc\tgold_text\tgold_value\tpred_text\tpred_value\trule\tcontext"];
    for (const d of docs) {
      const preds: readonly TimeExpression[] = extract(d.text, d.dct);
      const { pairs, unpairedGold, unpairedPredicted } = pairDoc(d.timex, preds);
      const ctx = (s: number, e: number) => d.text.slice(Math.max(0, s - 60), e + 40).replace(/\s+/g, " ");
      for (const { gold, predicted } of pairs)
        if (gold.value !== "null" && !valueMatches(predicted.value, gold.value))
          lines.push(
            ["value", d.doc, gold.text, gold.value, predicted.text, predicted.value, predicted.rule, ctx(gold.start, gold.end)].join("\t"),
          );
      for (const g of unpairedGold) lines.push(["miss", d.doc, g.text, g.value, "", "", "", ctx(g.start, g.end)].join("\t"));
      for (const p of unpairedPredicted) lines.push(["extra", d.doc, "", "", p.text, p.value, p.rule, ctx(p.start, p.end)].join("\t"));
    }
    writeFileSync(out, lines.join("\n") + "\n");
  }
}

if (process.argv[1] && /wikiwars-run\.[tj]s$/.test(process.argv[1])) main();
