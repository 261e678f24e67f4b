import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { enqueueSources, obliterate, openQueues, waitForIdle } from "../../src/queue/index.js";
import { orphanCounts } from "../../src/store/contract.js";
import { contentHash, openStore } from "../../src/store/index.js";
import { readFileSync } from "node:fs";
import { createDatabase, dropDatabases, REDIS_URL, ROOT, spawnWorker, uniqueName, waitFor, type SpawnedWorker } from "./helpers.js";

const ARTICLE = join(ROOT, "examples", "articles", "04-baghdad-strike-jan4-tigris.txt");
const workers: SpawnedWorker[] = [];

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  await dropDatabases();
});

describe("a worker killed mid-document", () => {
  it("leaves nothing behind; the document is retried by another worker and stored once", async () => {
    const db = await createDatabase();
    const name = uniqueName("crash");
    const q = await openQueues({ url: REDIS_URL, name });
    const store = await openStore(db);
    const hash = contentHash(readFileSync(ARTICLE, "utf8"));
    try {
      // Worker A pauses 60 s between extracting and storing: it is killed inside that window.
      const a = spawnWorker(["--queue", REDIS_URL, "--name", name, "--db", db, "--lock-ms", "2000"], { SITREP_WORKER_DELAY_MS: "60000" });
      workers.push(a);
      await a.ready;
      expect(await enqueueSources(q, [ARTICLE])).toMatchObject({ enqueued: 1 });
      const job = await waitFor("worker A to take the document", async () => {
        const j = await q.docs.getJob(hash);
        return j && (await j.getState()) === "active" ? j : null;
      });
      // Give A's extraction time to finish, so it is truly in the middle of the document.
      await new Promise((r) => setTimeout(r, 2500));
      expect(await job.getState()).toBe("active");
      a.child.kill("SIGKILL");
      expect(await a.exited).toBe("SIGKILL");
      const documents = async () =>
        Number(
          (
            await store.db
              .selectFrom("documents")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await documents()).toBe(0);

      // Worker B notices the stalled job once A's lock expires, and processes it.
      // (B's own lock is longer: on a loaded machine a 2 s lock could lapse between renewals.)
      const b = spawnWorker(["--queue", REDIS_URL, "--name", name, "--db", db, "--lock-ms", "6000"]);
      workers.push(b);
      await b.ready;
      const status = await waitForIdle(q, { timeoutMs: 60_000 });
      expect(status).toMatchObject({ waiting: 0, active: 0, failed: 0, dead: 0, stored: 1 });

      const done = await q.docs.getJob(hash);
      expect(await done!.getState()).toBe("completed");
      expect(done!.stalledCounter).toBeGreaterThanOrEqual(1);
      expect(done!.returnvalue).toBe("stored");
      expect(await documents()).toBe(1);
      const events = await store.db.selectFrom("events").select("id").execute();
      expect(events.length).toBeGreaterThan(0);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      // Every per-article event is in exactly one merged event.
      const links = await store.db.selectFrom("event_links").select("event_id").execute();
      expect(links.map((l) => l.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      expect(Object.entries(await orphanCounts(store)).filter(([, n]) => n !== 0)).toEqual([]);

      // Enqueueing the same document again changes nothing.
      await enqueueSources(q, [ARTICLE]);
      await waitForIdle(q, { timeoutMs: 30_000 });
      expect(await documents()).toBe(1);

      b.child.kill("SIGTERM");
      expect(await b.exited).toBe(0);
    } finally {
      await store.close();
      await obliterate(q);
      await q.close();
    }
  }, 240_000);
});
