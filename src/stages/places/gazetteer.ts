import type { GeoPrecision } from "../../model/annotations.js";
import { haversineKm } from "./geometry.js";
import { placeKey, withoutArticle } from "./normalize.js";

/** What kind of gazetteer record a name points to; decides priors and context rules. */
export type EntryKind = "country" | "admin1" | "city" | "site";

/** One place the gazetteer knows. */
export interface GazetteerEntry {
  /** Stable identity of the place ("geonames:98182", "country:IRQ", "admin1:IRQ:anbar", "site:al-tanf"). */
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-3, null for areas spanning several countries. */
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly precision: GeoPrecision;
  readonly kind: EntryKind;
  readonly geonameId?: number;
  readonly population: number;
  /** GeoNames feature code for cities (PPLC, PPLA, ...). */
  readonly featureCode?: string;
  /** GeoNames admin1 code of a city, or the code of an admin1 entry where known (US states). */
  readonly admin1?: string;
  /** 0-10 for curated entries: how likely the bare name is a place. */
  readonly prior: number;
  /** Extent in km when curated (sites), used to place "northern X". */
  readonly radiusKm?: number;
}

/** A name under which an entry is found; some short all-caps aliases match only when written in capitals ("US", "DRC"). */
export interface NameHit {
  readonly entry: GazetteerEntry;
  readonly caseSensitive: boolean;
}

/** Input rows, already parsed and validated by the loader. */
export interface CountryRow {
  readonly iso3: string;
  readonly iso2: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly aliases: readonly string[];
  readonly demonyms: readonly string[];
}
export interface Admin1Row {
  readonly country: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly aliases: readonly string[];
  readonly code?: string;
}
export interface CityRow {
  readonly geonameId: number;
  readonly name: string;
  readonly country: string;
  readonly featureCode: string;
  readonly admin1: string;
  readonly population: number;
  readonly lat: number;
  readonly lon: number;
}
export interface SiteRow {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly precision: GeoPrecision;
  readonly aliases: readonly string[];
  readonly prior: number;
  readonly radius?: number;
}
export interface AliasRow {
  readonly alias: string;
  readonly name: string;
  readonly country: string;
}
/** "never": not a place when alone (months, "Sunni"); "context": a place only with locative context ("Reading", "Mobile"). */
export type StopPolicy = "never" | "context";
export interface StopRow {
  readonly word: string;
  readonly policy: StopPolicy;
}

export interface AbbreviationRow {
  readonly abbreviation: string;
  readonly name: string;
  readonly country: string;
}

export interface GazetteerInput {
  readonly countries: readonly CountryRow[];
  readonly admin1: readonly Admin1Row[];
  readonly cities: readonly CityRow[];
  readonly sites: readonly SiteRow[];
  readonly aliases: readonly AliasRow[];
  readonly stoplist: readonly StopRow[];
  readonly abbreviations?: readonly AbbreviationRow[];
}

export interface Gazetteer {
  /** Entries under a normalised key (see placeKey). */
  lookup(key: string): readonly NameHit[] | undefined;
  /** Demonym/adjective key -> ISO3 ("iraqi" -> "IRQ"). */
  readonly demonyms: ReadonlyMap<string, string>;
  readonly stoplist: ReadonlyMap<string, StopPolicy>;
  /** Admin1 abbreviations read only as a qualifier after a comma, keyed exactly as written ("N.J.", "Va.", "TX"). */
  readonly abbreviations: ReadonlyMap<string, GazetteerEntry>;
  readonly countries: ReadonlyMap<string, GazetteerEntry>;
  /** Typical extent of each country (km): RMS distance of its towns from its centre, bounded to 20-1500. */
  readonly radiusKm: ReadonlyMap<string, number>;
  /** Longest name in tokens, bounds the candidate window. */
  readonly maxTokens: number;
  readonly size: number;
  /** Aliases whose target is not in the gazetteer (a data error, reported by data lint and tests). */
  readonly unresolvedAliases: readonly string[];
}

/** Suffixes of admin1 names; every admin1 entry is also found under "<core> <suffix>" for each of them. */
const ADMIN_SUFFIXES = ["governorate", "province", "oblast", "region", "state", "krai"];
const ADMIN_SUFFIX_RE = / (?:governorate|province|oblast|region|state|krai)$/;

function slug(s: string): string {
  return placeKey(s).replace(/ /g, "-");
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Countries whose GeoNames town names carry a separate Arabic article ("Al Fallujah", "Ar Raqqah"). */
const ARABIC_ARTICLE_COUNTRIES = new Set(
  "IRQ SYR YEM SAU ARE OMN QAT KWT BHR JOR LBN PSE ISR EGY LBY TUN DZA MAR MRT SDN SSD TCD SOM DJI ERI IRN AFG PAK".split(" "),
);

/** Builds the name index. Pure: the loader reads and validates the rows. */
export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const index = new Map<string, NameHit[]>();
  let maxTokens = 1;
  const put = (k: string, entry: GazetteerEntry, caseSensitive: boolean): void => {
    const list = index.get(k);
    if (!list) index.set(k, [{ entry, caseSensitive }]);
    else if (list.some((h) => h.entry === entry)) return;
    else list.push({ entry, caseSensitive });
    let spaces = 0;
    for (let at = k.indexOf(" "); at >= 0; at = k.indexOf(" ", at + 1)) spaces++;
    // words + 1: hyphens and apostrophes are tokens of their own
    if (spaces + 2 > maxTokens) maxTokens = spaces + 2;
  };
  /** `cased`: the name may be a short all-capitals alias ("US", "DRC") that only matches in capitals. */
  const add = (name: string, entry: GazetteerEntry, opts: { arabic?: boolean; cased?: boolean } = {}): void => {
    let key = placeKey(name);
    if (key.startsWith("the ")) key = key.slice(4);
    if (!key) return;
    const caseSensitive = opts.cased !== false && name.length <= 8 && isAllCaps(name) && name.replace(/[^\p{L}]/gu, "").length <= 4;
    put(key, entry, caseSensitive);
    if (opts.arabic) {
      const bare = withoutArticle(key);
      if (bare) put(bare, entry, caseSensitive);
    }
  };

  const iso2to3 = new Map<string, string>();
  const countries = new Map<string, GazetteerEntry>();
  const demonyms = new Map<string, string>();
  for (const c of input.countries) {
    iso2to3.set(c.iso2, c.iso3);
    const entry: GazetteerEntry = {
      id: `country:${c.iso3}`,
      name: c.name,
      country: c.iso3,
      lat: c.lat,
      lon: c.lon,
      precision: "country",
      kind: "country",
      population: 0,
      prior: 10,
    };
    countries.set(c.iso3, entry);
    add(c.name, entry);
    for (const a of c.aliases) add(a, entry);
    for (const d of c.demonyms) demonyms.set(placeKey(d), c.iso3);
  }

  const admin1ByName = new Map<string, GazetteerEntry>();
  for (const a of input.admin1) {
    const entry: GazetteerEntry = {
      id: `admin1:${a.country}:${slug(a.name)}`,
      name: a.name,
      country: a.country,
      lat: a.lat,
      lon: a.lon,
      precision: "admin1",
      kind: "admin1",
      population: 0,
      prior: 8,
      ...(a.code ? { admin1: a.code } : {}),
    };
    admin1ByName.set(`${a.name}|${a.country}`, entry);
    for (const n of [a.name, ...a.aliases]) {
      add(n, entry, { arabic: true });
      const key = placeKey(n);
      // "Anbar" is also "Anbar province"/"Anbar Governorate"; "Kirkuk Governorate" is also "Kirkuk province".
      const core = key.replace(ADMIN_SUFFIX_RE, "");
      for (const suffix of ADMIN_SUFFIXES) add(`${core} ${suffix}`, entry, { arabic: true });
    }
  }

  const byNameCountry = new Map<string, GazetteerEntry>();
  const aliasTargets = new Set(input.aliases.map((a) => `${placeKey(a.name)}|${a.country}`));
  const spread = new Map<string, { s: number; n: number }>();
  for (const c of input.cities) {
    const centre = countries.get(c.country);
    if (centre) {
      const d = haversineKm(centre.lat, centre.lon, c.lat, c.lon);
      const acc = spread.get(c.country) ?? { s: 0, n: 0 };
      acc.s += d * d;
      acc.n++;
      spread.set(c.country, acc);
    }
    const entry: GazetteerEntry = {
      id: `geonames:${c.geonameId}`,
      name: c.name,
      country: c.country,
      lat: c.lat,
      lon: c.lon,
      precision: c.featureCode === "PPLX" ? "district" : "city",
      kind: "city",
      geonameId: c.geonameId,
      population: c.population,
      featureCode: c.featureCode,
      admin1: c.admin1,
      prior: 5,
    };
    let key = placeKey(c.name);
    if (key.startsWith("the ")) key = key.slice(4); // "The Hague" is found as "Hague" after "the"/"The"
    put(key, entry, false);
    if (ARABIC_ARTICLE_COUNTRIES.has(c.country)) {
      const bare = withoutArticle(key);
      if (bare) put(bare, entry, false);
    }
    // Alias targets: the most populous place of that name in that country.
    const ck = `${key}|${c.country}`;
    if (aliasTargets.has(ck)) {
      const prev = byNameCountry.get(ck);
      if (!prev || prev.population < c.population) byNameCountry.set(ck, entry);
    }
  }

  for (const s of input.sites) {
    const entry: GazetteerEntry = {
      id: s.precision === "country" ? `country:${s.country}` : `site:${slug(s.name)}`,
      name: s.name,
      country: s.country,
      lat: s.lat,
      lon: s.lon,
      precision: s.precision,
      kind: "site",
      population: 0,
      prior: s.prior,
      ...(s.radius ? { radiusKm: s.radius } : {}),
    };
    for (const n of [s.name, ...s.aliases]) add(n, entry, { arabic: true });
  }

  const unresolvedAliases: string[] = [];
  for (const a of input.aliases) {
    const target = byNameCountry.get(`${placeKey(a.name)}|${a.country}`);
    if (!target) {
      unresolvedAliases.push(`${a.alias} -> ${a.name} (${a.country})`);
      continue;
    }
    add(a.alias, target, { arabic: true });
  }

  const abbreviations = new Map<string, GazetteerEntry>();
  for (const a of input.abbreviations ?? []) {
    const target = admin1ByName.get(`${a.name}|${a.country}`);
    if (target) abbreviations.set(a.abbreviation, target);
    else unresolvedAliases.push(`${a.abbreviation} -> ${a.name} (${a.country})`);
  }

  const stoplist = new Map<string, StopPolicy>();
  for (const s of input.stoplist) stoplist.set(placeKey(s.word), s.policy);
  for (const d of demonyms.keys()) if (!stoplist.has(d)) stoplist.set(d, "never");

  const radiusKm = new Map<string, number>();
  for (const [iso3, { s, n }] of spread) radiusKm.set(iso3, n >= 3 ? Math.max(20, Math.min(1500, Math.sqrt(s / n))) : 50);

  let size = 0;
  for (const list of index.values()) size += list.length;
  return {
    lookup: (key) => index.get(key),
    demonyms,
    stoplist,
    abbreviations,
    countries,
    radiusKm,
    maxTokens: Math.min(maxTokens, 10),
    size,
    unresolvedAliases,
  };
}
