import type { Stage } from "../../pipeline/stage.js";

// PLACEHOLDER: replaced by the real stage (owned by the quantities work). Returns no annotations.
export const QUANTITIES_STAGE = "quantities.v1";

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface QuantitiesResources {}

export function createQuantitiesStage(_resources: QuantitiesResources): Stage<"quantities"> {
  return {
    name: QUANTITIES_STAGE,
    requires: ["sentences", "tokens"],
    provides: ["quantities"],
    run() {
      return { quantities: [] };
    },
  };
}
