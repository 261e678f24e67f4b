import { readFileSync } from "node:fs";
import { join } from "node:path";
import { quantitiesLexiconSchema } from "../stages/quantities/schema.js";
import type { QuantitiesResources } from "../stages/quantities/index.js";

/** Reads and validates the quantities stage's lexicon (data/quantities/lexicon.json). */
export function loadQuantitiesResources(dataDir: string): QuantitiesResources {
  const path = join(dataDir, "quantities", "lexicon.json");
  const parsed = quantitiesLexiconSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: invalid quantities lexicon: ${parsed.error.message}`);
  return { lexicon: parsed.data };
}
