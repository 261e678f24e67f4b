import type { ActorsResources } from "../stages/actors/index.js";

// PLACEHOLDER: reads the actors stage's data files (owned by the actors work).
export function loadActorsResources(_dataDir: string): ActorsResources {
  return {};
}
