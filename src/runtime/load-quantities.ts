import type { QuantitiesResources } from "../stages/quantities/index.js";

// PLACEHOLDER: reads the quantities stage's data files (owned by the quantities work).
export function loadQuantitiesResources(_dataDir: string): QuantitiesResources {
  return {};
}
