/**
 * Plants one swap at a time at every occurrence of a country word and reports how many
 * are caught: `npx tsx test/anomalies/swap-sweep.ts <file> <from> <to> [<from> <to> ...]`,
 * e.g. `... seed-article.txt Iraq Iran Iraqi Iranian`. Without arguments it runs the fixed
 * set below. A measure of recall on swaps at arbitrary positions (not only the ones we
 * chose to plant), and of false alarms they cause elsewhere.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ARTICLES, createHarness, sweep } from "./harness.js";

const ROOT = join(ARTICLES, "..", "..", "..");
const SET: [string, string[]][] = [
  [join(ROOT, "..", "shared", "corpus", "seed-article.txt"), ["Iraq", "Iran", "Iraqi", "Iranian"]],
  [join(ROOT, "test", "golden", "sahel-niger", "input.txt"), ["Niger", "Nigeria", "Nigerien", "Nigerian"]],
  [join(ROOT, "examples", "articles", "10-talks-begin-jan27.txt"), ["Iraq", "Iran", "Iraqi", "Iranian"]],
  [join(ROOT, "examples", "articles", "19-troops-analysis-feb10.txt"), ["Iraq", "Iran", "Iraqi", "Iranian"]],
  [join(ARTICLES, "clean", "iraq-us-iran-talks.txt"), ["Iraq", "Iran", "Iraqi", "Iranian"]],
  [join(ARTICLES, "clean", "austria-gas.txt"), ["Austria", "Australia", "Austrian", "Australian"]],
  [join(ARTICLES, "clean", "slovakia-protests.txt"), ["Slovakia", "Slovenia", "Slovak", "Slovene"]],
  [join(ARTICLES, "clean", "guinea-election.txt"), ["Guinea", "Equatorial Guinea"]],
  [join(ARTICLES, "clean", "drc-goma.txt"), ["DR Congo", "Republic of the Congo", "Democratic Republic of Congo", "Republic of Congo"]],
  [join(ARTICLES, "clean", "dominican-haiti-border.txt"), ["Dominican Republic", "Dominica"]],
  [join(ARTICLES, "clean", "nigeria-fuel-subsidy.txt"), ["Nigeria", "Niger", "Nigerian", "Nigerien"]],
  [join(ARTICLES, "clean", "sudan-rsf-recruits.txt"), ["Sudan", "South Sudan", "Sudanese", "South Sudanese"]],
];

const h = createHarness();
const args = process.argv.slice(2);
const runs: [string, string[]][] = args.length ? [[args[0], args.slice(1)]] : SET;
let planted = 0;
let caught = 0;
let extra = 0;
for (const [file, words] of runs) {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < words.length; i += 2) pairs.push([words[i], words[i + 1]]);
  const r = sweep(h, readFileSync(file, "utf8"), pairs);
  planted += r.planted;
  caught += r.caught;
  extra += r.extra;
  if (args.length) for (const l of r.lines) process.stdout.write(`${l}\n`);
  process.stdout.write(`${relative(ROOT, file)}: ${r.caught}/${r.planted} caught, ${r.extra} other new anomalies\n`);
}
for (const p of new Set(h.problems)) process.stdout.write(`note: ${p}\n`);
process.stdout.write(`\nsingle swaps caught: ${caught}/${planted}; other new anomalies: ${extra}\n`);
