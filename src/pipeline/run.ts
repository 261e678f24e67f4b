import type { Doc, DocumentInput, LayerName } from "../model/document.js";
import { createDoc } from "../model/document.js";
import type { AnyStage as Stage } from "./stage.js";

export class PipelineConfigError extends Error {
  override name = "PipelineConfigError";
}

/** Checks, before anything runs, that every stage's requirements are provided by an earlier stage. */
export function checkPipeline(stages: readonly Stage[]): void {
  const have = new Set<LayerName>();
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new PipelineConfigError(`stage "${stage.name}" appears twice`);
    names.add(stage.name);
    for (const need of stage.requires) {
      if (!have.has(need)) throw new PipelineConfigError(`stage "${stage.name}" requires "${need}", which no earlier stage provides`);
    }
    for (const p of stage.provides) have.add(p);
  }
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(input: DocumentInput): Doc;
}

export function createPipeline(stages: readonly Stage[]): Pipeline {
  checkPipeline(stages);
  return {
    stages,
    run(input) {
      let doc = createDoc(input);
      for (const stage of stages) doc = applyStage(doc, stage);
      return doc;
    },
  };
}

/**
 * Whether each stage's layers are frozen, so that a later stage writing into one fails loudly. On under the
 * test runner (vitest sets VITEST) or with SITREP_FREEZE_LAYERS=1; off otherwise, because V8 reads a frozen
 * array several times slower and every later stage walks the token layer (about 12% of extraction time).
 * The layer types are readonly either way.
 */
export const FREEZE_LAYERS = process.env.VITEST !== undefined || process.env.SITREP_FREEZE_LAYERS === "1";

/** Runs one stage and returns a new Doc with its layers added (later stages may refine a layer). */
export function applyStage(doc: Doc, stage: Stage): Doc {
  const out = stage.run(doc) as Record<string, unknown> & { notes?: Doc["notes"] };
  const layers: Record<string, unknown> = { ...doc.layers };
  for (const p of stage.provides) {
    if (!(p in out)) throw new Error(`stage "${stage.name}" did not return its layer "${p}"`);
    layers[p] = FREEZE_LAYERS ? Object.freeze(out[p]) : out[p];
  }
  const notes = out.notes && out.notes.length > 0 ? Object.freeze([...doc.notes, ...out.notes]) : doc.notes;
  return Object.freeze({ ...doc, layers: Object.freeze(layers), notes });
}
