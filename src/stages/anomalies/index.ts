import type { Anomaly, AnomalyKind, Event } from "../../model/annotations.js";
import { layer } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import { findTranslationArtifacts } from "./artifacts.js";
import { findInstitutionMismatches } from "./institutions.js";
import { compileLexicon } from "./lexicon.js";
import { findNumberConflicts } from "./numbers.js";
import { createRedactionMatcher } from "./redactions.js";
import { firstAtOrAfter } from "./scan.js";
import type { AnomaliesResources } from "./resources.js";
import { findEntitySwaps } from "./swap.js";
import { buildView } from "./view.js";

export type { AnomaliesResources } from "./resources.js";

export const ANOMALIES_STAGE = "anomalies.v1";

/**
 * How much an anomaly inside an event's evidence lowers the event's confidence (a factor).
 * A swapped or wrong name under one of the event's actors hurts most: the actor is then
 * probably wrong.
 */
const PENALTY: Record<AnomalyKind, number> = {
  "entity-swap": 0.6,
  "institution-mismatch": 0.7,
  redaction: 0.8,
  "number-conflict": 0.75,
  "translation-artifact": 0.85,
};
const ACTOR_PENALTY = 0.5;

/**
 * Finds what is wrong in the source text itself: swapped country names, institutions of
 * the wrong country, removed-text marks, contradictory counts, and (conservatively)
 * translation artifacts. Returns the anomalies
 * and the events layer again, with lower confidence for events whose evidence holds one.
 */
export function createAnomaliesStage(resources: AnomaliesResources): Stage<"anomalies" | "events"> {
  const lex = compileLexicon(resources);
  const redactions = createRedactionMatcher(resources.redactions);
  return {
    name: ANOMALIES_STAGE,
    requires: ["sentences", "tokens", "mentions", "places", "events"],
    provides: ["anomalies", "events"],
    run(doc) {
      const sentences = layer(doc, "sentences");
      const view = buildView(doc.text, sentences, layer(doc, "tokens"), layer(doc, "mentions"), layer(doc, "places"), lex);
      const found: Anomaly[] = [
        ...findEntitySwaps(view, lex, ANOMALIES_STAGE),
        ...findInstitutionMismatches(view, lex, ANOMALIES_STAGE),
        ...redactions.find(doc.text, ANOMALIES_STAGE),
        ...findTranslationArtifacts(doc.text, ANOMALIES_STAGE),
        ...findNumberConflicts(view, lex, doc.layers.quantities ?? [], layer(doc, "places"), doc.layers.times ?? [], ANOMALIES_STAGE),
      ];
      const anomalies = dedupe(found);
      return { anomalies, events: lowerConfidence(layer(doc, "events"), anomalies) };
    },
  };
}

/** Sorted by position; an exact repeat (same span and kind) is kept once. */
function dedupe(list: Anomaly[]): Anomaly[] {
  const seen = new Set<string>();
  return list
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((a) => {
      const key = `${a.kind}:${a.start}:${a.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Events whose evidence span contains an anomaly get a lower confidence; others are returned as they are. */
export function lowerConfidence(events: readonly Event[], anomalies: readonly Anomaly[]): Event[] {
  if (anomalies.length === 0) return [...events];
  const sorted = [...anomalies].sort((a, b) => a.start - b.start);
  let longest = 0;
  for (const a of sorted) longest = Math.max(longest, a.end - a.start);
  return events.map((e) => {
    let factor = 1;
    // Anomalies are short: only those starting within `longest` before the evidence can reach into it.
    for (let i = firstAtOrAfter(sorted, e.evidence.start - longest); i < sorted.length && sorted[i].start < e.evidence.end; i++) {
      const a = sorted[i];
      if (a.end <= e.evidence.start) continue;
      const onActor = [...e.sources, ...e.targets].some((r) => a.start < r.end && r.start < a.end);
      factor *= onActor && a.kind === "entity-swap" ? ACTOR_PENALTY : PENALTY[a.kind];
    }
    if (factor === 1) return e;
    return { ...e, confidence: Math.max(0.01, Math.round(e.confidence * factor * 1000) / 1000) };
  });
}
