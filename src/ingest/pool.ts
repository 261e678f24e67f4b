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

interface Task {
  readonly id: number;
  readonly input: DocumentInput;
  readonly resolve: (x: Extraction) => void;
  readonly reject: (e: Error) => void;
  attempts: number;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Task>;
}

export interface PoolOptions {
  /** A document whose extraction takes longer fails, and its worker is replaced (default 120 s). */
  readonly timeoutMs?: number;
}

/**
 * A pool of worker threads, each with its own extractor; tasks go to the least busy worker. A
 * worker that crashes or hangs is replaced: the document it was stuck on fails (reported), the
 * other documents it held are sent again (once).
 */
export function createPool(size: number, options: PoolOptions = {}): ExtractPool {
  const timeoutMs = options.timeoutMs ?? 120_000;
  if (size <= 0) {
    const extractor = defaultExtractor();
    return {
      size: 0,
      async extract(input) {
        try {
          return extractor.extract(input);
        } catch (e) {
          // As in a worker: a document that breaks a stage fails alone, the batch goes on.
          throw new ExtractionFailed(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
        }
      },
      async close() {},
    };
  }
  let nextId = 1;
  let closed = false;
  const slots: Slot[] = [];
  const dispatch = (task: Task) => {
    const slot = slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    slot.busy.set(task.id, task);
    task.attempts++;
    clearTimeout(task.timer);
    task.timer = setTimeout(() => {
      if (slot.busy.get(task.id) !== task) return;
      slot.busy.delete(task.id);
      task.reject(new ExtractionFailed(`extraction took longer than ${Math.round(timeoutMs / 1000)} s; its worker was restarted`));
      replace(slot, "it was stopped after a time-out");
    }, timeoutMs);
    task.timer.unref();
    slot.worker.postMessage({ id: task.id, input: task.input } satisfies WorkerTask);
  };
  const replace = (slot: Slot, why: string) => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    const orphans = [...slot.busy.values()];
    slot.busy.clear();
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (closed) return;
    slots[i] = spawn();
    for (const t of orphans) {
      if (t.attempts >= 2) {
        clearTimeout(t.timer);
        t.reject(new ExtractionFailed(`the extraction worker stopped twice on this document (${why})`));
      } else dispatch(t);
    }
  };
  const spawn = (): Slot => {
    const slot: Slot = { worker: createWorker(), busy: new Map() };
    slot.worker.on("message", (m: WorkerReply | { ready: true }) => {
      if ("ready" in m) return;
      const task = slot.busy.get(m.id);
      if (!task) return;
      slot.busy.delete(m.id);
      clearTimeout(task.timer);
      if ("extraction" in m) task.resolve(m.extraction);
      else task.reject(new ExtractionFailed(m.error));
    });
    slot.worker.on("error", (e) => replace(slot, e.message));
    slot.worker.on("exit", (code) => {
      if (!closed) replace(slot, `exit code ${code}`);
    });
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn());
  return {
    size,
    extract(input) {
      return new Promise<Extraction>((resolve, reject) => dispatch({ id: nextId++, input, resolve, reject, attempts: 0 }));
    },
    async close() {
      closed = true;
      for (const s of slots) for (const t of s.busy.values()) clearTimeout(t.timer);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
