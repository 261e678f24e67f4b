import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Place } from "../model/annotations.js";
import { haversineKm } from "../stages/places/geometry.js";

/**
 * GeoWebNews (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation"): 200 news
 * articles with every toponym typed (Literal, Metonymic, Demonym, ...) and most of them
 * geocoded (GeoNames id, lat/lon).
 *
 * What we score, and why:
 * - Gold toponyms are those with coordinates whose type names a location: Literal, Mixed,
 *   Literal_Modifier, Coercion, Embedded_Literal and Metonymic ("Turkey" for its government
 *   still names a place in the gold).
 * - Neutral (neither a hit nor a false positive): Non_Literal_Modifier and Embedded_Non_Lit
 *   (adjectives like "Syrian" and names inside organisation names like "Washington Post",
 *   which our stage deliberately does not report as places) and Homonym.
 * - Anything else we predict is a false positive (Demonym, Language, Non_Toponym, nothing).
 * - A prediction matches a gold toponym when the spans overlap (ours may include a modifier:
 *   "eastern Baghdad"); pairs are one-to-one, in text order.
 * - accuracy@161km (100 miles, the usual geoparsing threshold) and the mean error are over
 *   matched pairs where we gave coordinates.
 */

export type Geocode = (text: string) => readonly Place[];

export interface GeoWebNewsScore {
  articles: number;
  gold: number;
  predicted: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
  accuracyAt161km: number;
  meanErrorKm: number;
  medianErrorKm: number;
  /** Recall per gold type, to see where misses come from. */
  recallByType: Record<string, { gold: number; found: number }>;
  /** Examples of errors (at most 40 of each), for tuning. */
  misses: string[];
  falsePositives: string[];
  farOff: string[];
}

export interface GwnToponym {
  readonly name: string;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameId: number | null;
}

export interface GwnArticle {
  readonly id: string;
  readonly text: string;
  readonly toponyms: readonly GwnToponym[];
}

const GOLD_TYPES = new Set(["Literal", "Mixed", "Literal_Modifier", "Coercion", "Embedded_Literal", "Metonymic"]);
const NEUTRAL_TYPES = new Set(["Non_Literal_Modifier", "Embedded_Non_Lit", "Homonym"]);
/** Expression annotations ("citizens", "church") are context words, not toponyms. */
const EXPRESSION_TYPES = new Set(["Literal_Expression", "Non_Lit_Expression"]);

export function readGeoWebNews(benchDir: string): GwnArticle[] {
  const xml = readFileSync(join(benchDir, "geo", "GWN.xml"), "utf8");
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    trimValues: false,
    parseTagValue: false,
    isArray: (name) => name === "article" || name === "toponym",
  });
  const root = parser.parse(xml) as { articles: { article: Record<string, unknown>[] } };
  const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
  const numOrNull = (v: unknown): number | null => {
    const s = str(v).trim();
    if (!s) return null;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  };
  return root.articles.article.map((a) => {
    const tops = ((a.toponyms as { toponym?: Record<string, unknown>[] } | string | undefined) ?? {}) as {
      toponym?: Record<string, unknown>[];
    };
    return {
      id: str(a["@file"]),
      text: str(a.text),
      toponyms: (tops.toponym ?? []).map((t) => ({
        name: str(t.extractedName),
        type: str(t.type).trim(),
        start: Number(str(t.start)),
        end: Number(str(t.end)),
        lat: numOrNull(t.latitude),
        lon: numOrNull(t.longitude),
        geonameId: numOrNull(t.geonamesID),
      })),
    };
  });
}

/** The eval command passes the extractor; tests pass a plain function. */
function asGeocode(g: Geocode | { extract(input: { text: string }): { places: readonly Place[] } }): Geocode {
  if (typeof g === "function") return g;
  return (text) => g.extract({ text }).places;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreGeoWebNews(
  benchDir: string,
  geocode: Geocode | { extract(input: { text: string }): { places: readonly Place[] } },
): GeoWebNewsScore {
  return scoreGeoWebNewsArticles(readGeoWebNews(benchDir), asGeocode(geocode));
}

export function scoreGeoWebNewsArticles(articles: readonly GwnArticle[], geocode: Geocode): GeoWebNewsScore {
  let gold = 0;
  let predicted = 0;
  let tp = 0;
  const errors: number[] = [];
  const recallByType: Record<string, { gold: number; found: number }> = {};
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const farOff: string[] = [];

  for (const a of articles) {
    const golds = a.toponyms.filter((t) => GOLD_TYPES.has(t.type) && t.lat !== null && t.lon !== null);
    const neutral = a.toponyms.filter((t) => NEUTRAL_TYPES.has(t.type) || (GOLD_TYPES.has(t.type) && (t.lat === null || t.lon === null)));
    const others = a.toponyms.filter((t) => !EXPRESSION_TYPES.has(t.type));
    gold += golds.length;
    for (const g of golds) (recallByType[g.type] ??= { gold: 0, found: 0 }).gold++;

    const places = [...geocode(a.text)].sort((x, y) => x.start - y.start);
    const used = new Set<number>();
    for (const p of places) {
      const gi = golds.findIndex((g, i) => !used.has(i) && overlaps(g, p));
      if (gi >= 0) {
        used.add(gi);
        predicted++;
        tp++;
        const g = golds[gi];
        recallByType[g.type].found++;
        if (p.lat !== null && p.lon !== null) {
          const d = haversineKm(g.lat!, g.lon!, p.lat, p.lon);
          errors.push(d);
          if (d > 161 && farOff.length < 40) farOff.push(`${a.id}\t${g.name}\t->\t${p.name} (${p.country}) ${Math.round(d)} km`);
        }
        continue;
      }
      if (neutral.some((n) => overlaps(n, p))) continue;
      predicted++;
      if (falsePositives.length < 40) {
        const why = others.find((o) => overlaps(o, p));
        falsePositives.push(`${a.id}\t${p.text}\t${p.name} (${p.country})\t${why ? why.type : "-"}`);
      }
    }
    golds.forEach((g, i) => {
      if (!used.has(i) && misses.length < 40) misses.push(`${a.id}\t${g.name}\t${g.type}`);
    });
  }

  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const sorted = [...errors].sort((x, y) => x - y);
  return {
    articles: articles.length,
    gold,
    predicted,
    tp,
    precision: round3(precision),
    recall: round3(recall),
    f1: round3(f1),
    accuracyAt161km: round3(errors.length ? errors.filter((d) => d <= 161).length / errors.length : 0),
    meanErrorKm: Math.round(errors.length ? errors.reduce((s, d) => s + d, 0) / errors.length : 0),
    medianErrorKm: Math.round(sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0),
    recallByType,
    misses,
    falsePositives,
    farOff,
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
