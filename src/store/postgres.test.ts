import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { article, runStoreContract, seedStory } from "./contract.js";
import {
  beginRun,
  contentHash,
  countEvents,
  openStore,
  queryActors,
  queryDocuments,
  queryEvents,
  remerge,
  writeDocument,
  type Store,
} from "./index.js";

/**
 * The same storage contract on PostgreSQL (issue 6), against a real server: the local one
 * (127.0.0.1:5432, trust auth, database `test`) unless SITREP_TEST_PG names another. The user
 * must be allowed to create databases: each store gets a fresh `sitrep_test_<random>` database,
 * dropped at the end, so parallel runs never collide.
 */
const admin = process.env.SITREP_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const run = randomBytes(4).toString("hex");
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `sitrep_test_${run}_${created.length}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  created.push(name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.href;
}

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    for (const name of created) {
      // Wait for closed pools to hang up first: forcing a closing client off makes the server send
      // it an error nobody listens to any more.
      for (let i = 0; i < 50; i++) {
        const r = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await c.end();
  }
});

runStoreContract("postgres", async () => openStore(await freshDatabase()));

describe("postgres specifics", () => {
  it("answers name filters like SQLite does: case-insensitive (ILIKE, where SQLite's LIKE ignores case)", async () => {
    const answers = async (store: Store) => {
      await seedStory(store);
      return [
        (await queryEvents(store, { actor: "nujaba" })).length,
        (await queryEvents(store, { place: "baghdad" })).length,
        (await queryDocuments(store, { outlet: "tigris" })).length,
        (await queryActors(store, { q: "kataib" })).length,
      ];
    };
    const sqlite = await openStore(":memory:");
    const postgres = await openStore(await freshDatabase());
    try {
      const expected = await answers(sqlite);
      expect(expected.every((n) => n > 0)).toBe(true);
      expect(await answers(postgres)).toEqual(expected);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });

  it("searches with PostgreSQL's own full-text index (tsvector + GIN), not a scan", async () => {
    const store = await openStore(await freshDatabase());
    try {
      const indexes = await sql<{ indexname: string; indexdef: string }>`
        SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('events_evidence_fts', 'documents_fts') ORDER BY indexname`.execute(
        store.db,
      );
      expect(indexes.rows.map((r) => r.indexname)).toEqual(["documents_fts", "events_evidence_fts"]);
      for (const r of indexes.rows) expect(r.indexdef).toMatch(/USING gin \(to_tsvector\('simple'::regconfig/);

      const runId = await beginRun(store, { sitrepVersion: "test", pipeline: [], config: {} });
      const a = article("2024-01-04", [{ sentence: "A DRONE strike hit a militia depot in Baghdad." }]);
      const b = article("2024-01-20", [{ sentence: "Talks on the coalition's future began in Baghdad." }]);
      for (const x of [a, b])
        await writeDocument(store, runId, { hash: contentHash(x.text), text: x.text, origin: "t", extraction: x.extraction });
      await remerge(store);
      // Case-insensitive, whole words, all words required (as FTS5 on SQLite).
      expect(await countEvents(store, { q: "drone" })).toBe(1);
      expect(await countEvents(store, { q: "militia depot" })).toBe(1);
      expect(await countEvents(store, { q: "depot talks" })).toBe(0);
      expect(await countEvents(store, { q: "Baghdad" })).toBe(2);
      expect(await countEvents(store, { q: "dep" })).toBe(0);
      // Operators in the query are words, never syntax errors.
      expect(await countEvents(store, { q: "drone & | ! (" })).toBe(1);
      expect((await queryDocuments(store, { q: "coalition's future" })).length).toBe(1);

      // The planner can use the GIN index for the search expression.
      await sql`SET enable_seqscan = off`.execute(store.db);
      const plan = await sql<{ "QUERY PLAN": string }>`
        EXPLAIN SELECT id FROM events WHERE to_tsvector('simple', evidence) @@ plainto_tsquery('simple', 'drone')`.execute(store.db);
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/events_evidence_fts/);
    } finally {
      await store.close();
    }
  });
});
