import { randomUUID } from "node:crypto";
import { readSource, type IngestItem, type ReadOptions } from "../ingest/readers.js";
import { contentHash } from "../store/write.js";
import { requestMerge } from "./merge.js";
import type { DocumentJob, Queues } from "./queues.js";

export interface EnqueueOptions extends ReadOptions {
  /** Publication date for documents that state none (as `sitrep ingest --published`). */
  readonly published?: string;
  /** Tries per document before it goes to the dead-letter list (default 5). */
  readonly attempts?: number;
  /** First retry delay; each next one doubles (default 5000 ms). */
  readonly backoffMs?: number;
  /** Called for each input that could not be read (the batch goes on). */
  readonly onFailure?: (origin: string, reason: string) => void;
}

export interface EnqueueSummary {
  /** Documents read from the inputs. */
  readonly documents: number;
  /** New jobs added. */
  readonly enqueued: number;
  /** Already queued (same content hash), or repeated in this batch. */
  readonly duplicates: number;
  /** Inputs that could not be read. */
  readonly failed: number;
  readonly failures: readonly { readonly origin: string; readonly reason: string }[];
}

const BULK = 200;
const PRODUCER_TTL_MS = 60_000;

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 5_000;

/** The job for one read document: the content hash is its id, so the same text is queued once. */
export function documentJob(item: IngestItem, published?: string): DocumentJob {
  const input =
    published && !item.input.published && !item.input.metadataPublished ? { ...item.input, metadataPublished: published } : item.input;
  return { hash: contentHash(input.text), origin: item.origin, input };
}

/**
 * Reads the inputs (files, directories, URLs, feeds, `-`) as `sitrep ingest` does and adds one
 * job per document. While it runs it is registered as a producer, so that workers do not merge
 * a half-enqueued batch (merge.ts); the registration expires by itself if this process dies.
 */
export async function enqueueSources(q: Queues, sources: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const producer = randomUUID();
  const producers = q.key("producers");
  const register = () => q.redis.zadd(producers, Date.now() + PRODUCER_TTL_MS, producer);
  await register();
  const heartbeat = setInterval(() => void register().catch(() => undefined), PRODUCER_TTL_MS / 4);
  heartbeat.unref();
  const failures: { origin: string; reason: string }[] = [];
  let documents = 0;
  let enqueued = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  let batch: DocumentJob[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const r = await addDocuments(q, batch, options);
    enqueued += r.added;
    duplicates += r.existing;
    batch = [];
  };
  try {
    for (const src of sources)
      for await (const r of readSource(src, options)) {
        if (r.kind === "failure") {
          failures.push({ origin: r.origin, reason: r.reason });
          options.onFailure?.(r.origin, r.reason);
          continue;
        }
        documents++;
        const job = documentJob(r, options.published);
        if (seen.has(job.hash)) {
          duplicates++;
          continue;
        }
        seen.add(job.hash);
        batch.push(job);
        if (batch.length >= BULK) await flush();
      }
    await flush();
  } finally {
    clearInterval(heartbeat);
    await q.redis.zrem(producers, producer);
    // Drop registrations of producers that died (their entries expired).
    await q.redis.zremrangebyscore(producers, "-inf", Date.now());
  }
  // Merge passes skipped while this producer was enqueuing are asked for again (a no-op if
  // nothing is left to merge; the new documents ask for their own when they are stored).
  await requestMerge(q);
  return { documents, enqueued, duplicates, failed: failures.length, failures };
}

/** Adds document jobs (id = content hash); returns how many were new and how many already existed. */
export async function addDocuments(
  q: Queues,
  jobs: readonly DocumentJob[],
  options: Pick<EnqueueOptions, "attempts" | "backoffMs"> = {},
): Promise<{ added: number; existing: number }> {
  if (jobs.length === 0) return { added: 0, existing: 0 };
  // Which ids exist already (queued, running, or recently completed): only for the summary;
  // BullMQ itself ignores a job whose id exists, which is what makes re-enqueueing idempotent.
  const exists = await Promise.all(jobs.map((j) => q.redis.exists(`${q.config.prefix}:${q.config.name}:${j.hash}`)));
  const existing = exists.filter((x) => x === 1).length;
  await q.docs.addBulk(
    jobs.map((data) => ({
      name: "document",
      data,
      opts: {
        jobId: data.hash,
        attempts: options.attempts ?? DEFAULT_ATTEMPTS,
        backoff: { type: "exponential", delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
        // Finished jobs stay a while (status, and re-enqueueing them is a no-op); the database
        // is the record. Failed ones move to the dead-letter list (worker.ts).
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    })),
  );
  return { added: jobs.length - existing, existing };
}
