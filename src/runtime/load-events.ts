import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cachedResource, type ResourceCacheOptions } from "./resource-cache.js";
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

/** Reads and validates the events stage's data files (data/events/), including references between them. */
/** Reads and validates the events stage's data files (data/events/), or reads them from the resource cache. */
export function loadEventsResources(dataDir: string, cache?: ResourceCacheOptions): EventsResources {
  return cachedResource(dataDir, cache, {
    name: "events",
    data: ["events"],
    load: () => readEventsData(dataDir),
    encode: (r) => r,
    decode: (d) => d as EventsResources,
  });
}

function readEventsData(dataDir: string): EventsResources {
  const resources: EventsResources = {
    plover: readJson(dataDir, "plover.json", ploverFileSchema),
    cameo: readJson(dataDir, "cameo.json", cameoFileSchema),
    verbs: readJson(dataDir, "verbs.json", verbsFileSchema),
    nouns: readJson(dataDir, "nouns.json", nounsFileSchema),
    phrases: readJson(dataDir, "phrases.json", phrasesFileSchema),
    acled: readJson(dataDir, "acled.json", acledFileSchema),
  };
  const problems = checkReferences(resources);
  if (problems.length > 0) throw new Error(`${join(dataDir, "events")}: inconsistent events data:\n  ${problems.join("\n  ")}`);
  return resources;
}

/** Every CAMEO code used must be labelled in cameo.json, every synonym set defined, every mode known to its type. */
export function checkReferences(r: EventsResources): string[] {
  const problems: string[] = [];
  const codes = r.cameo.codes;
  const modes = new Map(r.plover.types.map((t) => [t.type, new Set(t.modes)] as const));
  const checkCode = (where: string, code: string | null | undefined) => {
    if (code && !codes[code] && !codes[code.slice(0, 3)]) problems.push(`${where}: CAMEO code ${code} is not in cameo.json`);
  };
  const checkMode = (where: string, type: string | null, mode: string | null | undefined) => {
    const known = type ? modes.get(type as never) : undefined;
    if (type && mode && known && known.size > 0 && !known.has(mode))
      problems.push(`${where}: mode "${mode}" is not a mode of ${type} in plover.json`);
  };
  r.nouns.nouns.forEach((n, i) => {
    checkCode(`nouns.json nouns[${i}] "${n.lemma}"`, n.cameo);
    checkMode(`nouns.json nouns[${i}] "${n.lemma}"`, n.type, n.mode);
  });
  r.phrases.phrases.forEach((p, i) => {
    checkCode(`phrases.json phrases[${i}] "${p.verb}"`, p.cameo);
    checkMode(`phrases.json phrases[${i}] "${p.verb}"`, p.type, p.mode);
    if (!p.suppress && p.type === null) problems.push(`phrases.json phrases[${i}] "${p.verb}": no type and not suppress`);
  });
  const sets = new Set(Object.keys(r.verbs.sets));
  r.verbs.blocks.forEach((b) => {
    for (const p of b.patterns) {
      for (const item of [...(p.pre ?? []), ...(p.post ?? [])])
        if (item.startsWith("&") && !sets.has(item)) problems.push(`verbs.json block "${b.name}": unknown set ${item}`);
    }
  });
  return problems;
}
