import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { enqueueSources, obliterate, openQueues, queueStatus, waitForIdle } from "../../src/queue/index.js";
import { orphanCounts } from "../../src/store/contract.js";
import { openStore, storeStats } from "../../src/store/index.js";
import { createDatabase, dropDatabases, mergeSnapshot, REDIS_URL, ROOT, spawnWorker, uniqueName, type SpawnedWorker } from "./helpers.js";

const EXAMPLES = join(ROOT, "examples");
const dir = mkdtempSync(join(tmpdir(), "sitrep-queue-"));
const workers: SpawnedWorker[] = [];

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  await dropDatabases();
  rmSync(dir, { recursive: true, force: true });
});

describe("distributed ingestion (Redis queue, PostgreSQL store)", () => {
  it("three concurrent workers give exactly the events of a single-process SQLite ingest", async () => {
    // Reference: one process, SQLite.
    const local = await openStore(join(dir, "single.db"));
    const single = await ingest(local, [EXAMPLES], { workers: 0 });
    expect(single.failed).toBe(0);
    const expected = await mergeSnapshot(local);
    await local.close();
    expect(expected.documents).toHaveLength(22);
    // The corpus really merges reports across articles (else this test would prove little).
    expect(expected.merged.some((m) => Number(m.source_count) >= 3)).toBe(true);

    // Distributed: enqueue, then three worker processes into one PostgreSQL database.
    const db = await createDatabase();
    const name = uniqueName("examples");
    const q = await openQueues({ url: REDIS_URL, name });
    try {
      const enq = await enqueueSources(q, [EXAMPLES]);
      expect(enq).toMatchObject({ documents: 22, enqueued: 22, duplicates: 0, failed: 0 });
      // Re-enqueueing is a no-op (job id = content hash).
      expect(await enqueueSources(q, [EXAMPLES])).toMatchObject({ enqueued: 0, duplicates: 22 });

      for (let i = 0; i < 3; i++) workers.push(spawnWorker(["--queue", REDIS_URL, "--name", name, "--db", db, "--concurrency", "1"]));
      await Promise.all(workers.map((w) => w.ready));
      const status = await waitForIdle(q, { timeoutMs: 120_000 });
      expect(status).toMatchObject({ waiting: 0, active: 0, retrying: 0, failed: 0, dead: 0, stored: 22, merging: 0 });
      expect(status.merges).toBeGreaterThanOrEqual(1);
      // All three took part.
      const logs = workers.map((w) => w.output());
      expect(workers.every((w) => w.child.exitCode === null)).toBe(true);

      const store = await openStore(db);
      try {
        const got = await mergeSnapshot(store);
        expect(got.documents).toEqual(expected.documents);
        expect(got.events).toEqual(expected.events);
        expect(got.merged).toEqual(expected.merged);
        expect(got.links).toEqual(expected.links);
        expect(got.actors).toEqual(expected.actors);
        expect(Object.entries(await orphanCounts(store)).filter(([, n]) => n !== 0)).toEqual([]);
        const stats = await storeStats(store);
        expect(stats.documents).toBe(22);
      } finally {
        await store.close();
      }
      expect(logs.join("\n")).not.toMatch(/queue error/);

      // Graceful stop: SIGTERM lets each worker finish and exit 0.
      for (const w of workers) w.child.kill("SIGTERM");
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0, 0]);
      expect((await queueStatus(q)).workers).toBe(0);
    } finally {
      await obliterate(q);
      await q.close();
    }
  }, 240_000);
});
