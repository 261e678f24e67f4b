import type { Anomaly, Entity, Event, Mention, Note, Place, Quantity, Sentence, TimeExpression } from "./annotations.js";
import type { Doc } from "./document.js";

export const SITREP_VERSION = "0.1.0";

/** The public result of extracting one document (what `sitrep extract` prints as JSON). */
export interface Extraction {
  readonly sitrep: string;
  readonly pipeline: readonly string[];
  readonly document: {
    readonly id?: string;
    readonly length: number;
    readonly published: { readonly value: string | null; readonly source: "argument" | "dateline" | "metadata" | "none" };
  };
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly Mention[];
  readonly entities: readonly Entity[];
  readonly places: readonly Place[];
  readonly times: readonly TimeExpression[];
  readonly quantities: readonly Quantity[];
  readonly events: readonly Event[];
  readonly anomalies: readonly Anomaly[];
  readonly notes: readonly Note[];
}

/** Projects a processed Doc onto the public output (tokens stay internal). */
export function toExtraction(doc: Doc, stageNames: readonly string[]): Extraction {
  const L = doc.layers;
  const published = L.published ?? { value: doc.input.published ?? null, source: doc.input.published ? "argument" : "none" };
  return {
    sitrep: SITREP_VERSION,
    pipeline: stageNames,
    document: {
      ...(doc.input.id !== undefined ? { id: doc.input.id } : {}),
      length: doc.text.length,
      published: { value: published.value, source: published.source },
    },
    sentences: L.sentences ?? [],
    mentions: L.mentions ?? [],
    entities: L.entities ?? [],
    places: L.places ?? [],
    times: L.times ?? [],
    quantities: L.quantities ?? [],
    events: L.events ?? [],
    anomalies: L.anomalies ?? [],
    notes: doc.notes,
  };
}
