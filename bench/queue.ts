/**
 * Queue benchmark (issue 6): throughput of distributed ingestion with 1, 2 and 4 worker
 * processes on a generated corpus, into PostgreSQL through Redis.
 *
 *   npx tsx bench/queue.ts [--articles 10000] [--workers 1,2,4] [--dir /tmp/sitrep-bench-ingest]
 *                          [--pg postgres://postgres@127.0.0.1:5432/test] [--redis redis://127.0.0.1:6379]
 *
 * The corpus is the ingest benchmark's (bench/ingest.ts --corpus-only: templated articles, one
 * JSON Lines file). For each worker count: a fresh database and queue; W `sitrep worker`
 * processes (concurrency 1 each) are started and ready (extractor loaded) before the clock
 * starts; then the corpus is enqueued and the clock stops when every document is stored and
 * the final merge pass has run. Prints figures; asserts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { enqueueSources, obliterate, openQueues, queueStatus, waitForIdle } from "../src/queue/index.js";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    workers: { type: "string", default: "1,2,4" },
    dir: { type: "string", default: "/tmp/sitrep-bench-ingest" },
    pg: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
    redis: { type: "string", default: "redis://127.0.0.1:6379" },
  },
});
const N = Number(values.articles);
const workerCounts = values.workers!.split(",").map(Number);
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const corpus = join(values.dir!, `corpus-${N}.jsonl`);
if (!existsSync(corpus)) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "bench/ingest.ts", "--articles", String(N), "--dir", values.dir!, "--corpus-only"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (r.status !== 0) throw new Error("could not generate the corpus");
} else console.log(`corpus: ${corpus} (reused)`);
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}; PostgreSQL and Redis on the same machine\n`,
);

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: values.pg });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

function startWorker(queue: string, name: string, db: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "worker", "--queue", queue, "--name", name, "--db", db], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (b: Buffer) => {
      out += b.toString();
      if (/ ready: queue /.test(out)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`worker exited (${code}): ${out}`)));
  });
  return { child, ready };
}

const results: string[] = [];
for (const w of workerCounts) {
  const dbName = `sitrep_bench_queue_${process.pid}_${w}`;
  await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(values.pg!);
  url.pathname = `/${dbName}`;
  const name = `bench-${process.pid}-${w}`;
  const q = await openQueues({ url: values.redis!, name });
  const workers = Array.from({ length: w }, () => startWorker(values.redis!, name, url.href));
  try {
    await Promise.all(workers.map((x) => x.ready));
    const t0 = Date.now();
    const enq = await enqueueSources(q, [corpus]);
    const tEnqueued = Date.now();
    let tStored = 0;
    const poll = setInterval(() => {
      void queueStatus(q).then((s) => {
        if (!tStored && s.stored >= enq.enqueued) tStored = Date.now();
      });
    }, 250);
    const s = await waitForIdle(q, { pollMs: 250 });
    clearInterval(poll);
    const t1 = Date.now();
    tStored ||= t1;
    const secs = (t1 - t0) / 1000;
    const c = new pg.Client({ connectionString: url.href });
    await c.connect();
    const counts = await c.query(
      "SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM merged_events) AS merged",
    );
    await c.end();
    const r = counts.rows[0] as { docs: string; events: string; merged: string };
    const line =
      `${w} worker(s): ${s.stored.toLocaleString("en-US")} articles in ${secs.toFixed(1)} s = ${(s.stored / secs).toFixed(1)} articles/s ` +
      `(${(s.stored / secs / w).toFixed(1)} per worker); enqueue ${((tEnqueued - t0) / 1000).toFixed(1)} s, ` +
      `all stored at ${((tStored - t0) / 1000).toFixed(1)} s, final merge ${((t1 - tStored) / 1000).toFixed(1)} s; ` +
      `${Number(r.docs).toLocaleString("en-US")} documents, ${Number(r.events).toLocaleString("en-US")} per-article events -> ${Number(r.merged).toLocaleString("en-US")} merged; ${s.merges} merge pass(es)`;
    console.log(line);
    results.push(line);
  } finally {
    for (const x of workers) x.child.kill("SIGTERM");
    await Promise.all(workers.map((x) => new Promise((r) => (x.child.exitCode !== null ? r(null) : x.child.once("exit", r)))));
    await obliterate(q);
    await q.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}
