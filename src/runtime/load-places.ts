import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { PlacesResources } from "../stages/places/index.js";
import { cachedResource, type ResourceCacheOptions } from "./resource-cache.js";
import {
  buildGazetteer,
  gazetteerFromData,
  gazetteerToData,
  type GazetteerData,
  type Admin1Row,
  type AbbreviationRow,
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
 * rows by a hand-written check of the same rules (see readCities), so a bad rebuild fails loudly.
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
const AbbreviationSchema = z.object({ abbreviation: z.string().min(2).max(6), name: z.string().min(2), country: iso3 });
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

const CITY_COLUMNS = ["geonameId", "name", "country", "featureCode", "admin1", "population", "lat", "lon"];

/**
 * The generated cities file (~28k rows) is checked column by column by hand: the same rules
 * as CitySchema, at a tenth of the cost (start-up time matters; the data tests run the full
 * zod schema over every row).
 */
export function readCities(path: string): CityRow[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const rows: CityRow[] = [];
  let header = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.startsWith("#")) continue;
    const f = line.split("\t");
    if (!header) {
      if (f.join(",") !== CITY_COLUMNS.join(",")) throw new Error(`${path}:${i + 1}: expected columns ${CITY_COLUMNS.join(", ")}`);
      header = true;
      continue;
    }
    const geonameId = Number(f[0]);
    const population = Number(f[5]);
    const lat = Number(f[6]);
    const lon = Number(f[7]);
    const bad =
      f.length !== 8
        ? "expected 8 columns"
        : !Number.isInteger(geonameId) || geonameId <= 0
          ? "geonameId"
          : !f[1]
            ? "name"
            : !/^[A-Z]{3}$/.test(f[2])
              ? "country"
              : !/^[A-Z0-9]{3,6}$/.test(f[3])
                ? "featureCode"
                : !Number.isInteger(population) || population < 0
                  ? "population"
                  : !(lat >= -90 && lat <= 90)
                    ? "lat"
                    : !(lon >= -180 && lon <= 180)
                      ? "lon"
                      : null;
    if (bad) throw new Error(`${path}:${i + 1}: invalid ${bad}`);
    rows.push({ geonameId, name: f[1], country: f[2], featureCode: f[3], admin1: f[4], population, lat, lon });
  }
  return rows;
}

/** Full zod validation of the cities file (slow; for data tests and lint). */
export function validateCitiesWithSchema(path: string): number {
  return readTsv<CityRow>(path, CitySchema).length;
}

/** Reads the places data files; throws with file and line on a malformed row. */
export function readPlacesData(dataDir: string): GazetteerInput {
  const dir = join(dataDir, "places");
  return {
    countries: readTsv<CountryRow>(join(dir, "countries.tsv"), CountrySchema),
    admin1: readTsv<Admin1Row>(join(dir, "admin1.tsv"), Admin1Schema),
    cities: readCities(join(dir, "cities.tsv")),
    sites: readTsv<SiteRow>(join(dir, "sites.tsv"), SiteSchema),
    aliases: readTsv<AliasRow>(join(dir, "aliases.tsv"), AliasSchema),
    stoplist: readTsv<StopRow>(join(dir, "stoplist.tsv"), StopSchema),
    abbreviations: readTsv<AbbreviationRow>(join(dir, "abbreviations.tsv"), AbbreviationSchema),
  };
}

/** The places stage's resources: the gazetteer, built from data/places/ or read from the resource cache. */
export function loadPlacesResources(dataDir: string, cache?: ResourceCacheOptions): PlacesResources {
  const gazetteer = cachedResource(dataDir, cache, {
    name: "places",
    data: ["places"],
    load: () => buildGazetteer(readPlacesData(dataDir)),
    encode: gazetteerToData,
    decode: (d) => gazetteerFromData(d as GazetteerData),
  });
  if (gazetteer.unresolvedAliases.length > 0)
    throw new Error(`${join(dataDir, "places")}: aliases with no target in the gazetteer: ${gazetteer.unresolvedAliases.join("; ")}`);
  return { gazetteer };
}
