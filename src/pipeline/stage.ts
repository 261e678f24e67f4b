import type { Note } from "../model/annotations.js";
import type { Doc, LayerName, Layers } from "../model/document.js";

/** What a stage returns: the layers it provides and any notes. */
export type StageOutput<P extends LayerName> = { readonly [K in P]: Layers[K] } & { readonly notes?: readonly Note[] };

/**
 * A pipeline stage: built once by a factory (which loads its resources) and then a
 * pure function of the document. No clock, environment, network or global state
 * inside `run`.
 */
export interface Stage<P extends LayerName = LayerName> {
  /** Versioned name, e.g. "times.v1". Annotations' `rule` starts with it. */
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly P[];
  run(doc: Doc): StageOutput<P>;
}

/** Any stage, whatever it provides: what a pipeline holds. */
export interface AnyStage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  run(doc: Doc): Partial<Layers> & { readonly notes?: readonly Note[] };
}
