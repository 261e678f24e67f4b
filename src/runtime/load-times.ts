import type { TimesResources } from "../stages/times/index.js";

/** The times stage reads no data files (its grammar is code); kept for the pipeline's uniform shape. */
export function loadTimesResources(_dataDir: string): TimesResources {
  return {};
}
