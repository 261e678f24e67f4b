import type { Stage } from "../../pipeline/stage.js";

// PLACEHOLDER: replaced by the real stage (owned by the events work). Returns no annotations.
export const EVENTS_STAGE = "events.v1";

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface EventsResources {}

export function createEventsStage(_resources: EventsResources): Stage<"events"> {
  return {
    name: EVENTS_STAGE,
    requires: ["sentences", "tokens"],
    provides: ["events"],
    run() {
      return { events: [] };
    },
  };
}
