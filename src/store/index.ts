/**
 * The store: documents, extraction layers, per-article and merged events, on SQLite (default)
 * or PostgreSQL. The server and the CLI use only what this file exports.
 */
export { openStore, defaultStoreLocation, StoreError, type Store, type OpenOptions } from "./open.js";
export type { Dialect } from "./migrations.js";
export type * from "./schema.js";
export { contentHash, documentId, beginRun, finishRun, findByHash, writeDocument, type NewDocument, type RunInfo } from "./write.js";
export { remerge, unmergeEvent, type RemergeResult } from "./remerge.js";
export {
  queryEvents,
  countEvents,
  iterateEvents,
  eventSources,
  getEvent,
  explainEvent,
  queryActors,
  queryDocuments,
  getDocument,
  querySeries,
  filteredEvents,
  storeStats,
  EVENT_SORTS,
  type EventFilter,
  type EventSort,
  type MergedEventRow,
  type EventSource,
  type EventDetails,
  type Explanation,
  type ActorRow,
  type ActorFilter,
  type DocumentFilter,
  type DocumentRow,
  type StoredDocument,
  type SeriesFilter,
  type SeriesPoint,
  type StoreStats,
} from "./query.js";
export { compareEvents, clusterEvents, summarizeCluster, type MergeCandidate, type Comparison, type Feature } from "./merge.js";
export {
  toCsv,
  toJsonl,
  toGeoJson,
  toGexf,
  csvField,
  csvRow,
  ploverRecord,
  geoJsonFeature,
  CSV_COLUMNS,
  EXPORT_FORMATS,
  type ExportFormat,
  type Sink,
} from "./export.js";
