import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import type { EventsResources } from "../stages/events/index.js";
import {
  acledFileSchema,
  cameoFileSchema,
  nounsFileSchema,
  phrasesFileSchema,
  ploverFileSchema,
  verbsFileSchema,
} from "../stages/events/schema.js";

function readJson<T>(dataDir: string, name: string, schema: z.ZodType<T>): T {
  const path = join(dataDir, "events", name);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: invalid events data: ${parsed.error.message}`);
  return parsed.data;
}

/** Reads and validates the events stage's data files (data/events/). */
export function loadEventsResources(dataDir: string): EventsResources {
  return {
    plover: readJson(dataDir, "plover.json", ploverFileSchema),
    cameo: readJson(dataDir, "cameo.json", cameoFileSchema),
    verbs: readJson(dataDir, "verbs.json", verbsFileSchema),
    nouns: readJson(dataDir, "nouns.json", nounsFileSchema),
    phrases: readJson(dataDir, "phrases.json", phrasesFileSchema),
    acled: readJson(dataDir, "acled.json", acledFileSchema),
  };
}
