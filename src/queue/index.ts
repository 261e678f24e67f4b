/**
 * Distributed ingestion (issue 6): documents go through a BullMQ queue on Redis to any number
 * of workers on any number of machines, which store them in one (PostgreSQL) store.
 */
export {
  openQueues,
  obliterate,
  documentBacklog,
  activeProducers,
  isRedisUrl,
  defaultQueueUrl,
  redactUrl,
  checkConfig,
  QueueConfigError,
  DEFAULT_QUEUE_NAME,
  DEFAULT_PREFIX,
  type Queues,
  type QueueConfig,
  type DocumentJob,
  type DeadJob,
} from "./queues.js";
export {
  enqueueSources,
  addDocuments,
  documentJob,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type EnqueueOptions,
  type EnqueueSummary,
} from "./enqueue.js";
export { startWorker, type WorkerOptions, type QueueWorker, type WorkerCounters } from "./worker.js";
export { requestMerge, processMergeJob, MERGE_BUCKET_MS, type MergeTiming } from "./merge.js";
export { queueStatus, waitForIdle, isIdle, deadJobs, retryDead, type QueueStatus } from "./status.js";
