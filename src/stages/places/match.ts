import type { Token } from "../../model/annotations.js";
import type { Context } from "./context.js";
import type { Gazetteer, GazetteerEntry, NameHit } from "./gazetteer.js";
import { haversineKm } from "./geometry.js";
import { placeKey } from "./normalize.js";
import {
  HYPHENS,
  attached,
  COMPASS,
  FACILITY_WORDS,
  FUNCTION_WORDS,
  isAllCapsWord,
  isCapitalised,
  nameish,
  sentenceInitial,
  TEMPORAL,
} from "./words.js";

/** Name candidates and the decisions about them: longer names, datelines, qualifiers, homonyms, priors and containment. */

/**
 * A dateline: an all-capitals name opening a sentence ("BAGHDAD (AP) -", "WASHINGTON, April 5",
 * "MEXICO CITY (AP)"): always a place.
 */
export function isDateline(tokens: readonly Token[], m: Match): boolean {
  if (!sentenceInitial(tokens, m.first)) return false;
  const surface = tokens
    .slice(m.first, m.last + 1)
    .map((t) => t.text)
    .join("");
  if (!isAllCapsWord(surface) || surface.replace(/[^\p{L}]/gu, "").length < 4) return false;
  const n = tokens[m.last + 1];
  return !n || n.sentence !== m.sentence || n.kind === "punctuation" || !isAllCapsWord(n.text);
}

/** Entries that could be someone's surname: towns and minor sites, not countries, regions or big cities. */
export function mayBeSurname(e: GazetteerEntry): boolean {
  if (e.kind === "country" || e.kind === "admin1") return false;
  if (e.kind === "site") return e.prior < 9;
  return e.population < 500_000 && e.featureCode !== "PPLC" && e.featureCode !== "PPLA";
}

export interface Match {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly hits: readonly NameHit[];
  /** The name is covered by a country actor mention. */
  readonly countryMention: boolean;
  readonly sentence: number;
}

export interface Accepted {
  readonly m: Match;
  readonly ctx: Context;
  entry: GazetteerEntry;
  readonly qualifies?: Match;
  readonly qualifiedBy?: Match;
  /** Resolved by its qualifier alone; the coherence pass leaves it. */
  readonly fixed?: boolean;
}

/** A place already resolved in the article, pulling ambiguous names towards it. */
export interface Anchor {
  readonly key: string;
  readonly lat: number;
  readonly lon: number;
  /** Not itself a possible stray homonym (a small town of a country the article never mentions). */
  readonly trusted: boolean;
}

export const NEIGHBOURHOOD_KM = 300;

/**
 * A small foreign town far from everything else the article names, in a country it never
 * mentions ("Fano militias" in Ethiopia, "Lido beach" in Mogadishu): a homonym, not the town.
 */
export function isolated(a: Accepted, anchors: readonly Anchor[], evidence: ReadonlyMap<string, number>): boolean {
  const e = a.entry;
  if (e.kind !== "city" || e.population >= 200_000 || e.featureCode === "PPLC" || a.qualifies || a.qualifiedBy) return false;
  if (e.country && evidence.has(e.country)) return false;
  let others = 0;
  for (const x of anchors) {
    if (x.key === a.m.key || !x.trusted) continue;
    others++;
    if (haversineKm(x.lat, x.lon, e.lat, e.lon) <= 1500) return false;
  }
  return others >= 2;
}

export const ABBREVIATION_AFTER = /^,\s{1,2}([A-Z][A-Za-z.]{0,5})(?=[\s,;:)"'’]|$)/;

/** Inserts qualifier matches for admin1 abbreviations that follow a name of a place inside that admin1. */
export function addAbbreviations(text: string, tokens: readonly Token[], matches: Match[], gz: Gazetteer): void {
  const added: Match[] = [];
  for (const m of matches) {
    const mm = ABBREVIATION_AFTER.exec(text.slice(m.end, m.end + 12));
    if (!mm) continue;
    let abbr = mm[1];
    let entry = gz.abbreviations.get(abbr);
    if (!entry && abbr.endsWith(".")) {
      abbr = abbr.slice(0, -1);
      entry = gz.abbreviations.get(abbr);
    }
    // Postal codes ("NJ") need a namesake inside; AP forms with a dot ("N.J.", "Va.") are distinctive enough alone.
    if (!entry || (!abbr.includes(".") && !m.hits.some((h) => contains(entry!, h.entry)))) continue;
    const start = m.end + mm[0].length - mm[1].length;
    const end = start + abbr.length;
    let first = m.last + 1;
    while (first < tokens.length && tokens[first].end <= start) first++;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
    if (first >= tokens.length || tokens[first].start > start) continue;
    added.push({
      first,
      last,
      start,
      end,
      key: `abbr:${abbr}`,
      hits: [{ entry, caseSensitive: true }],
      countryMention: false,
      sentence: m.sentence,
    });
  }
  if (added.length === 0) return;
  matches.push(...added);
  matches.sort((a, b) => a.start - b.start);
}

/** An unknown place known only to lie in `area` (its qualifier): the area's point and precision, the name as written. */
export function withinArea(text: string, m: Match, area: GazetteerEntry): GazetteerEntry {
  const name = text.slice(m.start, m.end);
  return {
    id: `within:${area.id}:${m.key.replace(/ /g, "-")}`,
    name,
    country: area.country,
    lat: area.lat,
    lon: area.lon,
    precision: area.precision,
    kind: "site",
    population: 0,
    prior: 0,
  };
}

export const MAX_UNKNOWN_NOTES = 10;

export const UNKNOWN_PREP = new Set(["in", "near", "outside", "at"]);

/**
 * "clashes in Barsalogho": a capitalised name right after "in"/"near"/"outside"/"at" that the
 * gazetteer does not know, reported as a note (an expected miss, not an error).
 */
export function unknownAfterLocative(
  text: string,
  tokens: readonly Token[],
  i: number,
  blocked: Uint8Array,
  gz: Gazetteer,
): { text: string; start: number; end: number; last: number } | null {
  let prev = tokens[i - 1];
  if (prev?.norm === "the" && i >= 2) prev = tokens[i - 2];
  if (!prev || prev.sentence !== tokens[i].sentence || !UNKNOWN_PREP.has(prev.norm) || !isCapitalised(tokens[i].text)) return null;
  let last = i;
  // Capitalised words only (hyphen-joined allowed): "Zorgho", "Ras Kamboni", "Bir al-Abd".
  while (
    last - i < 4 &&
    last + 1 < tokens.length &&
    tokens[last + 1].sentence === tokens[i].sentence &&
    nameish(tokens, last + 1) &&
    (isCapitalised(tokens[last + 1].text) || HYPHENS.has(tokens[last + 1].text) || attached(tokens, last, last + 1))
  )
    last++;
  while (last > i && !isCapitalised(tokens[last].text)) last--;
  for (let x = i; x <= last; x++) if (blocked[x] !== 0) return null;
  const start = tokens[i].start;
  const end = tokens[last].end;
  const key = placeKey(text.slice(start, end));
  if (gz.stoplist.has(key) || gz.demonyms.has(key) || TEMPORAL.test(tokens[i].text) || isAllCapsWord(tokens[i].text)) return null;
  const after = tokens[last + 1];
  if (after && after.sentence === tokens[i].sentence && after.kind === "word" && isCapitalised(after.text)) return null;
  return { text: text.slice(start, end), start, end, last };
}

/** Prior plausibility of an entry independent of context (see the ranking notes above). */
export function prior(e: GazetteerEntry): number {
  switch (e.kind) {
    case "country":
      return 62;
    case "admin1":
      return 32;
    case "site":
      return e.prior * 5;
    case "city": {
      const fc = e.featureCode ?? "";
      const bonus = fc === "PPLC" ? 14 : fc === "PPLA" ? 6 : fc === "PPLA2" ? 2 : fc === "PPLX" ? -6 : 0;
      return 4 * Math.log10(e.population + 10) + bonus;
    }
  }
}

/** Whether `area` (a country or admin1 entry) holds `inner`. */
export function contains(area: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (area === inner) return false;
  if (area.kind === "country") return inner.country === area.country && inner.kind !== "country";
  if (area.kind === "admin1") {
    if (inner.country !== area.country) return false;
    if (area.admin1 && inner.admin1) return area.admin1 === inner.admin1;
    return inner.kind === "city" || inner.kind === "site";
  }
  return false;
}

export function isArea(e: GazetteerEntry): boolean {
  return e.kind === "country" || e.kind === "admin1" || e.precision === "region";
}

/** Typical extent (km) of a place, used to scale "eastern X" and "north of X" offsets. */
export function sizeKm(e: GazetteerEntry, radii: ReadonlyMap<string, number>): number {
  if (e.radiusKm) return e.radiusKm;
  switch (e.precision) {
    case "country":
      return radii.get(e.country ?? "") ?? 250;
    case "admin1":
      return 60;
    case "region":
      return 150;
    case "admin2":
      return 25;
    case "city":
      return e.population > 1_000_000 ? 12 : e.population > 100_000 ? 7 : 4;
    case "district":
      return 2;
    case "site":
      return 1.5;
  }
}

/**
 * A name glued to other capitalised words is part of a longer name: "John Kerry",
 * "President Biden", "Washington Post", "Baghdad Operations Command". Exceptions: a
 * function word, demonym, compass word, month or weekday before it, and facility words
 * after it ("Mosul Dam", "Kirkuk Airport").
 */
export function partOfLongerName(tokens: readonly Token[], m: Match, gz: Gazetteer): boolean {
  if (leftGlued(tokens, m, gz)) return true;
  const after = tokens[m.last + 1];
  if (
    after &&
    after.sentence === m.sentence &&
    after.kind === "word" &&
    isCapitalised(after.text) &&
    !attached(tokens, m.last, m.last + 1)
  ) {
    const surface = tokens
      .slice(m.first, m.last + 1)
      .map((t) => t.text)
      .join("");
    const ok =
      FUNCTION_WORDS.has(after.norm) ||
      FACILITY_WORDS.has(after.norm) ||
      TEMPORAL.test(after.text) ||
      isAllCapsWord(after.text) ||
      // an all-capitals dateline before ordinary text ("SAN ANTONIO Turner Sports ...")
      (isAllCapsWord(surface) && surface.length >= 4);
    if (!ok) return true;
  }
  // "St. Peter's Basilica", "St George's Chapel": a possessive inside a longer name. A country
  // before a possessive ("Iraq's Anbar province") is not a place there anyway.
  if (after && (after.norm === "'s" || after.norm === "’s") && attached(tokens, m.last, m.last + 1)) {
    const next = tokens[m.last + 2];
    if (next && next.sentence === m.sentence && next.kind === "word" && isCapitalised(next.text) && !FUNCTION_WORDS.has(next.norm))
      return m.hits.every((h) => h.entry.kind === "city" && h.entry.population < 100_000);
  }
  return false;
}

/** The name follows a capitalised word that is not a function word, demonym, compass word or date word. */
export function leftGlued(tokens: readonly Token[], m: Match, gz: Gazetteer): boolean {
  const before = tokens[m.first - 1];
  if (!before || before.sentence !== m.sentence || before.kind !== "word" || !isCapitalised(before.text)) return false;
  const k = placeKey(before.text);
  return !(FUNCTION_WORDS.has(before.norm) || gz.demonyms.has(k) || COMPASS.test(before.text) || TEMPORAL.test(before.text));
}

/** "MATIAS ROMERO, Oaxaca, Mexico, Wednesday": a country or admin1 after "<Name>," that ends the phrase. */
export function addressTail(tokens: readonly Token[], m: Match): boolean {
  const comma = tokens[m.first - 1];
  const name = tokens[m.first - 2];
  if (!comma || !name || comma.text !== "," || name.sentence !== m.sentence || name.kind !== "word" || !isCapitalised(name.text))
    return false;
  // the address ends here: punctuation, a date word or the end ("Iraq, Syria and Iran said" is a list, not an address)
  const n = tokens[m.last + 1];
  return !n || n.sentence !== m.sentence || (n.kind === "punctuation" && n.text !== "-") || TEMPORAL.test(n.text);
}
