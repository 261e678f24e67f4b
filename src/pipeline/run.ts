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

/** Runs one stage and returns a new Doc with its layers added (later stages may refine a layer). */
export function applyStage(doc: Doc, stage: Stage): Doc {
  const out = stage.run(doc) as Record<string, unknown> & { notes?: Doc["notes"] };
  const layers: Record<string, unknown> = { ...doc.layers };
  for (const p of stage.provides) {
    if (!(p in out)) throw new Error(`stage "${stage.name}" did not return its layer "${p}"`);
    layers[p] = Object.freeze(out[p]);
  }
  const notes = out.notes && out.notes.length > 0 ? Object.freeze([...doc.notes, ...out.notes]) : doc.notes;
  return Object.freeze({ ...doc, layers: Object.freeze(layers), notes });
}
