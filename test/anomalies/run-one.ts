/** Prints the anomalies found in the given files: `npx tsx test/anomalies/run-one.ts <file>...` (a debugging aid). */
import { readFileSync } from "node:fs";
import { createHarness } from "./harness.js";
const h = createHarness();
for (const f of process.argv.slice(2)) {
  const r = h.run(readFileSync(f, "utf8"), "2024-06-01");
  console.log("==", f, r.anomalies.length);
  for (const a of r.anomalies) console.log("  ", a.kind, JSON.stringify(a.text), a.suggestion, a.rule, a.message.slice(0, 150));
}
