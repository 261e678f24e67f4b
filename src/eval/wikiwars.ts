import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TimeExpression } from "../model/annotations.js";

/**
 * Scores a time extractor on WikiWars (22 war narratives with TIMEX2 gold), read from
 * `<benchDir>/temporal/wikiwars-timeml.jsonl` (fields doc, dct, text, timex[{type, value, start, end, text}]).
 *
 * Matching: predictions and gold expressions are paired one-to-one, in text order, when
 * their spans overlap (relaxed match); a prediction pairs with the unpaired gold
 * expression it overlaps most.
 * - spanP / spanR / spanF1: paired predictions / all predictions, paired gold / all gold.
 * - valueAccuracy: among pairs whose gold value is scorable, the share with equal values.
 * - valueF1: a true positive is a pair with equal values; precision over predictions,
 *   recall over gold.
 *
 * Values are compared at the gold's precision: "1939-10-05" equals a gold "1939-10"
 * (the prediction names the gold period, more precisely); a less precise prediction
 * never equals. Reference values (PRESENT_REF, PAST_REF, FUTURE_REF) and vague values
 * ("PXD", "XXXX-XX-XX") are compared literally, as the stage emits them. Gold "null" (or
 * empty) marks an expression the annotators could not normalise ("this period", "the
 * same time"): it counts for the span scores but is left out of both value scores, and a
 * prediction paired with it is neither right nor wrong for the value.
 */
export interface WikiwarsScore {
  docs: number;
  gold: number;
  predicted: number;
  spanP: number;
  spanR: number;
  spanF1: number;
  valueAccuracy: number;
  valueF1: number;
}

export interface WikiwarsGold {
  readonly type: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface WikiwarsDoc {
  readonly doc: string;
  readonly dct: string;
  readonly text: string;
  readonly timex: readonly WikiwarsGold[];
}

export type TimeExtract = (text: string, dct: string) => readonly TimeExpression[];

export function readWikiwars(benchDir: string): WikiwarsDoc[] {
  const path = join(benchDir, "temporal", "wikiwars-timeml.jsonl");
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as WikiwarsDoc);
}

export function isScorableValue(gold: string): boolean {
  return gold.length > 0 && gold !== "null";
}

/** Equal at the gold's precision: the prediction may be more precise than the gold, never less. */
export function valueMatches(predicted: string, gold: string): boolean {
  if (predicted === gold) return true;
  if (!/^(?:BC)?\d/.test(gold)) return false;
  return predicted.startsWith(gold) && (predicted[gold.length] === "-" || predicted[gold.length] === "T");
}

export interface DocPairs {
  readonly pairs: { gold: WikiwarsGold; predicted: TimeExpression }[];
  readonly unpairedGold: WikiwarsGold[];
  readonly unpairedPredicted: TimeExpression[];
}

/** One-to-one pairing by overlapping spans (relaxed match). */
export function pairDoc(gold: readonly WikiwarsGold[], predicted: readonly TimeExpression[]): DocPairs {
  const g = [...gold].sort((a, b) => a.start - b.start);
  const p = [...predicted].sort((a, b) => a.start - b.start);
  const used = new Set<number>();
  const pairs: { gold: WikiwarsGold; predicted: TimeExpression }[] = [];
  const unpairedPredicted: TimeExpression[] = [];
  let lo = 0;
  for (const pred of p) {
    while (lo < g.length && g[lo].end <= pred.start) lo++;
    let best = -1;
    let bestOverlap = 0;
    for (let i = lo; i < g.length && g[i].start < pred.end; i++) {
      if (used.has(i)) continue;
      const overlap = Math.min(g[i].end, pred.end) - Math.max(g[i].start, pred.start);
      if (overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    }
    if (best >= 0) {
      used.add(best);
      pairs.push({ gold: g[best], predicted: pred });
    } else unpairedPredicted.push(pred);
  }
  const unpairedGold = g.filter((_, i) => !used.has(i));
  return { pairs, unpairedGold, unpairedPredicted };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Scores `extract` on already-read documents (see scoreWikiwars). */
export function scoreWikiwarsDocs(docs: readonly WikiwarsDoc[], extract: TimeExtract): WikiwarsScore {
  let gold = 0;
  let predicted = 0;
  let paired = 0;
  let scorableGold = 0;
  let scorablePairs = 0;
  let valueTp = 0;
  let predictedOnUnscorable = 0;
  for (const d of docs) {
    const preds = extract(d.text, d.dct);
    const { pairs } = pairDoc(d.timex, preds);
    gold += d.timex.length;
    predicted += preds.length;
    paired += pairs.length;
    scorableGold += d.timex.filter((t) => isScorableValue(t.value)).length;
    for (const { gold: g, predicted: p } of pairs) {
      if (!isScorableValue(g.value)) {
        predictedOnUnscorable++;
        continue;
      }
      scorablePairs++;
      if (valueMatches(p.value, g.value)) valueTp++;
    }
  }
  const spanP = ratio(paired, predicted);
  const spanR = ratio(paired, gold);
  const valueP = ratio(valueTp, predicted - predictedOnUnscorable);
  const valueR = ratio(valueTp, scorableGold);
  return {
    docs: docs.length,
    gold,
    predicted,
    spanP: round(spanP),
    spanR: round(spanR),
    spanF1: round(f1(spanP, spanR)),
    valueAccuracy: round(ratio(valueTp, scorablePairs)),
    valueF1: round(f1(valueP, valueR)),
  };
}

/** Reads WikiWars from the bench folder and scores `extract` on it. */
export function scoreWikiwars(benchDir: string, extract: TimeExtract): WikiwarsScore {
  return scoreWikiwarsDocs(readWikiwars(benchDir), extract);
}
