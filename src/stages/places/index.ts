import type { Stage } from "../../pipeline/stage.js";

// PLACEHOLDER: replaced by the real stage (owned by the places work). Returns no annotations.
export const PLACES_STAGE = "places.v1";

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PlacesResources {}

export function createPlacesStage(_resources: PlacesResources): Stage<"places"> {
  return {
    name: PLACES_STAGE,
    requires: ["sentences", "tokens"],
    provides: ["places"],
    run() {
      return { places: [] };
    },
  };
}
