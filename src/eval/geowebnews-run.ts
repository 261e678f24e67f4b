import { writeFileSync } from "node:fs";
import type { Place } from "../model/annotations.js";
import { createPipeline } from "../pipeline/run.js";
import type { AnyStage } from "../pipeline/stage.js";
import { DATA_DIR, SHARED_BENCH_DIR } from "../runtime/paths.js";
import { loadActorsResources } from "../runtime/load-actors.js";
import { loadPlacesResources } from "../runtime/load-places.js";
import { createActorsStage } from "../stages/actors/index.js";
import { createPlacesStage } from "../stages/places/index.js";
import { createSegmentStage } from "../stages/segment/index.js";
import { scoreGeoWebNews, type Geocode } from "./geowebnews.js";

/** The geocoder GeoWebNews is scored with: segment, actors (for person/organisation mentions) and places. */
export function placesGeocoder(dataDir = DATA_DIR): Geocode {
  const stages: AnyStage[] = [
    createSegmentStage(),
    createActorsStage(loadActorsResources(dataDir)),
    createPlacesStage(loadPlacesResources(dataDir)),
  ];
  const pipeline = createPipeline(stages);
  return (text) => (pipeline.run({ text }).layers.places ?? []) as readonly Place[];
}

/**
 * Prints the GeoWebNews score: `npx tsx src/eval/geowebnews-run.ts [errors.txt]`
 * (with a file name, also writes example misses, false positives and far-off resolutions).
 */
function main(): void {
  const geocode = placesGeocoder();
  const t0 = performance.now();
  const score = scoreGeoWebNews(process.env.SITREP_BENCH_DIR ?? SHARED_BENCH_DIR, geocode);
  const ms = performance.now() - t0;
  const { misses, falsePositives, farOff, ...figures } = score;
  console.log(JSON.stringify(figures, null, 2));
  console.log(`${score.articles} articles in ${ms.toFixed(0)} ms`);
  const out = process.argv[2];
  if (out)
    writeFileSync(
      out,
      ["# misses", ...misses, "# false positives", ...falsePositives, "# far off (> 161 km)", ...farOff].join("\n") + "\n",
    );
}

if (process.argv[1] && /geowebnews-run\.[tj]s$/.test(process.argv[1])) main();
