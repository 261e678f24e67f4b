import { Queue } from "bullmq";
import { Redis } from "ioredis";

/**
 * The Redis side of distributed ingestion (BullMQ). One logical queue NAME is three BullMQ
 * queues under one key prefix:
 *   NAME        documents to extract and store (job id = content hash: re-enqueueing is a no-op)
 *   NAME-merge  merge passes (time-bucketed ids, see merge.ts)
 *   NAME-dead   the dead-letter list: documents that kept failing, with the reason
 * plus two plain keys: `<prefix>:NAME:stats` (counters) and `<prefix>:NAME:producers` (enqueuers at work).
 */

export const DEFAULT_QUEUE_NAME = "sitrep";
export const DEFAULT_PREFIX = "sitrep";

export interface QueueConfig {
  /** redis://[user:password@]host[:port][/db] (rediss:// for TLS). */
  readonly url: string;
  /** Logical queue name (letters, digits, _ and -). */
  readonly name?: string;
  /** Redis key prefix of every key this queue uses. */
  readonly prefix?: string;
}

export class QueueConfigError extends Error {
  override name = "QueueConfigError";
}

export function isRedisUrl(s: string): boolean {
  return /^rediss?:\/\//i.test(s);
}

/** `--queue` wins, then SITREP_QUEUE. */
export function defaultQueueUrl(flag?: string): string | undefined {
  return flag ?? process.env.SITREP_QUEUE ?? undefined;
}

export function checkConfig(config: QueueConfig): Required<QueueConfig> {
  if (!isRedisUrl(config.url)) throw new QueueConfigError(`the queue must be a redis:// URL, not "${config.url}"`);
  const name = config.name ?? DEFAULT_QUEUE_NAME;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(name)) throw new QueueConfigError(`the queue name "${name}" may only use letters, digits, _ and -`);
  const prefix = config.prefix ?? DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9_:.-]{1,100}$/.test(prefix))
    throw new QueueConfigError(`the key prefix "${prefix}" may only use letters, digits and _ : . -`);
  return { url: config.url, name, prefix };
}

/** A Redis connection as BullMQ needs it (blocking commands wait forever: no per-request retry limit). */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** The URL without its password (for messages). */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/** What a document job carries: everything needed to extract and store it, nothing else. */
export interface DocumentJob {
  readonly hash: string;
  readonly origin: string;
  readonly input: {
    readonly id?: string;
    readonly text: string;
    readonly published?: string | null;
    readonly metadataPublished?: string | null;
    readonly title?: string;
    readonly url?: string;
    readonly outlet?: string;
  };
}

/** A dead-letter entry: the document job and why it was given up. */
export interface DeadJob {
  readonly hash: string;
  readonly origin: string;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt: string;
  readonly job: DocumentJob;
}

export interface MergeJob {
  /** End of the time bucket (ms since epoch): the pass runs after it. */
  readonly after: number;
}

export interface Queues {
  readonly config: Required<QueueConfig>;
  readonly redis: Redis;
  readonly docs: Queue<DocumentJob>;
  readonly merge: Queue<MergeJob>;
  readonly dead: Queue<DeadJob>;
  /** `<prefix>:<name>:<suffix>` */
  key(suffix: string): string;
  close(): Promise<void>;
}

/** Opens the three queues on one connection; `close()` ends the connection. */
export async function openQueues(config: QueueConfig, options: { connectTimeoutMs?: number } = {}): Promise<Queues> {
  const c = checkConfig(config);
  const redis = redisConnection(c.url);
  // ioredis reconnects forever (right for a long-running worker when Redis restarts), so the
  // first contact has a deadline: a wrong URL is reported instead of waiting silently.
  let timer: NodeJS.Timeout | undefined;
  let onError: (e: Error) => void = () => undefined;
  redis.on("error", (e: Error) => onError(e));
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        onError = reject;
        timer = setTimeout(() => reject(new Error("no answer")), options.connectTimeoutMs ?? 5_000);
      }),
    ]);
    onError = () => undefined; // later errors: ioredis reconnects by itself
  } catch (e) {
    redis.disconnect();
    throw new QueueConfigError(`cannot reach Redis at ${redactUrl(c.url)}: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  const opts = { connection: redis, prefix: c.prefix };
  const docs = new Queue<DocumentJob>(c.name, opts);
  const merge = new Queue<MergeJob>(`${c.name}-merge`, opts);
  const dead = new Queue<DeadJob>(`${c.name}-dead`, opts);
  return {
    config: c,
    redis,
    docs,
    merge,
    dead,
    key: (suffix) => `${c.prefix}:${c.name}:${suffix}`,
    async close() {
      await Promise.all([docs.close(), merge.close(), dead.close()]);
      redis.disconnect();
    },
  };
}

/** Document jobs not finished yet: waiting, running, or waiting for a retry. */
export async function documentBacklog(q: Queues): Promise<number> {
  const c = await q.docs.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children");
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/** Enqueuers that said they are still adding documents (entries expire if a producer dies). */
export async function activeProducers(q: Queues): Promise<number> {
  return q.redis.zcount(q.key("producers"), Date.now(), "+inf");
}

/** Removes every key of this queue (tests and `sitrep queue clear`). */
export async function obliterate(q: Queues): Promise<void> {
  await Promise.all([q.docs, q.merge, q.dead].map((x) => x.obliterate({ force: true })));
  await q.redis.del(q.key("stats"), q.key("producers"));
}
