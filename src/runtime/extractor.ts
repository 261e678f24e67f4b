import type { DocumentInput } from "../model/document.js";
import type { Extraction } from "../model/extraction.js";
import { toExtraction } from "../model/extraction.js";
import { createPipeline, type Pipeline } from "../pipeline/run.js";
import type { AnyStage as Stage } from "../pipeline/stage.js";
import { createActorsStage } from "../stages/actors/index.js";
import { createAnomaliesStage } from "../stages/anomalies/index.js";
import { createEventsStage } from "../stages/events/index.js";
import { createPlacesStage } from "../stages/places/index.js";
import { createPublishedStage } from "../stages/published/index.js";
import { createQuantitiesStage } from "../stages/quantities/index.js";
import { createSegmentStage } from "../stages/segment/index.js";
import { createTimesStage } from "../stages/times/index.js";
import { loadActorsResources } from "./load-actors.js";
import { loadAnomaliesResources } from "./load-anomalies.js";
import { loadEventsResources } from "./load-events.js";
import { loadPlacesResources } from "./load-places.js";
import { loadQuantitiesResources } from "./load-quantities.js";
import { loadSegmentResources } from "./load-segment.js";
import { loadTimesResources } from "./load-times.js";
import { DATA_DIR } from "./paths.js";
import type { ResourceCacheOptions } from "./resource-cache.js";

export interface ExtractorOptions {
  readonly dataDir?: string;
  /** How the resource cache is used (see resource-cache.ts); by default it is read when it has a resource. */
  readonly resourceCache?: ResourceCacheOptions;
}

export interface Extractor {
  readonly pipeline: Pipeline;
  extract(input: DocumentInput): Extraction;
}

/** Builds the default pipeline once (all data files are read here) and returns an extractor. */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const dataDir = options.dataDir ?? DATA_DIR;
  const cache = options.resourceCache;
  const stages: Stage[] = [
    createPublishedStage(),
    createSegmentStage(loadSegmentResources()),
    createTimesStage(loadTimesResources(dataDir)),
    createQuantitiesStage(loadQuantitiesResources(dataDir)),
    createActorsStage(loadActorsResources(dataDir)),
    createPlacesStage(loadPlacesResources(dataDir, cache)),
    createEventsStage(loadEventsResources(dataDir, cache)),
    createAnomaliesStage(loadAnomaliesResources(dataDir)),
  ];
  const pipeline = createPipeline(stages);
  const names = stages.map((s) => s.name);
  return {
    pipeline,
    extract(input) {
      return toExtraction(pipeline.run(input), names);
    },
  };
}

let shared: Extractor | undefined;
/** One extractor per process (resources are loaded once). */
export function defaultExtractor(): Extractor {
  shared ??= createExtractor();
  return shared;
}
