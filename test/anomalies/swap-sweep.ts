/**
 * Plants one swap at a time at every occurrence of a country word and reports how many
 * are caught: `npx tsx test/anomalies/swap-sweep.ts <file> <from> <to> [<from> <to> ...]`,
 * e.g. `... seed-article.txt Iraq Iran Iraqi Iranian`. A measure of recall on swaps at
 * arbitrary positions (not only the ones we chose to plant), and of false alarms elsewhere.
 */
import { readFileSync } from "node:fs";
import { createHarness } from "./harness.js";

const [file, ...pairs] = process.argv.slice(2);
if (!file || pairs.length < 2 || pairs.length % 2) {
  process.stderr.write("usage: swap-sweep.ts <file> <from> <to> [<from> <to> ...]\n");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
const h = createHarness();
const baseline = new Set(h.run(text, "2024-06-01").anomalies.map((a) => `${a.kind}:${a.start}`));
let planted = 0;
let caught = 0;
let extra = 0;
for (let p = 0; p < pairs.length; p += 2) {
  const [from, to] = [pairs[p], pairs[p + 1]];
  const re = new RegExp(`(?<![\\p{L}])${from}(?![\\p{L}])`, "gu");
  for (const m of text.matchAll(re)) {
    const variant = text.slice(0, m.index) + to + text.slice(m.index + from.length);
    const shift = to.length - from.length;
    const found = h.run(variant, "2024-06-01").anomalies;
    planted++;
    const hit = found.find((a) => a.kind === "entity-swap" && a.start === m.index);
    if (hit) caught++;
    const others = found.filter((a) => a !== hit && !baseline.has(`${a.kind}:${a.start > m.index ? a.start - shift : a.start}`));
    extra += others.length;
    const line = text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " ");
    process.stdout.write(`${hit ? "caught" : "missed"}  ${from}->${to} at ${m.index}: ...${line}...${hit ? ` (${hit.rule})` : ""}\n`);
    for (const o of others) process.stdout.write(`        also: ${o.kind} "${o.text}" (${o.rule})\n`);
  }
}
process.stdout.write(`\n${caught}/${planted} single swaps caught; ${extra} other new anomalies\n`);
