import { parseArgs } from "node:util";
import { createProgress, defaultWorkerCount, ingest } from "../../ingest/index.js";
import { isIsoDate } from "../../stages/published/index.js";
import { defaultStoreLocation, openStore, storeStats } from "../../store/index.js";
import { EXIT_OK, EXIT_PARTIAL, UsageError, type Command } from "../command.js";
import { enqueueFromCli } from "./queue.js";

export const ingestCommand: Command = {
  name: "ingest",
  summary: "Store articles (files, directories, JSONL, HTML, RSS/Atom, URLs) with their events, merging duplicates",
  usage:
    "sitrep ingest <path|dir|url|feed|->... [--db FILE|URL] [--workers N] [--published YYYY-MM-DD] [--reextract] [--dry-run]\n" +
    "       [--follow] [--allow-private] [--quiet]\n" +
    "       sitrep ingest --queue redis://HOST:6379 [--name QUEUE] [--attempts N] <path|dir|url|feed|->...   (enqueue for `sitrep worker`)",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        workers: { type: "string" },
        published: { type: "string" },
        reextract: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        follow: { type: "boolean", default: false },
        "allow-private": { type: "boolean", default: false },
        quiet: { type: "boolean", short: "q", default: false },
        // issue 6: enqueue for `sitrep worker` (src/cli/commands/queue.ts) instead of ingesting here.
        queue: { type: "string" },
        name: { type: "string" },
        attempts: { type: "string" },
      },
    });
    if (positionals.length === 0) throw new UsageError("give at least one file, directory, URL or - for standard input");
    const workers = values.workers === undefined ? defaultWorkerCount() : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64)
      throw new UsageError(`--workers must be a whole number from 0 to 64, not "${values.workers}"`);
    if (values.published !== undefined && !isIsoDate(values.published))
      throw new UsageError(`--published "${values.published}" is not a valid date (YYYY-MM-DD)`);
    if (values.queue !== undefined) {
      if (values.reextract || values["dry-run"] || values.db || values.workers)
        throw new UsageError(
          "--queue only enqueues: --db, --workers, --reextract and --dry-run belong to `sitrep worker` or a local ingest",
        );
      return enqueueFromCli(values.queue, positionals, {
        name: values.name,
        attempts: values.attempts,
        published: values.published,
        follow: values.follow,
        allowPrivate: values["allow-private"],
        quiet: values.quiet,
      });
    }
    const dryRun = values["dry-run"];
    const location = defaultStoreLocation(values.db);
    const store = dryRun ? null : await openStore(location);
    const progress = createProgress("ingest", process.stderr, { quiet: values.quiet });
    try {
      const s = await ingest(store, positionals, {
        workers,
        dryRun,
        reextract: values.reextract,
        follow: values.follow,
        fetch: { allowPrivate: values["allow-private"] },
        progress,
        ...(values.published ? { published: values.published } : {}),
      });
      const rate = s.seconds > 0 ? (s.added + s.reextracted) / s.seconds : 0;
      const lines = [
        `${dryRun ? "dry run: " : ""}${s.documents} document(s) read: ${s.added} added, ${s.reextracted} re-extracted, ${s.unchanged} already stored, ${s.failed} failed`,
        `${s.events} per-article event(s) extracted${dryRun ? "" : `, ${s.merged} merged event(s) updated`} in ${s.seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s)`,
      ];
      if (store) {
        const t = await storeStats(store);
        lines.push(
          `database ${store.location}: ${t.documents} documents, ${t.events} per-article events, ${t.mergedEvents} events after merging (${t.multiSource} reported by more than one source)`,
        );
      }
      process.stdout.write(`${lines.join("\n")}\n`);
      if (s.failed > 0) {
        process.stderr.write(`\n${s.failed} input(s) failed:\n`);
        for (const f of s.failures) process.stderr.write(`  ${f.reason}\n`);
      }
      return s.failed > 0 ? EXIT_PARTIAL : EXIT_OK;
    } finally {
      await store?.close();
    }
  },
};
