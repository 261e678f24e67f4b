import { parseArgs } from "node:util";
import {
  deadJobs,
  defaultQueueUrl,
  enqueueSources,
  obliterate,
  openQueues,
  QueueConfigError,
  queueStatus,
  retryDead,
  waitForIdle,
  type QueueConfig,
  type QueueStatus,
  type Queues,
} from "../../queue/index.js";
import { EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, UsageError, type Command } from "../command.js";

async function withQueues<T>(config: QueueConfig, f: (q: Queues) => Promise<T>): Promise<T> {
  let q: Queues;
  try {
    q = await openQueues(config);
  } catch (e) {
    if (e instanceof QueueConfigError) throw new UsageError(e.message);
    throw e;
  }
  try {
    return await f(q);
  } finally {
    await q.close();
  }
}

export interface EnqueueCliOptions {
  readonly name?: string;
  /** Tries per document before the dead-letter list (default 5). */
  readonly attempts?: string;
  readonly published?: string;
  readonly follow?: boolean;
  readonly allowPrivate?: boolean;
  readonly quiet?: boolean;
}

/** `sitrep ingest --queue URL <paths>`: reads the inputs and enqueues one job per document for `sitrep worker`. */
export async function enqueueFromCli(url: string, sources: readonly string[], o: EnqueueCliOptions): Promise<number> {
  const attempts = o.attempts === undefined ? undefined : Number(o.attempts);
  if (attempts !== undefined && (!Number.isInteger(attempts) || attempts < 1 || attempts > 100))
    throw new UsageError(`--attempts must be a whole number from 1 to 100, not "${o.attempts}"`);
  return withQueues({ url, ...(o.name ? { name: o.name } : {}) }, async (q) => {
    const started = Date.now();
    const s = await enqueueSources(q, sources, {
      follow: o.follow,
      fetch: { allowPrivate: o.allowPrivate },
      ...(o.published ? { published: o.published } : {}),
      ...(attempts ? { attempts } : {}),
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${s.documents} document(s) read: ${s.enqueued} enqueued, ${s.duplicates} already queued or repeated, ${s.failed} failed (${seconds.toFixed(1)} s)\n` +
        `queue ${q.config.name}: follow it with \`sitrep queue status --queue ${url.replace(/\/\/[^@/]*@/, "//")}${o.name ? ` --name ${o.name}` : ""}\`\n`,
    );
    if (s.failed > 0) {
      process.stderr.write(`\n${s.failed} input(s) failed:\n`);
      for (const f of s.failures) process.stderr.write(`  ${f.reason}\n`);
    }
    return s.failed > 0 ? EXIT_PARTIAL : EXIT_OK;
  });
}

function formatStatus(s: QueueStatus): string {
  const rows: [string, string][] = [
    ["waiting", String(s.waiting)],
    ["active", String(s.active)],
    ["retrying", String(s.retrying)],
    ["completed", `${s.completed} kept in Redis; ${s.stored} stored, ${s.unchanged} already stored since the start`],
    ["failed", String(s.failed)],
    ["dead", String(s.dead)],
    ["merge", `${s.merging ? `${s.merging} pass(es) scheduled` : "idle"}; ${s.merges} run${s.lastMerge ? `, last ${s.lastMerge}` : ""}`],
    ["workers", String(s.workers)],
    ["producers", String(s.producers)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  return `queue ${s.queue}\n${rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join("\n")}\n`;
}

const SUBCOMMANDS = ["status", "wait", "dead", "retry-dead", "clear"] as const;

export const queueCommand: Command = {
  name: "queue",
  summary: "Inspect the ingestion queue: status (waiting/active/completed/failed/dead), wait, dead letters, retry, clear",
  usage:
    "sitrep queue status|wait|dead|retry-dead|clear --queue redis://HOST:6379 [--name QUEUE] [--format text|json] [--timeout S] [--yes]",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        queue: { type: "string" },
        name: { type: "string" },
        prefix: { type: "string" },
        format: { type: "string", default: "text" },
        timeout: { type: "string" },
        limit: { type: "string", default: "100" },
        yes: { type: "boolean", default: false },
      },
    });
    const sub = positionals[0] ?? "status";
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`unknown subcommand "${sub}" (${SUBCOMMANDS.join(", ")})`);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const url = defaultQueueUrl(values.queue);
    if (!url) throw new UsageError("give the queue: --queue redis://HOST:6379 (or SITREP_QUEUE)");
    if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json, not "${values.format}"`);
    const json = values.format === "json";
    const config = { url, ...(values.name ? { name: values.name } : {}), ...(values.prefix ? { prefix: values.prefix } : {}) };
    return withQueues(config, async (q) => {
      switch (sub) {
        case "status": {
          const s = await queueStatus(q);
          process.stdout.write(json ? `${JSON.stringify(s)}\n` : formatStatus(s));
          return EXIT_OK;
        }
        case "wait": {
          const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
          if (timeout !== undefined && !(timeout > 0)) throw new UsageError("--timeout must be a number of seconds");
          const s = await waitForIdle(q, { ...(timeout ? { timeoutMs: timeout * 1000 } : {}) });
          process.stdout.write(json ? `${JSON.stringify(s)}\n` : formatStatus(s));
          return s.waiting + s.active + s.retrying + s.merging + s.producers === 0 ? EXIT_OK : EXIT_PARTIAL;
        }
        case "dead": {
          const limit = Number(values.limit);
          if (!Number.isInteger(limit) || limit < 1) throw new UsageError("--limit must be a positive whole number");
          const dead = await deadJobs(q, limit);
          if (json) for (const d of dead) process.stdout.write(`${JSON.stringify({ ...d, job: undefined })}\n`);
          else if (dead.length === 0) process.stdout.write("the dead-letter list is empty\n");
          else for (const d of dead) process.stdout.write(`${d.failedAt}  ${d.origin}  (${d.attempts} attempts)  ${d.reason}\n`);
          return EXIT_OK;
        }
        case "retry-dead": {
          const n = await retryDead(q);
          process.stdout.write(`${n} document(s) moved from the dead-letter list back to the queue\n`);
          return EXIT_OK;
        }
        case "clear": {
          if (!values.yes) {
            process.stderr.write(`sitrep queue clear: this deletes every job of queue ${q.config.name}; add --yes\n`);
            return EXIT_USAGE;
          }
          await obliterate(q);
          process.stdout.write(`queue ${q.config.name} cleared\n`);
          return EXIT_OK;
        }
      }
      return EXIT_USAGE;
    });
  },
};
