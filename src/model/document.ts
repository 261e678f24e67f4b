import type { Anomaly, Entity, Event, Mention, Note, Place, Published, Quantity, Sentence, TimeExpression, Token } from "./annotations.js";

/** What the caller knows about an article before any stage runs. */
export interface DocumentInput {
  readonly id?: string;
  readonly text: string;
  /** Publication date given by the caller (YYYY-MM-DD); wins over anything found in the text. */
  readonly published?: string | null;
  /** Publication date from metadata (HTML meta, feed item), used when the text has no dateline. */
  readonly metadataPublished?: string | null;
  readonly title?: string;
  readonly url?: string;
  readonly outlet?: string;
}

/** The annotation layers stages can provide. */
export interface Layers {
  readonly published: Published;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly entities: readonly Entity[];
  readonly places: readonly Place[];
  readonly times: readonly TimeExpression[];
  readonly quantities: readonly Quantity[];
  readonly events: readonly Event[];
  readonly anomalies: readonly Anomaly[];
}

export type LayerName = keyof Layers;

/**
 * The immutable document: the original text, what the caller said about it, the
 * layers produced so far, and notes. Stages never mutate it; the pipeline makes a
 * new Doc from each stage's output.
 */
export interface Doc {
  readonly input: DocumentInput;
  readonly text: string;
  readonly layers: Partial<Layers>;
  readonly notes: readonly Note[];
}

export function createDoc(input: DocumentInput): Doc {
  return Object.freeze({ input, text: input.text, layers: Object.freeze({}), notes: Object.freeze([]) });
}

/** Read a layer a stage declared in `requires`; a missing one is a pipeline bug. */
export function layer<K extends LayerName>(doc: Doc, name: K): Layers[K] {
  const value = doc.layers[name];
  if (value === undefined) throw new Error(`layer "${name}" is not available: a stage that provides it must run first`);
  return value as Layers[K];
}
