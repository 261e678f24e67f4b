import type { DocumentInput } from "../model/document.js";
import { SITREP_VERSION } from "../model/extraction.js";
import { beginRun, contentHash, findByHash, finishRun, remerge, writeDocument, type Store } from "../store/index.js";
import { createPool, ExtractionFailed, type ExtractPool } from "./pool.js";
import type { Progress } from "./progress.js";
import { readSource, type IngestItem, type ReadOptions } from "./readers.js";

/** Documents read ahead of extraction at most (memory stays bounded on any corpus). */
const READ_AHEAD = 2000;

export interface IngestOptions extends ReadOptions {
  /** Worker threads for extraction (0: in this thread). */
  readonly workers: number;
  /** Read and extract, store nothing. */
  readonly dryRun?: boolean;
  /** Publication date for documents that state none (no dateline, no metadata). */
  readonly published?: string;
  /** Re-extract documents already stored (after a pipeline change). */
  readonly reextract?: boolean;
  readonly progress?: Progress;
}

export interface IngestFailureReport {
  readonly origin: string;
  readonly reason: string;
}

export interface IngestSummary {
  /** Documents read from the inputs. */
  readonly documents: number;
  readonly added: number;
  readonly reextracted: number;
  /** Already stored (same content), or repeated within this batch. */
  readonly unchanged: number;
  readonly failed: number;
  readonly failures: readonly IngestFailureReport[];
  /** Per-article events found in the processed documents. */
  readonly events: number;
  /** Merged events (re)written by the merge step. */
  readonly merged: number;
  readonly seconds: number;
  readonly runId: string | null;
}

/**
 * Reads every input, extracts the new documents on the worker pool and stores each in its own
 * transaction, then merges events. Bad inputs are collected as failures; the batch goes on.
 * `store` may be null only for a dry run.
 */
export async function ingest(store: Store | null, sources: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const progress = options.progress;
  const failures: IngestFailureReport[] = [];
  const fail = (origin: string, reason: string) => {
    failures.push({ origin, reason });
    progress?.failure(reason);
  };
  if (!store && !options.dryRun) throw new Error("ingest needs a store unless it is a dry run");

  const runId =
    store && !options.dryRun
      ? await beginRun(store, {
          sitrepVersion: SITREP_VERSION,
          pipeline: [],
          config: {
            workers: options.workers,
            reextract: !!options.reextract,
            published: options.published ?? null,
            follow: !!options.follow,
            sources: sources.slice(0, 50),
          },
        })
      : null;

  // 1. A reader runs ahead of extraction by at most READ_AHEAD documents (bounded memory
  //    whatever the corpus size), skipping content already stored (or repeated in the batch).
  type Todo = { item: IngestItem; hash: string; replace: boolean };
  const queue: Todo[] = [];
  let readingDone = false;
  let documents = 0;
  let unchanged = 0;
  let queued = 0;
  let wakeReader: (() => void) | null = null;
  let wakeWorkers: (() => void)[] = [];
  const notifyWorkers = () => {
    const w = wakeWorkers;
    wakeWorkers = [];
    for (const f of w) f();
  };
  const seen = new Set<string>();
  const reader = (async () => {
    try {
      for (const src of sources)
        for await (const r of readSource(src, options)) {
          if (r.kind === "failure") {
            fail(r.origin, r.reason);
            continue;
          }
          documents++;
          const hash = contentHash(r.input.text);
          if (seen.has(hash)) {
            unchanged++;
            continue;
          }
          seen.add(hash);
          const existing = store ? await findByHash(store, hash) : null;
          if (existing && !options.reextract) {
            unchanged++;
            continue;
          }
          queue.push({ item: r, hash, replace: !!existing });
          queued++;
          progress?.setTotal(queued, false);
          notifyWorkers();
          while (queue.length >= READ_AHEAD) await new Promise<void>((res) => (wakeReader = res));
        }
    } finally {
      readingDone = true;
      progress?.setTotal(queued, true);
      notifyWorkers();
    }
  })();
  // Awaited after extraction; the handler only keeps an early failure from counting as unhandled.
  reader.catch(() => undefined);
  const take = async (): Promise<Todo | null> => {
    for (;;) {
      const t = queue.shift();
      if (t) {
        const w = wakeReader;
        wakeReader = null;
        w?.();
        return t;
      }
      if (readingDone) return null;
      await new Promise<void>((res) => wakeWorkers.push(res));
    }
  };

  let pool: ExtractPool | null = null;
  let added = 0;
  let reextracted = 0;
  let events = 0;
  let pipeline: readonly string[] | null = null;

  // 2. Extract in parallel (a bounded window), write in order of completion, one transaction each.
  let writes: Promise<void> = Promise.resolve();
  const runOne = async (t: Todo): Promise<void> => {
    const input: DocumentInput =
      options.published && !t.item.input.published && !t.item.input.metadataPublished
        ? { ...t.item.input, metadataPublished: options.published }
        : t.item.input;
    let extraction;
    try {
      extraction = await pool!.extract(input);
    } catch (e) {
      if (!(e instanceof ExtractionFailed)) throw e;
      fail(t.item.origin, `${t.item.origin}: extraction failed (${e.message})`);
      progress?.tick(true);
      return;
    }
    pipeline ??= extraction.pipeline;
    events += extraction.events.length;
    if (store && !options.dryRun) {
      const write = writes.then(async () => {
        const r = await writeDocument(
          store,
          runId!,
          { hash: t.hash, text: input.text, url: input.url, title: input.title, outlet: input.outlet, origin: t.item.origin, extraction },
          t.replace,
        );
        if (r === "replaced") reextracted++;
        else added++;
      });
      writes = write.catch(() => undefined);
      await write;
    }
    progress?.tick();
  };
  try {
    // The pool starts with the first document to extract (none: no worker is started).
    const first = await take();
    if (first) {
      pool = createPool(options.workers);
      const window = Math.max(2, pool.size * 3);
      let pending: Todo | null = first;
      const loop = async () => {
        for (;;) {
          const t: Todo | null = pending ?? (await take());
          pending = null;
          if (!t) return;
          await runOne(t);
        }
      };
      await Promise.all(Array.from({ length: window }, loop));
    }
    await reader;
  } finally {
    await pool?.close();
    progress?.done();
  }

  let merged = 0;
  if (store && !options.dryRun) {
    // Also finishes a merge a killed run left undone (its events are still unmerged).
    merged = (await remerge(store)).merged;
    if (pipeline)
      await store.db
        .updateTable("runs")
        .set({ pipeline: JSON.stringify(pipeline) })
        .where("id", "=", runId!)
        .execute();
    await finishRun(store, runId!, added + reextracted, failures.length);
  }
  return {
    documents,
    added,
    reextracted,
    unchanged,
    failed: failures.length,
    failures,
    events,
    merged,
    seconds: (Date.now() - started) / 1000,
    runId,
  };
}
