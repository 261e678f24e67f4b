/**
 * How often the actors stage finds the countries of the coded sources and targets in two public
 * gold sets (read from ../shared/bench, never copied): PETRARCH-2 validation sentences (CAMEO
 * codes, first three letters = country) and the PLOVER gold standard records (ISO3 + sector).
 * An expected actor counts as found when some mention in the sentence has its country (or IGO/NGO
 * sector); for PLOVER the sector is then checked too (CAMEO COP = our POL).
 *
 *   npx tsx scripts/eval-actors.ts [-v]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createPipeline } from "../src/pipeline/run.js";
import { loadActorsResources } from "../src/runtime/load-actors.js";
import { DATA_DIR, SHARED_BENCH_DIR } from "../src/runtime/paths.js";
import { createActorsStage } from "../src/stages/actors/index.js";
import { createPublishedStage } from "../src/stages/published/index.js";
import { createSegmentStage } from "../src/stages/segment/index.js";

const verbose = process.argv.includes("-v");
const p = createPipeline([createPublishedStage(), createSegmentStage(), createActorsStage(loadActorsResources(DATA_DIR))]);
const isoDate = (d: string | undefined): string | undefined => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);

let need = 0;
let hit = 0;
for (const line of readFileSync(join(SHARED_BENCH_DIR, "petrarch", "UP_PETR2_GSR_validation.jsonl"), "utf8").split("\n")) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { text: string; date: string; expected?: { sourcecode?: string; targetcode?: string }[] };
  const date =
    /^\d{8}$/.test(r.date) && r.date > "19000000" ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}` : "2008-01-01";
  const d = p.run({ text: r.text, published: date });
  const got = new Set((d.layers.mentions ?? []).map((m) => m.country ?? (m.sector === "IGO" ? "IGO" : "---")));
  const want = new Set<string>();
  for (const e of r.expected ?? []) for (const c of [e.sourcecode, e.targetcode]) if (c && !c.startsWith("---")) want.add(c.slice(0, 3));
  for (const c of want) {
    need++;
    if (got.has(c)) hit++;
    else if (verbose) console.log(`PETR MISS ${c}: ${r.text.slice(0, 140)}`);
  }
}
console.log(`PETRARCH-2 validation: ${hit}/${need} expected actor countries found (${((100 * hit) / need).toFixed(1)}%)`);

need = 0;
hit = 0;
let sectorNeed = 0;
let sectorHit = 0;
type Actor = { actorText?: string; code?: string; sector?: string };
const records = JSON.parse(readFileSync(join(SHARED_BENCH_DIR, "plover", "PLOVER_GSR_CAMEO.json"), "utf8")) as Record<string, unknown>[];
for (const r of records) {
  if (typeof r.text !== "string") continue;
  const d = p.run({ text: r.text, published: isoDate(r.date as string | undefined) ?? "2000-01-01" });
  const ms = d.layers.mentions ?? [];
  for (const k of ["source", "target"]) {
    const v = r[k];
    const list = (Array.isArray(v) ? v : v ? [v] : []) as Actor[];
    for (const a of list) {
      if (typeof a !== "object" || !a.code) continue;
      const code = a.code.slice(0, 3);
      need++;
      const match = ms.filter((m) => m.country === code || ((code === "IGO" || code === "NGO") && m.sector === code));
      if (match.length > 0) hit++;
      else if (verbose) console.log(`PLOVER MISS ${code} "${a.actorText}": ${r.text.slice(0, 120)}`);
      if (a.sector && /^[A-Z]{3}/.test(a.sector) && match.length > 0) {
        sectorNeed++;
        const s = a.sector.slice(0, 3).replace("COP", "POL");
        if (match.some((m) => m.sector === s)) sectorHit++;
        else if (verbose) console.log(`PLOVER SECTOR ${s} "${a.actorText}": ${match.map((m) => `${m.text}:${m.sector}`).join(", ")}`);
      }
    }
  }
}
console.log(
  `PLOVER gold: ${hit}/${need} expected actor countries found (${((100 * hit) / need).toFixed(1)}%); ` +
    `sector right for ${sectorHit}/${sectorNeed} of those (${((100 * sectorHit) / sectorNeed).toFixed(1)}%)`,
);
