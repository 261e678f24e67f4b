import type { Generated } from "kysely";

/**
 * Row types of the store (one interface per table). Columns are plain SQL scalars so the
 * same schema runs on SQLite and PostgreSQL; nested layers are JSON text.
 * Dates are ISO strings (YYYY-MM-DD); booleans are 0/1 integers.
 */

export interface RunsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  sitrep_version: string;
  pipeline: string; // JSON array of stage names (with versions)
  config: string; // JSON: the options of the run
  documents_added: number;
  documents_failed: number;
}

export interface DocumentsTable {
  /** Stable id: the first 16 hex digits of the content hash. */
  id: string;
  /** SHA-256 (hex) of the text: the unit of idempotency. */
  hash: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  published_source: string;
  /** Where it came from: a path, a URL, "path:line", "feed#item". */
  origin: string;
  text: string;
  length: number;
  ingested_at: string;
  run_id: string;
}

export interface ExtractionsTable {
  doc_id: string;
  run_id: string;
  pipeline: string;
  /** JSON: sentences, mentions, entities, places, times, quantities, anomalies, notes. */
  layers: string;
  event_count: number;
}

export interface EntitiesTable {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  sector: string | null;
  wikidata: string | null;
}

export interface PlacesTable {
  id: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: string;
}

/** Per-article events: exactly what the extractor found in one document (kept for reversibility). */
export interface EventsTable {
  /** "<doc id>:<event id>" */
  id: string;
  doc_id: string;
  local_id: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  acled: string | null;
  date: string | null;
  date_precision: string | null;
  date_basis: string | null;
  /** Interval the date covers at its precision (or the publication fallback window). */
  date_start: string | null;
  date_end: string | null;
  place_id: string | null;
  place_name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: string | null;
  killed: number | null;
  killed_max: number | null;
  injured: number | null;
  injured_max: number | null;
  modality: string;
  historical: number;
  confidence: number;
  evidence: string;
  published: string | null;
  /** JSON of the whole extracted Event. */
  data: string;
  /** The merged event this one belongs to (null until merging ran). */
  merged_id: string | null;
}

export interface EventActorsTable {
  event_id: string;
  role: string; // "source" | "target"
  position: number;
  entity_id: string | null;
  name: string;
  country: string | null;
  sector: string | null;
}

/** One row per real-world event: the merge of one or more per-article events. */
export interface MergedEventsTable {
  id: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  acled: string | null;
  date: string | null;
  date_precision: string | null;
  country: string | null;
  place_id: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: string | null;
  actor1: string | null;
  actor1_id: string | null;
  actor1_country: string | null;
  actor2: string | null;
  actor2_id: string | null;
  actor2_country: string | null;
  killed_min: number | null;
  killed_max: number | null;
  injured_min: number | null;
  injured_max: number | null;
  modality: string;
  historical: number;
  confidence: number;
  source_count: number;
  mention_count: number;
  first_report: string | null;
  last_report: string | null;
  evidence: string;
  /** JSON: numbers reported by each source, member ids. */
  details: string;
}

export interface MergedActorsTable {
  merged_id: string;
  role: string;
  entity_id: string | null;
  name: string;
  country: string | null;
  sector: string | null;
}

/** Why each per-article event belongs to its merged event (for `events --explain`). */
export interface EventLinksTable {
  merged_id: string;
  event_id: string;
  doc_id: string;
  score: number;
  /** JSON: feature -> {match, score, detail} against the merged event's earliest member. */
  features: string;
}

/** Pairs of per-article events a user split apart: never merged again. */
export interface MergeSplitsTable {
  event_a: string;
  event_b: string;
  created_at: string;
}

/** Quantities found in the text, with the countries around them (for `series`). */
export interface QuantitiesTable {
  id: Generated<number>;
  doc_id: string;
  role: string;
  value: number;
  max: number | null;
  from_value: number | null;
  qualifier: string;
  unit: string | null;
  text: string;
  date: string | null;
  /** Country of the nearest place (where the quantity is). */
  country: string | null;
  /** Countries of the actors named in the sentence, as ",USA,IRQ,". */
  actors: string;
  evidence: string;
}

export interface Database {
  runs: RunsTable;
  documents: DocumentsTable;
  extractions: ExtractionsTable;
  entities: EntitiesTable;
  places: PlacesTable;
  events: EventsTable;
  event_actors: EventActorsTable;
  merged_events: MergedEventsTable;
  merged_actors: MergedActorsTable;
  event_links: EventLinksTable;
  merge_splits: MergeSplitsTable;
  quantities: QuantitiesTable;
}
