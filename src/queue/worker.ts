import { hostname } from "node:os";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { createPool, ExtractionFailed, type ExtractPool } from "../ingest/pool.js";
import { SITREP_VERSION } from "../model/extraction.js";
import type { Store } from "../store/open.js";
import { beginRun, findByHash, finishRun, writeDocument } from "../store/write.js";
import { processMergeJob, requestMerge, type MergeOutcome, type MergeTiming } from "./merge.js";
import { openQueues, redisConnection, type DeadJob, type DocumentJob, type MergeJob, type QueueConfig, type Queues } from "./queues.js";

export interface WorkerOptions extends QueueConfig {
  /** The store documents go to (PostgreSQL for several machines). The caller opens and closes it. */
  readonly store: Store;
  /** Documents in flight at once = extraction threads in this process (default 1). */
  readonly concurrency?: number;
  /** How long a running job's lock lasts without renewal: a killed worker's job is retried after it (default 30 s). */
  readonly lockMs?: number;
  /** How often this worker looks for jobs whose worker died (default lockMs / 2). */
  readonly stalledCheckMs?: number;
  readonly merge?: MergeTiming;
  /** Wait this long after extracting each document, before storing it (crash tests only). */
  readonly delayBeforeWriteMs?: number;
  readonly log?: (line: string) => void;
}

export type DocumentOutcome = "stored" | "unchanged";

export interface WorkerCounters {
  stored: number;
  unchanged: number;
  retried: number;
  dead: number;
  merges: number;
}

export interface QueueWorker {
  readonly runId: string;
  readonly counters: Readonly<WorkerCounters>;
  /** Stops taking jobs, lets running ones finish, closes connections (not the store). */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A queue worker: takes document jobs, extracts them (resources loaded once per thread),
 * stores each in one transaction, idempotent by content hash, and runs merge passes.
 * Delivery is at-least-once: a job whose worker dies is retried after its lock expires, and
 * storing it again is a no-op. A document that keeps failing goes to the dead-letter list.
 */
export async function startWorker(options: WorkerOptions): Promise<QueueWorker> {
  const log = options.log ?? (() => undefined);
  const store = options.store;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const lockDuration = options.lockMs ?? 30_000;
  const q = await openQueues(options);
  const connections: Redis[] = [];
  const connection = () => {
    const c = redisConnection(q.config.url);
    connections.push(c);
    return c;
  };
  // Extraction runs in worker threads, so the event loop stays free to renew job locks.
  const pool: ExtractPool = createPool(concurrency);
  const runId = await beginRun(store, {
    sitrepVersion: SITREP_VERSION,
    pipeline: [],
    config: { worker: `${hostname()}:${process.pid}`, queue: q.config.name, concurrency },
  });
  const counters: WorkerCounters = { stored: 0, unchanged: 0, retried: 0, dead: 0, merges: 0 };
  let pipelineRecorded = false;

  const processDocument = async (job: Job<DocumentJob>): Promise<DocumentOutcome> => {
    const d = job.data;
    if (job.attemptsMade > 0 || job.stalledCounter > 0) counters.retried++;
    let outcome: DocumentOutcome = "unchanged";
    if (!(await findByHash(store, d.hash))) {
      let extraction;
      try {
        extraction = await pool.extract(d.input);
      } catch (e) {
        // Bad input (the pipeline refused it): retrying cannot help.
        if (e instanceof ExtractionFailed && !/worker stopped/.test(e.message))
          throw new UnrecoverableError(`extraction failed: ${e.message}`);
        throw e;
      }
      if (options.delayBeforeWriteMs) await sleep(options.delayBeforeWriteMs);
      try {
        await writeDocument(store, runId, {
          hash: d.hash,
          text: d.input.text,
          url: d.input.url,
          title: d.input.title,
          outlet: d.input.outlet,
          origin: d.origin,
          extraction,
        });
        outcome = "stored";
      } catch (e) {
        // Another delivery of the same document won the race (unique hash): that is success.
        if (!(await findByHash(store, d.hash))) throw e;
      }
      if (!pipelineRecorded) {
        pipelineRecorded = true;
        await store.db
          .updateTable("runs")
          .set({ pipeline: JSON.stringify(extraction.pipeline) })
          .where("id", "=", runId)
          .execute();
      }
    }
    counters[outcome]++;
    await q.redis.hincrby(q.key("stats"), outcome, 1);
    await requestMerge(q, options.merge);
    return outcome;
  };

  const docs = new Worker<DocumentJob, DocumentOutcome>(q.config.name, processDocument, {
    connection: connection(),
    prefix: q.config.prefix,
    concurrency,
    lockDuration,
    stalledInterval: options.stalledCheckMs ?? Math.max(500, Math.floor(lockDuration / 2)),
    // A job whose worker died twice goes to the dead-letter list instead of killing a third.
    maxStalledCount: 2,
  });
  docs.on("failed", (job, err) => {
    if (!job) return;
    void toDeadIfFinal(q, job, err).then(
      async (dead) => {
        if (dead) {
          counters.dead++;
          log(`dead: ${job.data.origin}: ${err.message}`);
          await requestMerge(q, options.merge);
        } else log(`retry: ${job.data.origin}: ${err.message}`);
      },
      (e: unknown) => log(`could not move ${job.id} to the dead-letter list: ${String(e)}`),
    );
  });
  docs.on("error", (e) => log(`queue error: ${e.message}`));

  // Merge passes: one at a time per process; across processes the store's advisory lock serialises them.
  const merges = new Worker<MergeJob, MergeOutcome>(
    `${q.config.name}-merge`,
    async (job, token) => {
      const r = await processMergeJob(q, store, job, token);
      if (r.ran) {
        counters.merges++;
        log(`merged: ${r.result.events} events into ${r.result.merged} merged events`);
      }
      return r;
    },
    { connection: connection(), prefix: q.config.prefix, concurrency: 1, lockDuration: Math.max(lockDuration, 60_000) },
  );
  merges.on("error", (e) => log(`merge queue error: ${e.message}`));

  // Documents a previous worker left in the failed set (it died before moving them).
  for (const job of (await q.docs.getFailed(0, 999)) as Job<DocumentJob>[])
    await toDeadIfFinal(q, job, new Error(job.failedReason || "failed"));
  await Promise.all([docs.waitUntilReady(), merges.waitUntilReady()]);
  // Events a pass never reached (every worker was down, or its retries ran out) are merged now.
  await requestMerge(q, options.merge);
  log(`worker ${hostname()}:${process.pid} ready: queue ${q.config.name}, concurrency ${concurrency}, store ${store.location}`);

  let closed = false;
  return {
    runId,
    counters,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([docs.close(), merges.close()]);
      await pool.close();
      await finishRun(store, runId, counters.stored, counters.dead).catch(() => undefined);
      await q.close();
      for (const c of connections) c.disconnect();
    },
  };
}

/**
 * A document job that failed for good (no attempts left, an unrecoverable error, or stalled too
 * often) moves to NAME-dead with its reason; re-enqueueing the document later is then possible.
 */
async function toDeadIfFinal(q: Queues, job: Job<DocumentJob>, err: Error): Promise<boolean> {
  if ((await job.getState()) !== "failed") return false;
  const entry: DeadJob = {
    hash: job.data.hash,
    origin: job.data.origin,
    reason: err.message || job.failedReason || "failed",
    attempts: job.attemptsMade,
    failedAt: new Date(job.finishedOn ?? Date.now()).toISOString(),
    job: job.data,
  };
  await q.dead.add("dead", entry, { jobId: job.data.hash });
  await q.redis.hincrby(q.key("stats"), "dead", 1);
  await job.remove().catch(() => undefined);
  return true;
}
