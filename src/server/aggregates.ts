import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { queryActors, type ActorFilter, type ActorRow, type EventFilter, type Store } from "../store/index.js";
import type { AggregateCall } from "./aggregate-worker.js";
import {
  actorPairs,
  countByDateAndType,
  killedByDate,
  placesWithEvents,
  type DateTypeCount,
  type Pair,
  type PlaceCount,
} from "./queries.js";

/** The whole-table aggregates behind the charts, the network, the places and the actor list. */
export interface Aggregates {
  countByDateAndType(f: EventFilter): Promise<DateTypeCount[]>;
  killedByDate(f: EventFilter): Promise<DateTypeCount[]>;
  actorPairs(f: EventFilter, limit: number): Promise<Pair[]>;
  placesWithEvents(f: EventFilter, limit: number): Promise<PlaceCount[]>;
  actors(f: ActorFilter): Promise<ActorRow[]>;
  close(): Promise<void>;
}

function direct(store: Store): Aggregates {
  return {
    countByDateAndType: (f) => countByDateAndType(store, f),
    killedByDate: (f) => killedByDate(store, f),
    actorPairs: (f, limit) => actorPairs(store, f, limit),
    placesWithEvents: (f, limit) => placesWithEvents(store, f, limit),
    actors: (f) => queryActors(store, f),
    async close() {},
  };
}

/** The worker entry: compiled .js under dist/, or the .ts source through tsx's loader (tests, npx tsx), as the ingest pool does. */
function createWorker(path: string): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./aggregate-worker.js", import.meta.url), { workerData: { path } });
  const loader = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const entry = new URL("./aggregate-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: { path } });
}

/**
 * On a SQLite file the aggregates run in a worker thread with its own read-only connection, so
 * a long one never blocks the requests in between (better-sqlite3 is synchronous). PostgreSQL
 * (already asynchronous) and in-memory databases (not shareable) run them in this thread.
 */
export function createAggregates(store: Store): Aggregates {
  if (store.dialect !== "sqlite" || store.location === ":memory:") return direct(store);
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  };
  const call = (c: AggregateCall): Promise<unknown> => {
    if (!worker) {
      const w = createWorker(store.location);
      w.on("message", (m: { id: number; result?: unknown; error?: string } | { ready: true }) => {
        if ("ready" in m) return;
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (pending.size === 0) w.unref(); // an idle worker does not keep the process alive
        if (m.error !== undefined) p.reject(new Error(`aggregate query failed: ${m.error}`));
        else p.resolve(m.result);
      });
      w.on("error", (e) => failAll(e));
      w.on("exit", (code) => failAll(new Error(`the aggregate worker stopped (exit code ${code})`)));
      w.unref();
      worker = w;
    }
    const id = nextId++;
    worker.ref(); // a pending answer does
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ id, call: c });
    });
  };
  return {
    countByDateAndType: (f) => call({ fn: "countByDateAndType", args: f }) as Promise<DateTypeCount[]>,
    killedByDate: (f) => call({ fn: "killedByDate", args: f }) as Promise<DateTypeCount[]>,
    actorPairs: (f, limit) => call({ fn: "actorPairs", args: [f, limit] }) as Promise<Pair[]>,
    placesWithEvents: (f, limit) => call({ fn: "placesWithEvents", args: [f, limit] }) as Promise<PlaceCount[]>,
    actors: (f) => call({ fn: "actors", args: f }) as Promise<ActorRow[]>,
    async close() {
      const w = worker;
      worker = null;
      if (w) {
        w.removeAllListeners("exit");
        await w.terminate();
      }
    },
  };
}
