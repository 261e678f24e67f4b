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
  return makeGazetteer(
    (key) => index.get(key),
    () => index,
    size,
    {
      demonyms,
      stoplist,
      abbreviations,
      countries,
      radiusKm,
      maxTokens: Math.min(maxTokens, 10),
      unresolvedAliases,
    },
  );
}

/** Each gazetteer's whole name index (made on demand), for `gazetteerToData`. */
const INDEX = new WeakMap<Gazetteer, () => Iterable<readonly [string, readonly NameHit[]]>>();

function makeGazetteer(
  lookup: Gazetteer["lookup"],
  names: () => Iterable<readonly [string, readonly NameHit[]]>,
  size: number,
  rest: Omit<Gazetteer, "lookup" | "size">,
): Gazetteer {
  const g: Gazetteer = { lookup, ...rest, size };
  INDEX.set(g, names);
  return g;
}

/**
 * A gazetteer as JSON-compatible data (for the runtime's resource cache): each entry once, every map
 * as [key, value] pairs in its order, entries referred to by their position; a name's hits as
 * position * 2 + 1 when case-sensitive (one number, or a list when there are several). Each entry is
 * the JSON text of its values under a shared list of keys (`shapes`), read only when a name that
 * leads to it is looked up.
 */
export interface GazetteerData {
  readonly shapes: readonly (readonly string[])[];
  /** JSON of [shape index, ...values in the shape's key order]. */
  readonly entries: readonly string[];
  readonly keys: readonly string[];
  readonly hits: readonly (number | readonly number[])[];
  readonly size: number;
  readonly demonyms: readonly (readonly [string, string])[];
  readonly stoplist: readonly (readonly [string, StopPolicy])[];
  readonly abbreviations: readonly (readonly [string, number])[];
  readonly countries: readonly (readonly [string, number])[];
  readonly radiusKm: readonly (readonly [string, number])[];
  readonly maxTokens: number;
  readonly unresolvedAliases: readonly string[];
}

export function gazetteerToData(g: Gazetteer): GazetteerData {
  const names = INDEX.get(g);
  if (!names) throw new Error("not a gazetteer made by buildGazetteer or gazetteerFromData");
  const entries: GazetteerEntry[] = [];
  const at = new Map<GazetteerEntry, number>();
  const ref = (e: GazetteerEntry): number => {
    let i = at.get(e);
    if (i === undefined) {
      i = entries.length;
      entries.push(e);
      at.set(e, i);
    }
    return i;
  };
  const keys: string[] = [];
  const hits: (number | number[])[] = [];
  for (const [k, list] of names()) {
    keys.push(k);
    const codes = list.map((h) => ref(h.entry) * 2 + (h.caseSensitive ? 1 : 0));
    hits.push(codes.length === 1 ? codes[0] : codes);
  }
  const abbreviations = [...g.abbreviations].map(([k, e]) => [k, ref(e)] as const);
  const countries = [...g.countries].map(([k, e]) => [k, ref(e)] as const);
  const shapes: string[][] = [];
  const shapeAt = new Map<string, number>();
  const rows = entries.map((e) => {
    const fields = Object.keys(e);
    const sig = fields.join(",");
    let shape = shapeAt.get(sig);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push(fields);
      shapeAt.set(sig, shape);
    }
    return JSON.stringify([shape, ...fields.map((f) => (e as unknown as Record<string, unknown>)[f])]);
  });
  return {
    shapes,
    entries: rows,
    keys,
    hits,
    size: g.size,
    demonyms: [...g.demonyms],
    stoplist: [...g.stoplist],
    abbreviations,
    countries,
    radiusKm: [...g.radiusKm],
    maxTokens: g.maxTokens,
    unresolvedAliases: g.unresolvedAliases,
  };
}

/** The gazetteer `gazetteerToData` described; entries and hit lists are made on first look-up (each once). */
export function gazetteerFromData(d: GazetteerData): Gazetteer {
  const entries: (GazetteerEntry | undefined)[] = new Array(d.entries.length);
  const entry = (i: number): GazetteerEntry => {
    let e = entries[i];
    if (e === undefined) {
      const row = JSON.parse(d.entries[i]) as unknown[];
      const fields = d.shapes[row[0] as number];
      const o: Record<string, unknown> = {};
      for (let f = 0; f < fields.length; f++) o[fields[f]] = row[f + 1];
      e = o as unknown as GazetteerEntry;
      entries[i] = e;
    }
    return e;
  };
  const codesOf = new Map<string, number | readonly number[]>();
  for (let i = 0; i < d.keys.length; i++) codesOf.set(d.keys[i], d.hits[i]);
  const made = new Map<string, NameHit[]>();
  const lookup = (key: string): NameHit[] | undefined => {
    // (Most look-ups miss: the codes first.)
    const codes = codesOf.get(key);
    if (codes === undefined) return undefined;
    let list = made.get(key);
    if (list === undefined) {
      const all = typeof codes === "number" ? [codes] : codes;
      list = all.map((c) => ({ entry: entry(c >> 1), caseSensitive: (c & 1) === 1 }));
      made.set(key, list);
    }
    return list;
  };
  return makeGazetteer(lookup, () => d.keys.map((k) => [k, lookup(k)!] as const), d.size, {
    demonyms: new Map(d.demonyms),
    stoplist: new Map(d.stoplist),
    abbreviations: new Map(d.abbreviations.map(([k, i]) => [k, entry(i)] as const)),
    countries: new Map(d.countries.map(([k, i]) => [k, entry(i)] as const)),
    radiusKm: new Map(d.radiusKm),
    maxTokens: d.maxTokens,
    unresolvedAliases: d.unresolvedAliases,
  });
}
