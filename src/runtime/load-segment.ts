import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Model } from "wink-nlp";
import type { SegmentResources } from "../stages/segment/index.js";

const require = createRequire(import.meta.url);

/** The version whose model layout `readCoreModel` reproduces; any other version loads through the package itself. */
export const WINK_MODEL_VERSION = "1.8.1";
const PKG = "wink-eng-lite-web-model";

/**
 * The wink English model for the segment stage, assembled from the package's parts with a faster
 * core-model reader. The package's own entry parses the 3 MB core model when it is imported, then
 * deep-copies it (JSON.stringify + JSON.parse) and decodes its base64 arrays one byte at a time: about
 * a fifth of `sitrep extract`'s start-up. `readCoreModel` parses the file once, decodes with Buffer and
 * builds the same object (a test compares it with the package's).
 */
export function loadSegmentResources(): SegmentResources {
  const version = (require(`${PKG}/package.json`) as { version: string }).version;
  if (version !== WINK_MODEL_VERSION) return { model: require(PKG) as Model };
  const dist = `${PKG}/dist/`;
  const model = Object.create(null) as Record<string, unknown>;
  model.core = readCoreModel;
  model.sbd = require(`${dist}load-sbd-model.js`);
  model.pos = require(`${dist}load-pos-model.js`);
  model.ner = require(`${dist}load-ner-model.js`);
  model.negation = require(`${dist}load-negation-model.js`);
  model.sa = require(`${dist}load-sa-model.js`);
  model.metaCER = require(`${dist}load-cer-meta-model.js`);
  model.featureFn = require(`${dist}feature.js`);
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = require(`${dist}porter-stemmer.js`);
  addons.lemmatize = require(`${dist}lemmatize.js`);
  addons.readabilityStats = require(`${dist}readability-stats.js`);
  addons.wordVectors = undefined;
  model.addons = addons;
  return { model: model as unknown as Model };
}

function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, "base64");
  // A copy into a buffer of its own: Buffer.from may return a slice of a shared pool.
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new Uint32Array(buffer);
}

/** wink-eng-lite-web-model 1.8.1's read-core-model.js + load-core-model.js, reading a fresh copy of the file. */
export function readCoreModel(): any {
  const path = require.resolve(`${PKG}/dist/languages/cur/models/eng-core-web-model.json`);
  const model = JSON.parse(readFileSync(path, "utf8")) as any;
  const packing = model.packing;
  const featuresData = model.features;
  const pos = model.pos;
  model.lexicon = uint32FromBase64(model.lexicon);
  model.xpansions = uint32FromBase64(model.xpansions);
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      featuresData[f].hash = Object.create(null);
      for (let k = 0; k < featuresData[f].list.length; k += 1) featuresData[f].hash[featuresData[f].list[k]] = k;
    }
  }
  featuresData.lexeme.hash = Object.create(null);
  for (let k = 0; k < featuresData.lexeme.list.length; k += 1) featuresData.lexeme.hash[featuresData.lexeme.list[k]] = k;
  const clusters = featuresData.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1)
    clusters[k] = new Set((clusters[k] as string).split("_").map((e: string) => pos.hash[e] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      featuresData[f].intrinsicSize = featuresData[f].list.length;
      featuresData[f].index = featuresData[f].list.length;
      featuresData[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  featuresData.lexeme.intrinsicSize = featuresData.lexeme.list.length;
  featuresData.lexeme.index = featuresData.lexeme.list.length;
  return model;
}
