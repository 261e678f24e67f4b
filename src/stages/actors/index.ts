import type { Stage } from "../../pipeline/stage.js";

// PLACEHOLDER: replaced by the real stage (owned by the actors work). Returns no annotations.
export const ACTORS_STAGE = "actors.v1";

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ActorsResources {}

export function createActorsStage(_resources: ActorsResources): Stage<"mentions" | "entities"> {
  return {
    name: ACTORS_STAGE,
    requires: ["sentences", "tokens"],
    provides: ["mentions", "entities"],
    run() {
      return { mentions: [], entities: [] };
    },
  };
}
