import { readFileSync } from "node:fs";
import { createHarness } from "/work/main/test/anomalies/harness.js";
const h = createHarness();
for (const f of process.argv.slice(2)) {
  const r = h.run(readFileSync(f, "utf8"), "2024-06-01");
  console.log("==", f, r.anomalies.length);
  for (const a of r.anomalies) console.log("  ", a.kind, JSON.stringify(a.text), a.suggestion, a.rule, a.message.slice(0, 150));
}
