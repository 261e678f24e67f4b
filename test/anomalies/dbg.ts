import { readFileSync } from "node:fs";
import { defaultExtractor } from "../../src/runtime/extractor.js";
const text = readFileSync(process.argv[2], "utf8");
const x = defaultExtractor().extract({ text, published: "2024-06-30" });
for (const m of x.mentions) if (m.country) console.log("mention", m.text, m.kind, m.country, m.start);
for (const p of x.places) console.log("place", p.text, p.country, p.start);
