export { ingest, type IngestOptions, type IngestSummary, type IngestFailureReport } from "./ingest.js";
export {
  readSource,
  readBytes,
  datelineOutlet,
  MAX_DOCUMENT_CHARS,
  MAX_FILE_BYTES,
  type ReadResult,
  type IngestItem,
  type IngestFailure,
  type ReadOptions,
} from "./readers.js";
export { safeFetch, isPrivateAddress, FetchError, FETCH_DEFAULTS, type FetchOptions } from "./fetch.js";
export { readHtml, htmlFragmentText } from "./html.js";
export { parseFeed } from "./feed.js";
export { createPool, defaultWorkerCount, type ExtractPool } from "./pool.js";
export { createProgress, type Progress } from "./progress.js";
