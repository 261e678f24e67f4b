/**
 * Runs the anomalies stage over the test articles with the default pipeline's other
 * stages. Other stages are built by other people at the same time: a stage whose data
 * fails to load (or that throws on a document) is replaced by one that returns empty
 * layers, and the harness says so, so that these figures measure this stage and do
 * not break when a neighbour is mid-edit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Anomaly, AnomalyKind, Event } from "../../src/model/annotations.js";
import type { Doc, LayerName, Layers } from "../../src/model/document.js";
import { createPipeline } from "../../src/pipeline/run.js";
import type { AnyStage } from "../../src/pipeline/stage.js";
import { loadActorsResources } from "../../src/runtime/load-actors.js";
import { loadAnomaliesResources } from "../../src/runtime/load-anomalies.js";
import { loadEventsResources } from "../../src/runtime/load-events.js";
import { loadPlacesResources } from "../../src/runtime/load-places.js";
import { loadQuantitiesResources } from "../../src/runtime/load-quantities.js";
import { loadTimesResources } from "../../src/runtime/load-times.js";
import { DATA_DIR } from "../../src/runtime/paths.js";
import { createActorsStage } from "../../src/stages/actors/index.js";
import { createAnomaliesStage } from "../../src/stages/anomalies/index.js";
import { createEventsStage } from "../../src/stages/events/index.js";
import { createPlacesStage } from "../../src/stages/places/index.js";
import { createPublishedStage } from "../../src/stages/published/index.js";
import { createQuantitiesStage } from "../../src/stages/quantities/index.js";
import { createSegmentStage } from "../../src/stages/segment/index.js";
import { createTimesStage } from "../../src/stages/times/index.js";

export const ARTICLES = join(dirname(fileURLToPath(import.meta.url)), "articles");

const EMPTY: Partial<Layers> = { times: [], quantities: [], mentions: [], entities: [], places: [], events: [] };

/** A stage that degrades to empty layers when it cannot be built or fails on a document. */
function tolerant(name: string, provides: LayerName[], requires: LayerName[], build: () => AnyStage, problems: string[]): AnyStage {
  let stage: AnyStage | null = null;
  try {
    stage = build();
  } catch (e) {
    problems.push(`${name}: not loaded (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); empty layers used`);
  }
  return {
    name: stage?.name ?? name,
    requires,
    provides,
    run(doc: Doc) {
      if (stage) {
        try {
          return stage.run(doc);
        } catch (e) {
          problems.push(`${name}: failed on a document (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
        }
      }
      return Object.fromEntries(provides.map((p) => [p, EMPTY[p] ?? []]));
    },
  };
}

export interface Harness {
  readonly problems: string[];
  run(text: string, published: string): { anomalies: readonly Anomaly[]; events: readonly Event[]; eventsBefore: readonly Event[] };
}

export function createHarness(): Harness {
  const problems: string[] = [];
  const upstream: AnyStage[] = [
    createPublishedStage(),
    createSegmentStage(),
    tolerant("times", ["times"], ["sentences", "tokens"], () => createTimesStage(loadTimesResources(DATA_DIR)), problems),
    tolerant(
      "quantities",
      ["quantities"],
      ["sentences", "tokens"],
      () => createQuantitiesStage(loadQuantitiesResources(DATA_DIR)),
      problems,
    ),
    tolerant("actors", ["mentions", "entities"], ["sentences", "tokens"], () => createActorsStage(loadActorsResources(DATA_DIR)), problems),
    tolerant("places", ["places"], ["sentences", "tokens"], () => createPlacesStage(loadPlacesResources(DATA_DIR)), problems),
    tolerant("events", ["events"], ["sentences", "tokens"], () => createEventsStage(loadEventsResources(DATA_DIR)), problems),
  ];
  const before = createPipeline(upstream);
  const anomalies = createAnomaliesStage(loadAnomaliesResources(DATA_DIR));
  return {
    problems,
    run(text, published) {
      const doc = before.run({ text, published });
      const out = anomalies.run(doc);
      return { anomalies: out.anomalies, events: out.events, eventsBefore: doc.layers.events ?? [] };
    },
  };
}

export interface Plant {
  readonly kind: AnomalyKind;
  readonly text: string;
  readonly occurrence: number;
  readonly suggestion?: string;
  readonly note?: string;
}

export interface Article {
  readonly name: string;
  readonly text: string;
  readonly plants: readonly (Plant & { start: number; end: number })[];
}

export function readArticles(set: "clean" | "planted"): Article[] {
  const dir = join(ARTICLES, set);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const name = f.replace(/\.txt$/, "");
      if (set === "clean") return { name, text, plants: [] };
      const side = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as { planted: Plant[] };
      const plants = side.planted.map((p) => {
        // The n-th occurrence as a whole word ("Dominica" is not the start of "Dominican").
        let at = -1;
        for (let k = 0; k < p.occurrence;) {
          at = text.indexOf(p.text, at + 1);
          if (at < 0) throw new Error(`${f}: planted "${p.text}" occurrence ${p.occurrence} is not in the text`);
          const edge = (c: string | undefined): boolean => c === undefined || !/[\p{L}\p{N}]/u.test(c);
          const word = /^[\p{L}\p{N}]/u.test(p.text) && /[\p{L}\p{N}]$/u.test(p.text);
          if (!word || (edge(text[at - 1]) && edge(text[at + p.text.length]))) k++;
        }
        return { ...p, start: at, end: at + p.text.length };
      });
      return { name, text, plants };
    });
}

export interface Figures {
  readonly cleanArticles: number;
  readonly cleanWithAlarms: number;
  readonly cleanAlarms: number;
  readonly plantedArticles: number;
  readonly plants: number;
  readonly found: number;
  readonly missed: readonly string[];
  readonly falseAlarms: readonly string[];
}

/** A plant is found when an anomaly of its kind overlaps it (and offers its suggestion, when the sidecar gives one). */
export function score(h: Harness, published = "2024-06-01"): Figures {
  const clean = readArticles("clean");
  const planted = readArticles("planted");
  const falseAlarms: string[] = [];
  let cleanWithAlarms = 0;
  for (const a of clean) {
    const { anomalies } = h.run(a.text, published);
    if (anomalies.length) cleanWithAlarms++;
    for (const x of anomalies) falseAlarms.push(`clean/${a.name}: ${x.kind} "${x.text}" at ${x.start} (${x.rule})`);
  }
  const cleanAlarms = falseAlarms.length;
  let plants = 0;
  let found = 0;
  const missed: string[] = [];
  for (const a of planted) {
    const { anomalies } = h.run(a.text, published);
    const used = new Set<Anomaly>();
    for (const p of a.plants) {
      plants++;
      const hit = anomalies.find(
        (x) => x.kind === p.kind && x.start < p.end && p.start < x.end && (p.suggestion === undefined || x.suggestion === p.suggestion),
      );
      if (hit) {
        found++;
        used.add(hit);
      } else missed.push(`planted/${a.name}: ${p.kind} "${p.text}"`);
    }
    for (const x of anomalies) if (!used.has(x)) falseAlarms.push(`planted/${a.name}: ${x.kind} "${x.text}" at ${x.start} (${x.rule})`);
  }
  return { cleanArticles: clean.length, cleanWithAlarms, cleanAlarms, plantedArticles: planted.length, plants, found, missed, falseAlarms };
}

export interface SweepResult {
  readonly planted: number;
  readonly caught: number;
  /** Anomalies in the variants that the original text did not have, other than the planted swap. */
  readonly extra: number;
  readonly lines: readonly string[];
}

/**
 * Plants one swap at a time at every whole-word occurrence of each `from` (replaced by its `to`)
 * and counts the variants in which that very span is flagged as an entity swap.
 */
export function sweep(h: Harness, text: string, pairs: readonly (readonly [string, string])[], published = "2024-06-01"): SweepResult {
  const baseline = new Set(h.run(text, published).anomalies.map((a) => `${a.kind}:${a.start}`));
  let planted = 0;
  let caught = 0;
  let extra = 0;
  const lines: string[] = [];
  for (const [from, to] of pairs) {
    const re = new RegExp(`(?<![\\p{L}])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
    for (const m of text.matchAll(re)) {
      const variant = text.slice(0, m.index) + to + text.slice(m.index + from.length);
      const shift = to.length - from.length;
      const found = h.run(variant, published).anomalies;
      planted++;
      const hit = found.find((a) => a.kind === "entity-swap" && a.start === m.index);
      if (hit) caught++;
      const others = found.filter((a) => a !== hit && !baseline.has(`${a.kind}:${a.start > m.index ? a.start - shift : a.start}`));
      extra += others.length;
      const around = text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " ");
      lines.push(`${hit ? "caught" : "missed"}  ${from}->${to} at ${m.index}: ...${around}...${hit ? ` (${hit.rule})` : ""}`);
      for (const o of others) lines.push(`        also: ${o.kind} "${o.text}" (${o.rule})`);
    }
  }
  return { planted, caught, extra, lines };
}
