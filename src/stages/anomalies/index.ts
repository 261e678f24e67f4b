import type { Stage } from "../../pipeline/stage.js";

// PLACEHOLDER: replaced by the real stage (owned by the anomalies work). Returns no annotations.
export const ANOMALIES_STAGE = "anomalies.v1";

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AnomaliesResources {}

export function createAnomaliesStage(_resources: AnomaliesResources): Stage<"anomalies"> {
  return {
    name: ANOMALIES_STAGE,
    requires: ["sentences", "tokens"],
    provides: ["anomalies"],
    run() {
      return { anomalies: [] };
    },
  };
}
