import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import type { AnomaliesResources } from "../stages/anomalies/index.js";
import {
  ConfusablesFileSchema,
  CountriesFileSchema,
  CuesFileSchema,
  InstitutionsFileSchema,
  RedactionsFileSchema,
} from "../stages/anomalies/resources.js";

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path}: cannot be read as JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** Reads and validates data/anomalies/*.json; throws with the file and the bad entry. */
export function loadAnomaliesResources(dataDir: string): AnomaliesResources {
  const dir = join(dataDir, "anomalies");
  const resources: AnomaliesResources = {
    countries: readJson(join(dir, "countries.json"), CountriesFileSchema),
    confusables: readJson(join(dir, "confusables.json"), ConfusablesFileSchema),
    institutions: readJson(join(dir, "institutions.json"), InstitutionsFileSchema),
    redactions: readJson(join(dir, "redactions.json"), RedactionsFileSchema),
    cues: readJson(join(dir, "cues.json"), CuesFileSchema),
  };
  const known = new Set(resources.countries.countries.map((c) => c.code));
  const seen = new Set<string>();
  for (const c of resources.countries.countries) {
    if (seen.has(c.code)) throw new Error(`${join(dir, "countries.json")}: country ${c.code} appears twice`);
    seen.add(c.code);
  }
  for (const g of resources.confusables.groups)
    for (const c of g.codes) if (!known.has(c)) throw new Error(`${join(dir, "confusables.json")}: ${c} is not in countries.json`);
  return resources;
}
