import { createRequire } from "node:module";
import { cpus } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { DocumentInput } from "../model/document.js";
import type { Extraction } from "../model/extraction.js";
import { defaultExtractor } from "../runtime/extractor.js";

export interface WorkerTask {
  readonly id: number;
  readonly input: DocumentInput;
}
export type WorkerReply =
  { readonly id: number; readonly extraction: Extraction } | { readonly id: number; readonly error: string; readonly input: boolean };

/** An extraction that failed on this document (bad input such as an invalid date, or a stage bug). */
export class ExtractionFailed extends Error {
  override name = "ExtractionFailed";
}

export interface ExtractPool {
  /** Number of worker threads (0: extraction runs in this thread). */
  readonly size: number;
  extract(input: DocumentInput): Promise<Extraction>;
  close(): Promise<void>;
}

export function defaultWorkerCount(): number {
  return Math.max(1, cpus().length);
}

/**
 * The worker entry next to this module: compiled `worker.js` under dist/, or `worker.ts` when
 * running from the sources (tests, `npx tsx`): then a small bootstrap registers tsx's loader in
 * the worker first (loader flags given to a worker are not enough on Node 20).
 */
function createWorker(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url));
  // tsx's ESM API (its .mjs build: `require.resolve` gives the CommonJS one) registers the TypeScript hooks.
  const loader = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const entry = new URL("./worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

interface Slot {
  worker: Worker;
  busy: Map<number, { resolve: (x: Extraction) => void; reject: (e: Error) => void; input: DocumentInput }>;
}

/** A pool of worker threads, each with its own extractor; tasks go to the least busy worker. */
export function createPool(size: number): ExtractPool {
  if (size <= 0) {
    const extractor = defaultExtractor();
    return {
      size: 0,
      async extract(input) {
        try {
          return extractor.extract(input);
        } catch (e) {
          if (e instanceof RangeError) throw new ExtractionFailed(e.message);
          throw e;
        }
      },
      async close() {},
    };
  }
  let nextId = 1;
  let closed = false;
  const slots: Slot[] = [];
  const spawn = (): Slot => {
    const slot: Slot = { worker: createWorker(), busy: new Map() };
    slot.worker.on("message", (m: WorkerReply | { ready: true }) => {
      if ("ready" in m) return;
      const task = slot.busy.get(m.id);
      if (!task) return;
      slot.busy.delete(m.id);
      if ("extraction" in m) task.resolve(m.extraction);
      else task.reject(new ExtractionFailed(m.error));
    });
    const fail = (e: Error) => {
      // A crashed worker fails its in-flight documents (reported) and is replaced.
      for (const t of slot.busy.values()) t.reject(new ExtractionFailed(`the extraction worker stopped: ${e.message}`));
      slot.busy.clear();
      const i = slots.indexOf(slot);
      if (i >= 0 && !closed) slots[i] = spawn();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => {
      if (!closed && code !== 0) fail(new Error(`exit code ${code}`));
    });
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn());
  return {
    size,
    extract(input) {
      const slot = slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      const id = nextId++;
      return new Promise<Extraction>((resolve, reject) => {
        slot.busy.set(id, { resolve, reject, input });
        slot.worker.postMessage({ id, input } satisfies WorkerTask);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
