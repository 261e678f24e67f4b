import { parseArgs } from "node:util";
import { checkConfig, defaultQueueUrl, openQueues, QueueConfigError, startWorker, waitForIdle } from "../../queue/index.js";
import { defaultStoreLocation, openStore } from "../../store/index.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type Command } from "../command.js";

export const workerCommand: Command = {
  name: "worker",
  summary: "Process documents from a Redis queue into the store (run any number, on any number of machines)",
  usage:
    "sitrep worker --queue redis://HOST:6379 --db postgres://USER@HOST/DB [--concurrency N] [--name QUEUE] [--lock-ms MS] [--until-idle] [--quiet]",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        queue: { type: "string" },
        db: { type: "string" },
        name: { type: "string" },
        prefix: { type: "string" },
        concurrency: { type: "string", short: "c", default: "1" },
        "lock-ms": { type: "string" },
        "until-idle": { type: "boolean", default: false },
        quiet: { type: "boolean", short: "q", default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const url = defaultQueueUrl(values.queue);
    if (!url) throw new UsageError("give the queue: --queue redis://HOST:6379 (or SITREP_QUEUE)");
    const concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
      throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${values.concurrency}"`);
    const lockMs = values["lock-ms"] === undefined ? undefined : Number(values["lock-ms"]);
    if (lockMs !== undefined && (!Number.isInteger(lockMs) || lockMs < 1000)) throw new UsageError("--lock-ms must be at least 1000");
    const config = { url, ...(values.name ? { name: values.name } : {}), ...(values.prefix ? { prefix: values.prefix } : {}) };
    try {
      checkConfig(config);
    } catch (e) {
      if (e instanceof QueueConfigError) throw new UsageError(e.message);
      throw e;
    }
    // Testing aid for crash tests: pause between extracting and storing each document.
    const delay = Number(process.env.SITREP_WORKER_DELAY_MS ?? 0) || 0;
    const log = (line: string) => {
      if (!values.quiet) process.stderr.write(`${new Date().toISOString()} ${line}\n`);
    };

    const location = defaultStoreLocation(values.db);
    if (!/^postgres(ql)?:\/\//i.test(location))
      log(`note: the store is the SQLite file ${location}; for workers on several machines use --db postgres://...`);
    const store = await openStore(location);
    let worker;
    try {
      worker = await startWorker({
        ...config,
        store,
        concurrency,
        ...(lockMs ? { lockMs } : {}),
        ...(delay ? { delayBeforeWriteMs: delay } : {}),
        log,
      });
    } catch (e) {
      await store.close();
      if (e instanceof QueueConfigError) {
        process.stderr.write(`sitrep worker: ${e.message}\n`);
        return EXIT_USAGE;
      }
      throw e;
    }
    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        log("stopping: finishing the documents in progress");
        await worker.close();
        await store.close();
      })();
      return stopping;
    };
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => void stop().then(resolve));
      process.once("SIGTERM", () => void stop().then(resolve));
      if (values["until-idle"])
        void (async () => {
          const q = await openQueues(config);
          try {
            await waitForIdle(q, { pollMs: 1000 });
          } finally {
            await q.close();
          }
          await stop();
          resolve();
        })();
    });
    const c = worker.counters;
    log(`done: ${c.stored} stored, ${c.unchanged} already stored, ${c.retried} retried, ${c.dead} dead, ${c.merges} merge passes`);
    return EXIT_OK;
  },
};
