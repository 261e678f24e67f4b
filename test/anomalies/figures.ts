/** Prints the anomalies stage's figures on the test articles: `npx tsx test/anomalies/figures.ts`. */
import { createHarness, score } from "./harness.js";

const h = createHarness();
const f = score(h);
for (const p of new Set(h.problems)) process.stdout.write(`note: ${p}\n`);
process.stdout.write(
  `clean articles: ${f.cleanArticles}, with any anomaly: ${f.cleanWithAlarms} (false alarms: ${f.cleanAlarms})\n` +
    `planted articles: ${f.plantedArticles}, planted anomalies: ${f.plants}, found: ${f.found}, missed: ${f.missed.length}\n` +
    `false alarms in total (clean + unplanted flags in planted articles): ${f.falseAlarms.length}\n`,
);
for (const m of f.missed) process.stdout.write(`  missed: ${m}\n`);
for (const x of f.falseAlarms) process.stdout.write(`  false alarm: ${x}\n`);
