import { layer } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import { extractTimes, TIMES_STAGE } from "./extract.js";

export { TIMES_STAGE } from "./extract.js";

/**
 * The times stage needs no data files: its grammar (month and weekday names, units,
 * modifiers) is part of the code. The interface stays so a loader can add, e.g., a
 * holiday calendar later without changing the pipeline.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TimesResources {}

/** Time expressions normalised against the publication date (see extract.ts for the rules). */
export function createTimesStage(_resources: TimesResources = {}): Stage<"times"> {
  return {
    name: TIMES_STAGE,
    requires: ["published", "sentences", "tokens"],
    provides: ["times"],
    run(doc) {
      const published = layer(doc, "published").value;
      const { times, notes } = extractTimes(doc.text, layer(doc, "sentences"), published);
      return notes.length > 0 ? { times, notes } : { times };
    },
  };
}
