import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryActors, type Store } from "../store/index.js";
import { createAggregates, type Aggregates } from "./aggregates.js";
import { buildServer } from "./app.js";
import { actorPairs, countByDateAndType, killedByDate, placesWithEvents } from "./queries.js";
import { fixtureStore } from "./test-support.js";

let dir: string;
let store: Store;
let agg: Aggregates;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sitrep-agg-"));
  store = await fixtureStore(join(dir, "sitrep.db"));
  agg = createAggregates(store);
});
afterAll(async () => {
  await agg?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("aggregates in a worker thread (SQLite file)", () => {
  it("give the same answers as the queries run in this thread", async () => {
    for (const f of [{}, { types: ["ASSAULT"] }, { from: "2024-03-01", to: "2024-03-31" }]) {
      expect(await agg.countByDateAndType(f)).toEqual(await countByDateAndType(store, f));
      expect(await agg.killedByDate(f)).toEqual(await killedByDate(store, f));
      expect(await agg.actorPairs(f, 100)).toEqual(await actorPairs(store, f, 100));
      expect(await agg.placesWithEvents(f, 100)).toEqual(await placesWithEvents(store, f, 100));
    }
    expect(await agg.actors({ limit: 50 })).toEqual(await queryActors(store, { limit: 50 }));
    expect((await agg.countByDateAndType({})).length).toBeGreaterThan(0);
  });

  it("serve the API, and close with the server", async () => {
    const app = await buildServer({ store, webDir: null });
    const res = await app.inject({ url: "/api/series?metric=events" });
    expect(res.statusCode).toBe(200);
    await app.close();
  });
});
