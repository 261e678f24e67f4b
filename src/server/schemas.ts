import { z } from "zod";
import { MODALITIES, PLOVER_TYPES, COUNTED_ROLES, type Event } from "../model/annotations.js";
import type { Extraction } from "../model/extraction.js";
import { EventSchema, ExtractionSchema } from "../model/schema.js";
import { isIsoDate } from "../stages/published/index.js";
import { EVENT_SORTS, type EventFilter, type EventSort } from "../store/index.js";
import type { Endpoint } from "./openapi-builder.js";

/**
 * Request and response schemas of the store-backed endpoints. The zod objects validate
 * query strings (a bad value is a 400 naming the parameter) and generate the OpenAPI
 * document; the inferred types are what the web UI imports (types only).
 */

/** "A,B" or repeated parameters -> a list of allowed values. */
function list<T extends string>(values: readonly T[], what: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v, ctx) => {
      const items = (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean);
      const upper = items.map((s) => (values.includes(s.toUpperCase() as T) ? (s.toUpperCase() as T) : (s.toLowerCase() as T)));
      const bad = upper.filter((s) => !values.includes(s));
      if (bad.length > 0) ctx.addIssue({ code: "custom", message: `unknown ${what} "${bad[0]}"; one of ${values.join(", ")}` });
      return upper;
    })
    .optional();
}

const datePrefix = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date YYYY-MM-DD (or a prefix: YYYY-MM, YYYY)")
  .refine((s) => s.length < 10 || isIsoDate(s), "is not a real day");
const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

/** The filters of `sitrep events` (the store's EventFilter), shared by /api/events, /api/export, /api/series and /api/network. */
export const EventFilterSchema = z.object({
  type: list(PLOVER_TYPES, "event type").describe("PLOVER types, comma-separated (ASSAULT,COERCE)"),
  actor: z.string().trim().min(1).max(200).optional().describe("an actor: entity id, ISO-3 country of an actor, or part of a name"),
  country: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code such as UKR"))
    .optional()
    .describe("ISO 3166-1 alpha-3 code of the country where the event happened"),
  place: z.string().trim().min(1).max(200).optional().describe("a place id or part of a place name"),
  from: datePrefix.optional().describe("first day (inclusive), YYYY-MM-DD or a prefix"),
  to: datePrefix.optional().describe("last day (inclusive), YYYY-MM-DD or a prefix (2024-01 includes all of January)"),
  modality: list(MODALITIES, "modality").describe("asserted, reported, planned, future, hypothetical, negated (comma-separated)"),
  historical: bool.optional().describe("true: only historical background events; false: leave them out"),
  minConfidence: z.coerce.number().min(0).max(1).optional().describe("at least this confidence (0 to 1)"),
  minSources: z.coerce.number().int().min(1).max(100000).optional().describe("reported by at least this many articles"),
  q: z.string().trim().min(1).max(200).optional().describe("words in the evidence sentences (full-text)"),
  doc: z.string().trim().min(1).max(300).optional().describe("only events reported by this document id"),
});
export type EventFilterQuery = z.output<typeof EventFilterSchema>;

/** The query's filter in the store's terms. */
export function toStoreFilter(f: EventFilterQuery): EventFilter {
  return {
    ...(f.type && f.type.length > 0 ? { types: f.type } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.place ? { place: f.place } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.modality && f.modality.length > 0 ? { modalities: f.modality } : {}),
    ...(f.historical !== undefined ? { historical: f.historical } : {}),
    ...(f.minConfidence !== undefined ? { minConfidence: f.minConfidence } : {}),
    ...(f.minSources !== undefined ? { minSources: f.minSources } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(f.doc ? { docId: f.doc } : {}),
  };
}

export const EventsQuerySchema = EventFilterSchema.extend({
  sort: z
    .enum(EVENT_SORTS as [EventSort, ...EventSort[]])
    .default("-date")
    .describe("-date (newest first), date, sources, confidence or killed"),
  limit: z.coerce.number().int().min(1).max(5000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const IdParamSchema = z.object({ id: z.string().min(1).max(300) });

const ActorBrief = z.object({ name: z.string(), id: z.string().nullable(), country: z.string().nullable() });
const Range = z.object({ min: z.number(), max: z.number() });

export const EventSummarySchema = z.object({
  id: z.string(),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  cameo: z.string().nullable(),
  acled: z.string().nullable(),
  date: z
    .object({
      value: z.string(),
      precision: z.string().nullable(),
      start: z.string().nullable().describe("first day the date can mean (inclusive)"),
      end: z.string().nullable().describe("last day the date can mean (inclusive)"),
    })
    .nullable(),
  country: z.string().nullable(),
  place: z
    .object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      precision: z.string().nullable(),
    })
    .nullable(),
  actor1: ActorBrief.nullable(),
  actor2: ActorBrief.nullable(),
  killed: Range.nullable(),
  injured: Range.nullable(),
  modality: z.string(),
  historical: z.boolean(),
  confidence: z.number(),
  sourceCount: z.number().int(),
  mentionCount: z.number().int(),
  firstReport: z.string().nullable(),
  lastReport: z.string().nullable(),
  evidence: z.string(),
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

export const EventsPageSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  sort: z.string(),
  events: z.array(EventSummarySchema),
});
export type EventsPage = z.infer<typeof EventsPageSchema>;

const FeatureSchema = z.object({ match: z.string(), score: z.number(), detail: z.string() });
const NumberReportSchema = z.object({
  value: z.number(),
  max: z.number().nullable(),
  eventId: z.string(),
  docId: z.string(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
});

export const EventSourceSchema = z.object({
  eventId: z.string().describe("the per-article event: <document id>:<local id>"),
  localId: z.string(),
  document: z.object({
    id: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    published: z.string().nullable(),
  }),
  score: z.number().describe("how well it matches the merged event's first member (1 for the first)"),
  features: z.record(z.string(), FeatureSchema).describe("per feature (type, date, place, actors): match, score, detail"),
  event: EventSchema.describe("the event as extracted from this article, with its evidence span"),
});

export const EventDetailSchema = z.object({
  event: EventSummarySchema,
  actors: z.array(
    z.object({
      role: z.string(),
      name: z.string(),
      entityId: z.string().nullable(),
      country: z.string().nullable(),
      sector: z.string().nullable(),
    }),
  ),
  sources: z.array(EventSourceSchema),
  numbers: z
    .object({ killed: z.array(NumberReportSchema), injured: z.array(NumberReportSchema) })
    .describe("who reported which casualty figure"),
  explanation: z.string().describe("why these reports were merged, in words"),
});
type EventDetailJson = z.infer<typeof EventDetailSchema>;
export type EventDetail = Omit<EventDetailJson, "sources"> & {
  sources: (Omit<EventDetailJson["sources"][number], "event"> & { event: Event })[];
};

export const DocumentDetailSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  origin: z.string(),
  length: z.number().int(),
  text: z.string().describe("the original text; all spans index into it"),
  extraction: ExtractionSchema,
  merged: z.record(z.string(), z.string().nullable()).describe("local event id -> merged event id"),
});
/** The zod schema describes the JSON; the TypeScript type keeps the model's exact types. */
export type DocumentDetail = Omit<z.infer<typeof DocumentDetailSchema>, "extraction"> & { extraction: Extraction };

export const DocumentsQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional().describe("words in the title or text (full-text)"),
  outlet: z.string().trim().min(1).max(200).optional().describe("part of the outlet's name"),
  from: datePrefix.optional().describe("published on or after"),
  to: datePrefix.optional().describe("published on or before"),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const DocumentsSchema = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      outlet: z.string().nullable(),
      url: z.string().nullable(),
      published: z.string().nullable(),
      origin: z.string(),
      length: z.number().int(),
      events: z.number().int(),
    }),
  ),
});
export type Documents = z.infer<typeof DocumentsSchema>;

export const ActorsQuerySchema = z.object({
  country: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code such as UKR"))
    .optional()
    .describe("the actor's country (ISO-3)"),
  q: z.string().trim().min(1).max(200).optional().describe("part of the actor's name"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const ActorsSchema = z.object({
  actors: z.array(
    z.object({
      id: z.string().describe("entity id, or name:<name> for actors not in the dictionary"),
      entityId: z.string().nullable(),
      name: z.string(),
      country: z.string().nullable(),
      sector: z.string().nullable(),
      events: z.number().int(),
      asSource: z.number().int(),
      asTarget: z.number().int(),
    }),
  ),
});
export type Actors = z.infer<typeof ActorsSchema>;

export const NetworkQuerySchema = EventFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(60).describe("at most this many actors (the most active)"),
});
export const NetworkSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), country: z.string().nullable(), events: z.number().int() })),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      count: z.number().int(),
      types: z.record(z.string(), z.number().int()),
      dominant: z.string(),
    }),
  ),
});
export type Network = z.infer<typeof NetworkSchema>;

export const PlacesQuerySchema = EventFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export const PlacesSchema = z.object({
  places: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      country: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      precision: z.string().nullable(),
      events: z.number().int(),
    }),
  ),
});
export type Places = z.infer<typeof PlacesSchema>;

export const SeriesQuerySchema = EventFilterSchema.extend({
  metric: z.enum(["events", "killed", "quantity"]).default("events").describe("events per type, people killed, or a reported quantity"),
  interval: z.enum(["day", "week", "month", "year"]).default("week"),
  role: z.enum(COUNTED_ROLES).default("troops").describe("for metric=quantity: which counted thing"),
});
export const SeriesSchema = z.object({
  metric: z.string(),
  interval: z.string(),
  series: z.array(
    z.object({
      key: z.string().describe("event type, or country for quantities"),
      points: z.array(
        z.object({
          t: z.string().describe("first day of the bucket; for quantities the report date"),
          value: z.number(),
          max: z.number().optional(),
          evidence: z.string().optional(),
          docId: z.string().optional(),
        }),
      ),
    }),
  ),
});
export type Series = z.infer<typeof SeriesSchema>;

export const ExportQuerySchema = EventFilterSchema.extend({
  format: z.enum(["csv", "jsonl", "geojson", "gexf"]).describe("csv, jsonl, geojson (events with coordinates) or gexf (the actor network)"),
  limit: z.coerce.number().int().min(1).max(10_000_000).optional(),
});

const problem = (description: string) => ({ description, schema: "Problem" });
const bad = problem("a bad parameter (the body names it)");

export const STORE_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "get",
    path: "/api/events",
    operationId: "listEvents",
    summary: "Merged events matching filters, one page at a time, with the total count",
    tag: "events",
    query: EventsQuerySchema,
    responses: { 200: { description: "a page of events", schema: "EventsPage" }, 400: bad },
  },
  {
    method: "get",
    path: "/api/events/:id",
    operationId: "getEvent",
    summary: "One merged event with every source article, its evidence span and why the reports were merged",
    tag: "events",
    pathParams: IdParamSchema,
    responses: { 200: { description: "the event", schema: "EventDetail" }, 404: problem("no event with this id") },
  },
  {
    method: "get",
    path: "/api/documents",
    operationId: "listDocuments",
    summary: "Stored articles, newest first, with their number of events",
    tag: "documents",
    query: DocumentsQuerySchema,
    responses: { 200: { description: "articles", schema: DocumentsSchema }, 400: bad },
  },
  {
    method: "get",
    path: "/api/documents/:id",
    operationId: "getDocument",
    summary: "One stored article: its text and every annotation",
    tag: "documents",
    pathParams: IdParamSchema,
    responses: { 200: { description: "the document", schema: "DocumentDetail" }, 404: problem("no document with this id") },
  },
  {
    method: "get",
    path: "/api/actors",
    operationId: "listActors",
    summary: "Actors by number of events (as source or target)",
    tag: "actors",
    query: ActorsQuerySchema,
    responses: { 200: { description: "actors", schema: ActorsSchema }, 400: bad },
  },
  {
    method: "get",
    path: "/api/network",
    operationId: "network",
    summary: "Who acts on whom: actors and source→target edges weighted by event count, with the dominant type",
    tag: "actors",
    query: NetworkQuerySchema,
    responses: { 200: { description: "the network", schema: NetworkSchema }, 400: bad },
  },
  {
    method: "get",
    path: "/api/places",
    operationId: "listPlaces",
    summary: "Places with events, by number of events",
    tag: "places",
    query: PlacesQuerySchema,
    responses: { 200: { description: "places", schema: PlacesSchema }, 400: bad },
  },
  {
    method: "get",
    path: "/api/series",
    operationId: "series",
    summary: "Time series: events per interval by type, people killed per interval, or reported quantities (troop levels)",
    tag: "series",
    query: SeriesQuerySchema,
    responses: { 200: { description: "series", schema: SeriesSchema }, 400: bad },
  },
  {
    method: "get",
    path: "/api/export",
    operationId: "export",
    summary: "The matching events as CSV, JSON lines, GeoJSON or GEXF",
    tag: "export",
    query: ExportQuerySchema,
    responses: {
      200: { description: "a file (streamed)", contentType: "application/octet-stream", schema: z.string() },
      400: bad,
    },
  },
];

export const STORE_COMPONENTS: Record<string, z.ZodType> = {
  EventsPage: EventsPageSchema,
  EventDetail: EventDetailSchema,
  DocumentDetail: DocumentDetailSchema,
};
