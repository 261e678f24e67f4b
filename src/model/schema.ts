import { z } from "zod";
import { MODALITIES, PLOVER_TYPES, QUANTITY_ROLES } from "./annotations.js";

/** Zod schemas of the public extraction output (`sitrep extract --format json`). */

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const annotation = { ...span, text: z.string(), rule: z.string().min(1) };
const sector = z.string().nullable();

export const SentenceSchema = z.object({ index: z.number().int(), ...span });
export const MentionSchema = z.object({
  ...annotation,
  id: z.string(),
  kind: z.string(),
  entityId: z.string().optional(),
  country: z.string().nullable().optional(),
  sector: sector.optional(),
});
export const EntitySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  country: z.string().length(3).nullable(),
  sector,
  wikidata: z.string().optional(),
});
const precision = z.enum(["country", "admin1", "admin2", "city", "district", "site", "region"]);
export const PlaceSchema = z.object({
  ...annotation,
  id: z.string(),
  name: z.string(),
  country: z.string().length(3).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  precision,
  relation: z.enum(["in", "near", "part"]).optional(),
  geonameId: z.number().int().optional(),
});
const timePrecision = z.enum(["minute", "hour", "day", "week", "month", "season", "quarter", "year", "decade", "century"]).nullable();
const timeModifier = z.enum([
  "since",
  "by",
  "before",
  "after",
  "until",
  "approx",
  "more_than",
  "less_than",
  "early",
  "mid",
  "late",
  "start",
  "end",
]);
export const TimeSchema = z.object({
  ...annotation,
  type: z.enum(["date", "time", "duration", "set"]),
  value: z.string(),
  precision: timePrecision,
  modifier: timeModifier.optional(),
  anchor: z.enum(["absolute", "relative"]),
});
const qualifier = z.enum([
  "exact",
  "about",
  "more_than",
  "at_least",
  "less_than",
  "at_most",
  "several",
  "dozens",
  "hundreds",
  "thousands",
  "range",
]);
export const QuantitySchema = z.object({
  ...annotation,
  value: z.number(),
  max: z.number().optional(),
  qualifier,
  role: z.enum(QUANTITY_ROLES),
  unit: z.string().optional(),
  from: z.number().optional(),
});
const actorRef = z.object({
  ...span,
  name: z.string(),
  entityId: z.string().nullable(),
  country: z.string().length(3).nullable(),
  sector,
  text: z.string(),
});
const count = z.object({ value: z.number(), max: z.number().optional(), qualifier }).nullable();
export const EventSchema = z.object({
  id: z.string(),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  context: z.string().nullable(),
  cameo: z.string().nullable(),
  acled: z.string().nullable(),
  date: z
    .object({
      value: z.string(),
      precision: timePrecision,
      basis: z.enum(["explicit", "sentence", "governing", "publication"]),
      modifier: timeModifier.optional(),
    })
    .nullable(),
  sources: z.array(actorRef),
  targets: z.array(actorRef),
  place: z
    .object({
      ...span,
      id: z.string(),
      name: z.string(),
      country: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      precision,
      relation: z.enum(["in", "near", "part"]).optional(),
    })
    .nullable(),
  killed: count,
  injured: count,
  quantities: z.array(QuantitySchema),
  modality: z.enum(MODALITIES),
  historical: z.boolean(),
  attribution: z.object({ ...span, name: z.string(), entityId: z.string().nullable(), text: z.string() }).nullable(),
  confidence: z.number().min(0).max(1),
  trigger: z.object({ ...span, text: z.string() }),
  evidence: z.object({ ...span, sentence: z.number().int(), text: z.string() }),
  rule: z.string(),
});
export const AnomalySchema = z.object({
  ...annotation,
  kind: z.enum(["entity-swap", "institution-mismatch", "redaction", "number-conflict", "translation-artifact"]),
  message: z.string(),
  suggestion: z.string().optional(),
  confidence: z.number().min(0).max(1),
});

export const ExtractionSchema = z.object({
  sitrep: z.string(),
  pipeline: z.array(z.string()),
  document: z.object({
    id: z.string().optional(),
    length: z.number().int(),
    published: z.object({ value: z.string().nullable(), source: z.enum(["argument", "dateline", "metadata", "none"]) }),
  }),
  sentences: z.array(SentenceSchema),
  mentions: z.array(MentionSchema),
  entities: z.array(EntitySchema),
  places: z.array(PlaceSchema),
  times: z.array(TimeSchema),
  quantities: z.array(QuantitySchema),
  events: z.array(EventSchema),
  anomalies: z.array(AnomalySchema),
  notes: z.array(z.object({ stage: z.string(), message: z.string(), start: z.number().optional(), end: z.number().optional() })),
});
export type ExtractionJson = z.infer<typeof ExtractionSchema>;
