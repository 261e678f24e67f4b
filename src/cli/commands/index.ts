import type { Command } from "../command.js";

/** A command's name and how to load it: modules load on demand, so `sitrep extract` does not pay for the server, store and queue. */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<Command>;
}

/**
 * Every `sitrep` command, in the order `sitrep --help` lists them.
 * To add one: one line in this array.
 */
// prettier-ignore
export const COMMANDS: readonly CommandEntry[] = [
  { name: "extract", load: async () => (await import("./extract.js")).extractCommand },
  { name: "ingest", load: async () => (await import("./ingest.js")).ingestCommand },
  { name: "events", load: async () => (await import("./events.js")).eventsCommand },
  { name: "actors", load: async () => (await import("./actors.js")).actorsCommand },
  { name: "docs", load: async () => (await import("./docs.js")).docsCommand },
  { name: "series", load: async () => (await import("./series.js")).seriesCommand },
  { name: "export", load: async () => (await import("./export.js")).exportCommand },
  { name: "check", load: async () => (await import("./check.js")).checkCommand },
  { name: "data-lint", load: async () => (await import("./data-lint.js")).dataLintCommand },
  { name: "serve", load: async () => (await import("./serve.js")).serveCommand },
  { name: "worker", load: async () => (await import("./worker.js")).workerCommand },
  { name: "queue", load: async () => (await import("./queue.js")).queueCommand },
  { name: "eval", load: async () => (await import("./eval.js")).evalCommand },
];
