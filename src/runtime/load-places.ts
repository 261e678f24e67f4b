import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { PlacesResources } from "../stages/places/index.js";
import {
  buildGazetteer,
  type Admin1Row,
  type AliasRow,
  type CityRow,
  type CountryRow,
  type GazetteerInput,
  type SiteRow,
  type StopRow,
} from "../stages/places/gazetteer.js";

/**
 * Reads data/places/*.tsv (see data/README.md, "places"), validates them and builds the
 * gazetteer. The curated files are checked row by row with zod; the ~28k generated city
 * rows are checked with the same schema (about 30 ms), so a bad rebuild fails loudly.
 */

const list = z.string().transform((s) => (s.trim() ? s.split("|").map((x) => x.trim()) : []));
const num = z.coerce.number().refine(Number.isFinite, "not a number");
const lat = num.refine((v) => v >= -90 && v <= 90, "latitude out of range");
const lon = num.refine((v) => v >= -180 && v <= 180, "longitude out of range");
const iso3 = z.string().regex(/^[A-Z]{3}$/);
const precision = z.enum(["country", "admin1", "admin2", "city", "district", "site", "region"]);

const CountrySchema = z.object({
  iso3,
  iso2: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(2),
  lat,
  lon,
  aliases: list,
  demonyms: list,
});
const Admin1Schema = z.object({ country: iso3, name: z.string().min(2), lat, lon, aliases: list, code: z.string().optional() });
const CitySchema = z.object({
  geonameId: z.coerce.number().int().positive(),
  name: z.string().min(1),
  country: iso3,
  featureCode: z.string().regex(/^[A-Z0-9]{3,6}$/),
  admin1: z.string(),
  population: z.coerce.number().int().nonnegative(),
  lat,
  lon,
});
const SiteSchema = z.object({
  name: z.string().min(2),
  country: z
    .string()
    .transform((s) => (s.trim() ? s.trim() : null))
    .pipe(iso3.nullable()),
  lat,
  lon,
  precision,
  aliases: list,
  prior: z.coerce.number().int().min(0).max(10),
  radius: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? Number(v) : undefined))
    .pipe(z.number().positive().max(5000).optional()),
});
const AliasSchema = z.object({ alias: z.string().min(2), name: z.string().min(1), country: iso3 });
const StopSchema = z.object({ word: z.string().min(1), policy: z.enum(["never", "context"]) });

/** Parses a TSV with "#" comment lines and a header row into validated records. */
export function readTsv<T>(path: string, schema: z.ZodType<T>): T[] {
  const text = readFileSync(path, "utf8");
  const rows: T[] = [];
  let header: string[] | null = null;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (!line || line.startsWith("#")) continue;
    const cells = line.split("\t");
    if (!header) {
      header = cells;
      continue;
    }
    const record: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) record[header[c]] = cells[c] ?? "";
    const parsed = schema.safeParse(record);
    if (!parsed.success)
      throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    rows.push(parsed.data);
  }
  return rows;
}

/** Reads the places data files; throws with file and line on a malformed row. */
export function readPlacesData(dataDir: string): GazetteerInput {
  const dir = join(dataDir, "places");
  return {
    countries: readTsv<CountryRow>(join(dir, "countries.tsv"), CountrySchema),
    admin1: readTsv<Admin1Row>(join(dir, "admin1.tsv"), Admin1Schema),
    cities: readTsv<CityRow>(join(dir, "cities.tsv"), CitySchema),
    sites: readTsv<SiteRow>(join(dir, "sites.tsv"), SiteSchema),
    aliases: readTsv<AliasRow>(join(dir, "aliases.tsv"), AliasSchema),
    stoplist: readTsv<StopRow>(join(dir, "stoplist.tsv"), StopSchema),
  };
}

export function loadPlacesResources(dataDir: string): PlacesResources {
  return { gazetteer: buildGazetteer(readPlacesData(dataDir)) };
}
