import type { AnomaliesResources } from "../stages/anomalies/index.js";

// PLACEHOLDER: reads the anomalies stage's data files (owned by the anomalies work).
export function loadAnomaliesResources(_dataDir: string): AnomaliesResources {
  return {};
}
