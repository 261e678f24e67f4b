import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { addArticle, KH, NUJABA, PLACES, US, type EventSpec } from "../../src/store/contract.js";
import { openStore, remerge, type Store } from "../../src/store/index.js";
import { MERGE_LOCK_KEY } from "../../src/store/remerge.js";
import { createDatabase, dropDatabases, mergeSnapshot } from "./helpers.js";

afterAll(() => dropDatabases());

/** Thirty reports of ten strikes over ten days, three outlets each: plenty to merge. */
async function addReports(store: Store): Promise<void> {
  const outlets = ["Tigris Post", "Levant Wire", "Gulf Observer"];
  const places = [PLACES.baghdad, PLACES.basra, PLACES.tower22];
  for (let day = 1; day <= 10; day++)
    for (const [i, outlet] of outlets.entries()) {
      const date = `2024-01-${String(day).padStart(2, "0")}`;
      const spec: EventSpec = {
        date,
        place: places[day % 3],
        sources: [US],
        targets: [day % 2 ? NUJABA : KH],
        killed: day + i,
        sentence: `Report ${i} of strike ${day}: a drone hit a militia site, killing ${day + i}.`,
      };
      await addArticle(store, outlet, date, [spec]);
    }
}

describe("merge passes on PostgreSQL", () => {
  it("run one at a time under the advisory lock: concurrent passes give the single-pass result, no duplicates", async () => {
    const reference = await openStore(":memory:");
    await addReports(reference);
    await remerge(reference);
    const expected = await mergeSnapshot(reference);
    await reference.close();
    expect(expected.merged.length).toBe(10);

    const url = await createDatabase();
    const stores = await Promise.all([0, 1, 2, 3].map(() => openStore(url)));
    try {
      await addReports(stores[0]);
      // Four passes from four connection pools (as from four machines), all at once.
      const results = await Promise.all(stores.map((s) => remerge(s)));
      expect(results.reduce((n, r) => n + r.merged, 0)).toBe(10);
      expect(await mergeSnapshot(stores[0])).toEqual(expected);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("waits while another transaction holds the merge lock", async () => {
    const url = await createDatabase();
    const store = await openStore(url);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await addReports(store);
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock($1)", [MERGE_LOCK_KEY]);
      let done = false;
      const pass = remerge(store).then((r) => {
        done = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 1000));
      expect(done).toBe(false);
      const waiting = await holder.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
      expect(waiting.rows[0].n).toBe(1);
      await holder.query("COMMIT");
      expect((await pass).merged).toBe(10);
    } finally {
      await holder.end();
      await store.close();
    }
  });
});
