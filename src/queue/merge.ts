import { DelayedError, type Job } from "bullmq";
import { remerge, type RemergeResult } from "../store/remerge.js";
import type { Store } from "../store/open.js";
import { activeProducers, documentBacklog, type MergeJob, type Queues } from "./queues.js";

/**
 * Merging across articles with many workers: the design.
 *
 * A single-process `sitrep ingest` stores every document of its batch, then runs ONE merge pass
 * (`remerge`) over the events that are not merged yet. The queue does the same thing:
 *
 * 1. Document jobs only store (extract + one transaction per document); they never merge.
 * 2. After its document is committed (or given up), a job asks for a merge pass by adding a job
 *    to NAME-merge whose id is the current time bucket (`merge-<n>`, MERGE_BUCKET_MS wide) and
 *    which waits until the bucket has ended. All documents finishing in one bucket share one
 *    pass, and that pass starts after each of their commits.
 * 3. A pass runs only when the document backlog is empty and no producer is still enqueuing;
 *    otherwise it does nothing, because a document still in the backlog will ask for a later
 *    pass when it finishes. So the pass that does the work runs once after the last document
 *    of the batch, over all of them: exactly the single-process result.
 * 4. `remerge` takes a PostgreSQL advisory lock (pg_advisory_xact_lock) inside its transaction,
 *    so passes from different machines (or a CLI ingest next to the workers) never interleave
 *    and cannot write duplicate merged events. A killed pass rolls back; the next one redoes it.
 *
 * With documents streaming in while workers keep up, passes also run whenever the backlog
 * momentarily empties: the same as running `sitrep ingest` once per such batch.
 */

export const MERGE_BUCKET_MS = 2_000;

export interface MergeTiming {
  /** Width of a trigger bucket (default MERGE_BUCKET_MS). */
  readonly bucketMs?: number;
  /** Extra wait after the bucket ends, for clock differences between machines (default 1000 ms). */
  readonly marginMs?: number;
}

/** Asks for a merge pass after now (idempotent within a bucket). */
export async function requestMerge(q: Queues, timing: MergeTiming = {}): Promise<void> {
  const width = timing.bucketMs ?? MERGE_BUCKET_MS;
  const margin = timing.marginMs ?? 1_000;
  const now = Date.now();
  const bucket = Math.floor(now / width);
  const after = (bucket + 1) * width + margin;
  await q.merge.add(
    "merge",
    { after },
    {
      jobId: `merge-${bucket}`,
      delay: after - now,
      attempts: 10,
      backoff: { type: "exponential", delay: 1_000 },
      // Removed once done: a late request for the same bucket (clock skew) then runs again, harmlessly.
      removeOnComplete: true,
      removeOnFail: { count: 100 },
    },
  );
}

export type MergeOutcome =
  { readonly ran: true; readonly result: RemergeResult } | { readonly ran: false; readonly reason: "backlog" | "producers" };

/** The NAME-merge processor: wait for the bucket's end, skip while work is pending, else merge. */
export async function processMergeJob(q: Queues, store: Store, job: Job<MergeJob>, token?: string): Promise<MergeOutcome> {
  if (Date.now() < job.data.after) {
    await job.moveToDelayed(job.data.after, token);
    throw new DelayedError();
  }
  if ((await documentBacklog(q)) > 0) return { ran: false, reason: "backlog" };
  if ((await activeProducers(q)) > 0) return { ran: false, reason: "producers" };
  const result = await remerge(store);
  await q.redis.hincrby(q.key("stats"), "merges", 1);
  await q.redis.hset(q.key("stats"), "lastMerge", new Date().toISOString());
  return { ran: true, result };
}
