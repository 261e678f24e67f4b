import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { sql } from "kysely";
import type { Store } from "../../src/store/index.js";

/**
 * Real services only: PostgreSQL (SITREP_TEST_PG, default the local server) and Redis
 * (SITREP_TEST_REDIS, default 127.0.0.1:6379). Every run uses its own databases and queue
 * names, so parallel runs never collide.
 */
export const PG_ADMIN = process.env.SITREP_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
export const REDIS_URL = process.env.SITREP_TEST_REDIS ?? "redis://127.0.0.1:6379";
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const run = randomBytes(4).toString("hex");
let counter = 0;
const databases: string[] = [];

/** A unique queue name for this test run. */
export function uniqueName(label: string): string {
  return `test-${label}-${run}-${counter++}`;
}

/** Creates an empty database and returns its URL. */
export async function createDatabase(): Promise<string> {
  const name = `sitrep_test_${run}_${counter++}`;
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  databases.push(name);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return url.href;
}

export async function dropDatabases(): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    for (const name of databases.splice(0)) await dropDatabase(c, name);
  } finally {
    await c.end();
  }
}

/**
 * Drops a test database once its connections are gone (a closed pool's clients may take a moment
 * to hang up; forcing them off meanwhile makes the server send them an error nobody listens to).
 * Killed worker processes' connections are forced off after 5 s.
 */
export async function dropDatabase(c: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const r = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
    if (r.rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (e) {
    process.stderr.write(`could not drop test database ${name}: ${(e as Error).message}\n`);
  }
}

export interface SpawnedWorker {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves when the worker logged that it is ready. */
  readonly ready: Promise<void>;
  /** Resolves with the exit code (or signal) when the process ends. */
  readonly exited: Promise<number | string>;
}

/** `sitrep worker` in its own process, from the sources (tsx), as an operator would start it. */
export function spawnWorker(args: readonly string[], env: Record<string, string> = {}): SpawnedWorker {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "worker", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const collect = (b: Buffer) => {
    out += b.toString();
    if (/ ready: queue /.test(out)) onReady();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "?")));
  void exited.then(() => onReady());
  return { child, output: () => out, ready, exited };
}

export async function waitFor<T>(
  what: string,
  f: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  pollMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

type Row = Record<string, unknown>;

/**
 * Everything merging decides, from any store, in a backend-neutral form: merged events with
 * their details, members and actors, and each per-article event with its merged event.
 */
export async function mergeSnapshot(store: Store): Promise<{
  documents: string[];
  events: Row[];
  merged: Row[];
  links: Row[];
  actors: Row[];
}> {
  const norm = (r: Row): Row => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r))
      out[k] = k === "details" || k === "features" ? JSON.parse(String(v)) : typeof v === "bigint" ? Number(v) : v;
    return out;
  };
  const db = store.db;
  const documents = (await db.selectFrom("documents").select("id").orderBy("id").execute()).map((r) => r.id);
  const events = await db
    .selectFrom("events")
    .select([
      "id",
      "doc_id",
      "type",
      "date",
      "date_start",
      "date_end",
      "place_id",
      "killed",
      "killed_max",
      "injured",
      "modality",
      "merged_id",
    ])
    .orderBy("id")
    .execute();
  const merged = await db.selectFrom("merged_events").selectAll().orderBy("id").execute();
  const links = await db.selectFrom("event_links").selectAll().orderBy("event_id").execute();
  // Sorted here, not in SQL: SQLite puts NULLs first, PostgreSQL last.
  const actors = await sql<Row>`SELECT * FROM merged_actors`.execute(db);
  const byJson = (a: Row, b: Row) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);
  return {
    documents,
    events: events.map(norm),
    merged: merged.map(norm),
    links: links.map(norm),
    actors: actors.rows.map(norm).sort(byJson),
  };
}
