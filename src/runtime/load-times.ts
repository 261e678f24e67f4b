import type { TimesResources } from "../stages/times/index.js";

// PLACEHOLDER: reads the times stage's data files (owned by the times work).
export function loadTimesResources(_dataDir: string): TimesResources {
  return {};
}
