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
import { existsSync, readFileSync } from "node:fs";
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

/** CPU seconds a process (all its threads) has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}
const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

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
    const cpu0 = workers.map((x) => cpuSeconds(x.child.pid));
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
    // CPU the workers spent on this corpus (extraction, storage calls, queue traffic), without
    // their start-up: on a shared machine this, not the wall clock, gives the per-core rate.
    const cpu = workers.reduce((sum, x, i) => sum + cpuSeconds(x.child.pid) - cpu0[i], 0);
    // PostgreSQL's share: the server processes of this database's connections (same machine).
    const backends = new pg.Client({ connectionString: url.href });
    await backends.connect();
    const pids = await backends.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    await backends.end();
    const pgCpu = (pids.rows as { pid: number }[]).reduce((sum, r) => sum + (cpuSeconds(r.pid) || 0), 0);
    tStored ||= t1;
    const secs = (t1 - t0) / 1000;
    const c = new pg.Client({ connectionString: url.href });
    await c.connect();
    const counts = await c.query(
      "SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM merged_events) AS merged, " +
        "(SELECT count(*) FROM events WHERE merged_id IS NULL) AS unmerged, pg_database_size(current_database()) AS bytes",
    );
    await c.end();
    const r = counts.rows[0] as { docs: string; events: string; merged: string; unmerged: string; bytes: string };
    const line =
      `${w} worker(s): ${s.stored.toLocaleString("en-US")} articles in ${secs.toFixed(1)} s = ${(s.stored / secs).toFixed(1)} articles/s ` +
      `(${(s.stored / secs / w).toFixed(1)} per worker); enqueue ${((tEnqueued - t0) / 1000).toFixed(1)} s, ` +
      `all stored at ${((tStored - t0) / 1000).toFixed(1)} s, final merge ${((t1 - tStored) / 1000).toFixed(1)} s; ` +
      `${Number(r.docs).toLocaleString("en-US")} documents, ${Number(r.events).toLocaleString("en-US")} per-article events -> ${Number(r.merged).toLocaleString("en-US")} merged (${r.unmerged} left unmerged); ${s.merges} merge pass(es); ` +
      `worker CPU ${cpu.toFixed(1)} s = ${(s.stored / cpu).toFixed(1)} articles per CPU-second; ` +
      `PostgreSQL CPU ${pgCpu.toFixed(1)} s (its ${pids.rows.length} connection(s)); ` +
      `together ${(s.stored / (cpu + pgCpu)).toFixed(1)} articles per CPU-second; ` +
      `database ${(Number(r.bytes) / 1e6).toFixed(1)} MB = ${(Number(r.bytes) / 1e6 / (Number(r.docs) / 1000)).toFixed(1)} MB per 1,000 articles`;
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
