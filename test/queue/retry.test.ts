import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import {
  addDocuments,
  deadJobs,
  obliterate,
  openQueues,
  queueStatus,
  retryDead,
  startWorker,
  waitForIdle,
  type DocumentJob,
} from "../../src/queue/index.js";
import { contentHash, openStore, type Store } from "../../src/store/index.js";
import { createDatabase, dropDatabases, REDIS_URL, uniqueName } from "./helpers.js";

afterAll(() => dropDatabases());

function job(text: string, extra: Partial<DocumentJob["input"]> = {}): DocumentJob {
  return { hash: contentHash(text), origin: `test:${text.slice(0, 20)}`, input: { text, ...extra } };
}

const FLAKY = "BAGHDAD, Jan. 4, 2024 (Tigris Post) -- A drone strike hit a militia headquarters in eastern Baghdad on Thursday.";
const BROKEN = "ERBIL, Jan. 5, 2024 (Gulf Observer) -- Rockets were fired at a base near Erbil on Friday, officials said.";
const BAD_DATE = "BASRA -- Protesters gathered outside the provincial council in Basra.";

/**
 * Failures come from the real database: a trigger refuses the first two inserts of FLAKY and
 * every insert of BROKEN (as a full disk or a lost connection would), so the retries, the
 * backoff and the dead-letter list are exercised against PostgreSQL itself.
 */
async function installFaults(store: Store): Promise<void> {
  await sql`CREATE SEQUENCE attempts_flaky`.execute(store.db);
  await sql`CREATE SEQUENCE attempts_broken`.execute(store.db);
  await sql
    .raw(
      `CREATE FUNCTION refuse_some() RETURNS trigger AS $$
      DECLARE tries integer;
      BEGIN
        IF NEW.title IN ('flaky', 'broken') THEN
          -- nextval is not undone by the rollback: it counts attempts across failed transactions.
          SELECT nextval(format('attempts_%s', NEW.title)) INTO tries;
          IF NEW.title = 'broken' OR tries <= 2 THEN
            RAISE EXCEPTION 'simulated storage failure (%, attempt %)', NEW.title, tries;
          END IF;
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`,
    )
    .execute(store.db);
  await sql`CREATE TRIGGER refuse_some BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION refuse_some()`.execute(store.db);
}

describe("retries and the dead-letter list", () => {
  it("retries with exponential backoff, then gives up on a document with its reason; retry-dead requeues it", async () => {
    const db = await createDatabase();
    const store = await openStore(db);
    await installFaults(store);
    const name = uniqueName("retry");
    const q = await openQueues({ url: REDIS_URL, name });
    const log: string[] = [];
    const worker = await startWorker({
      url: REDIS_URL,
      name,
      store,
      concurrency: 2,
      log: (l) => log.push(l),
      merge: { bucketMs: 200, marginMs: 100 },
    });
    try {
      const started = Date.now();
      await addDocuments(
        q,
        [job(FLAKY, { title: "flaky" }), job(BROKEN, { title: "broken" }), job(BAD_DATE, { published: "2024-13-45" })],
        {
          attempts: 4,
          backoffMs: 200,
        },
      );
      const s = await waitForIdle(q, { timeoutMs: 60_000, pollMs: 100 });
      expect(s).toMatchObject({ waiting: 0, active: 0, retrying: 0, failed: 0, dead: 2, stored: 1 });
      // FLAKY failed twice and was stored at its third attempt, after backoffs of 200 and 400 ms.
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      const flaky = await q.docs.getJob(contentHash(FLAKY));
      expect(await flaky!.getState()).toBe("completed");
      expect(flaky!.attemptsMade).toBe(3);
      const titles = await store.db.selectFrom("documents").select("title").execute();
      expect(titles.map((t) => t.title)).toEqual(["flaky"]);

      // BROKEN used its 4 attempts; BAD_DATE is bad input, given up at once (no retry can help).
      const dead = await deadJobs(q);
      const byHash = new Map(dead.map((d) => [d.hash, d]));
      expect(byHash.get(contentHash(BROKEN))).toMatchObject({ attempts: 4, origin: job(BROKEN).origin });
      expect(byHash.get(contentHash(BROKEN))!.reason).toMatch(/simulated storage failure \(broken, attempt 4\)/);
      expect(byHash.get(contentHash(BAD_DATE))).toMatchObject({ attempts: 1 });
      expect(byHash.get(contentHash(BAD_DATE))!.reason).toMatch(/not a valid YYYY-MM-DD date/);
      expect(log.filter((l) => l.startsWith("retry: "))).toHaveLength(2 + 3);

      // The cause is fixed; the dead letters go back to the queue and BROKEN is stored.
      await sql`DROP TRIGGER refuse_some ON documents`.execute(store.db);
      expect(await retryDead(q)).toBe(2);
      const after = await waitForIdle(q, { timeoutMs: 60_000, pollMs: 100 });
      expect(after).toMatchObject({ dead: 1, stored: 2 });
      expect((await deadJobs(q)).map((d) => d.hash)).toEqual([contentHash(BAD_DATE)]);
      // Every stored event was merged by the queue's merge pass.
      const unmerged = await store.db.selectFrom("events").select("id").where("merged_id", "is", null).execute();
      expect(unmerged).toEqual([]);
      expect((await queueStatus(q)).merges).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.close();
      await store.close();
      await obliterate(q);
      await q.close();
    }
  }, 240_000);
});
