import type { DeadJob, Queues } from "./queues.js";
import { activeProducers } from "./queues.js";

export interface QueueStatus {
  readonly queue: string;
  /** Documents waiting for a worker. */
  readonly waiting: number;
  /** Documents being processed now. */
  readonly active: number;
  /** Documents waiting for a retry (exponential backoff). */
  readonly retrying: number;
  /** Finished jobs still kept in Redis (the last 24 hours, at most 10,000). */
  readonly completed: number;
  /** Failed for good but not yet moved to the dead-letter list. */
  readonly failed: number;
  /** Dead-letter list: documents given up, with their reasons (`sitrep queue dead`). */
  readonly dead: number;
  /** Merge passes scheduled or running. */
  readonly merging: number;
  /** Workers connected now. */
  readonly workers: number;
  /** Producers still enqueuing. */
  readonly producers: number;
  /** Since the queue was created: documents stored, found already stored, and merge passes run. */
  readonly stored: number;
  readonly unchanged: number;
  readonly merges: number;
  readonly lastMerge: string | null;
}

export async function queueStatus(q: Queues): Promise<QueueStatus> {
  const [c, m, dead, workers, producers, stats] = await Promise.all([
    q.docs.getJobCounts("waiting", "prioritized", "active", "delayed", "completed", "failed"),
    q.merge.getJobCounts("waiting", "active", "delayed"),
    q.dead.getJobCountByTypes("waiting", "prioritized"),
    q.docs.getWorkersCount(),
    activeProducers(q),
    q.redis.hgetall(q.key("stats")),
  ]);
  return {
    queue: q.config.name,
    waiting: c.waiting + c.prioritized,
    active: c.active,
    retrying: c.delayed,
    completed: c.completed,
    failed: c.failed,
    dead,
    merging: m.waiting + m.active + m.delayed,
    workers,
    producers,
    stored: Number(stats.stored ?? 0),
    unchanged: Number(stats.unchanged ?? 0),
    merges: Number(stats.merges ?? 0),
    lastMerge: stats.lastMerge ?? null,
  };
}

/** Nothing left to do: no document pending, no producer enqueuing, no merge pass scheduled. */
export function isIdle(s: QueueStatus): boolean {
  return s.waiting + s.active + s.retrying + s.producers + s.merging === 0;
}

/** Polls until the queue is idle (documents stored and merged) or the timeout passes; returns the last status. */
export async function waitForIdle(q: Queues, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<QueueStatus> {
  const deadline = Date.now() + (options.timeoutMs ?? Infinity);
  for (;;) {
    const s = await queueStatus(q);
    // Twice in a row: a finishing job may be between "active" and asking for its merge pass.
    if (isIdle(s)) {
      await new Promise((r) => setTimeout(r, 200));
      const again = await queueStatus(q);
      if (isIdle(again)) return again;
    }
    if (Date.now() > deadline) return s;
    await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
  }
}

/** The dead-letter list, oldest first. */
export async function deadJobs(q: Queues, limit = 100): Promise<DeadJob[]> {
  const jobs = await q.dead.getJobs(["waiting", "prioritized"], 0, limit - 1, true);
  return jobs.map((j) => j.data as DeadJob);
}

/** Moves the dead-letter list back to the document queue (after fixing the cause). */
export async function retryDead(q: Queues, options: { attempts?: number; backoffMs?: number } = {}): Promise<number> {
  const { addDocuments } = await import("./enqueue.js");
  let n = 0;
  for (;;) {
    const jobs = await q.dead.getJobs(["waiting", "prioritized"], 0, 199, true);
    if (jobs.length === 0) return n;
    await addDocuments(
      q,
      jobs.map((j) => (j.data as DeadJob).job),
      options,
    );
    for (const j of jobs) await j.remove();
    n += jobs.length;
  }
}
