import type { PlacesResources } from "../stages/places/index.js";

// PLACEHOLDER: reads the places stage's data files (owned by the places work).
export function loadPlacesResources(_dataDir: string): PlacesResources {
  return {};
}
