import type { PloverType } from "../model/annotations.js";
import { PLOVER_TYPES } from "../model/annotations.js";
import { type EventExtract, readGold } from "./events-gold.js";
import { describe } from "./petr2.js";

/**
 * PLOVER gold standard records (PLOVER 0.5, 322 sentences; the DOCUMENT record is skipped),
 * read from <bench>/plover/PLOVER_GSR_CAMEO.json. Old labels are mapped to the current
 * 16-type ontology before scoring: DEMAND->REQUEST, DISAPPROVE->ACCUSE,
 * INVESTIGATE->ACCUSE, FIGHT->ASSAULT.
 *
 * - accuracy (any): share of gold sentences whose gold type is among our events' types for
 *   that sentence;
 * - accuracy (first): share whose gold type equals the type of our most confident event
 *   (the earliest on ties); a sentence where we find nothing counts as wrong in both.
 */
export const OLD_PLOVER_LABELS: Readonly<Record<string, PloverType>> = {
  DEMAND: "REQUEST",
  DISAPPROVE: "ACCUSE",
  INVESTIGATE: "ACCUSE",
  FIGHT: "ASSAULT",
};

export interface PloverGold {
  readonly id: string;
  readonly date?: string;
  readonly event: string;
  readonly text?: string;
}

export interface PloverMiss {
  readonly id: string;
  readonly gold: PloverType;
  readonly ours: string[];
  readonly text: string;
  readonly events: string[];
}

export interface PloverScore {
  readonly sentences: number;
  readonly accuracyAny: number;
  readonly accuracyFirst: number;
  readonly noEvent: number;
  readonly perType: Readonly<Record<string, { gold: number; hit: number }>>;
  readonly misses: readonly PloverMiss[];
}

export function readPlover(benchDir: string): PloverGold[] {
  const all = JSON.parse(readGold(benchDir, "plover", "PLOVER_GSR_CAMEO.json")) as PloverGold[];
  return all.filter((r) => r.event !== "DOCUMENT" && typeof r.text === "string");
}

export function goldType(label: string): PloverType | null {
  const mapped = OLD_PLOVER_LABELS[label] ?? label;
  return (PLOVER_TYPES as readonly string[]).includes(mapped) ? (mapped as PloverType) : null;
}

export function scorePloverItems(items: readonly PloverGold[], extract: EventExtract): PloverScore {
  let any = 0;
  let first = 0;
  let none = 0;
  let n = 0;
  const perType: Record<string, { gold: number; hit: number }> = {};
  const misses: PloverMiss[] = [];
  for (const item of items) {
    const gold = goldType(item.event);
    if (!gold || !item.text) continue;
    n++;
    const events = extract(item.text, item.date && /^\d{4}-\d{2}-\d{2}$/.test(item.date) ? item.date : "2000-01-01");
    const types = events.map((e) => e.type);
    const slot = (perType[gold] ??= { gold: 0, hit: 0 });
    slot.gold++;
    if (events.length === 0) none++;
    if (types.includes(gold)) {
      any++;
      slot.hit++;
    } else {
      misses.push({ id: item.id, gold, ours: types, text: item.text, events: events.map(describe) });
    }
    let best = events[0];
    for (const e of events) if (e.confidence > best.confidence) best = e;
    if (best && best.type === gold) first++;
  }
  return { sentences: n, accuracyAny: n ? any / n : 0, accuracyFirst: n ? first / n : 0, noEvent: none, perType, misses };
}

export function scorePlover(benchDir: string, extract: EventExtract): PloverScore {
  return scorePloverItems(readPlover(benchDir), extract);
}
