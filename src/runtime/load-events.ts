import type { EventsResources } from "../stages/events/index.js";

// PLACEHOLDER: reads the events stage's data files (owned by the events work).
export function loadEventsResources(_dataDir: string): EventsResources {
  return {};
}
