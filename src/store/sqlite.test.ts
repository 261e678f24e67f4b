import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { addArticle, PLACES, runStoreContract } from "./contract.js";
import { countEvents, openStore, queryEvents, remerge, StoreError } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreContract("sqlite (file)", () => openStore(join(dir, `t${n++}.db`)));
runStoreContract("sqlite (memory)", () => openStore(":memory:"));

describe("sqlite specifics", () => {
  it("uses WAL and reopens an existing database without migrating twice", async () => {
    const path = join(dir, "wal.db");
    const a = await openStore(path);
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(a.db);
    expect(mode.rows[0].journal_mode).toBe("wal");
    await a.close();
    const b = await openStore(path);
    await b.close();
  });

  it("text search gives the same events whether it collects matches or probes in date order", async () => {
    const store = await openStore(join(dir, "fts.db"));
    // 5,200 events whose evidence all holds "convoy" (above the probing threshold); every 50th also "bridge".
    const specs = Array.from({ length: 5200 }, (_, i) => ({
      date: `2023-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      place: { ...PLACES.baghdad, id: `geo:${i}`, name: `Town ${i}`, lat: null, lon: null },
      targets: [],
      sources: [],
      sentence: `Report ${i}: a convoy was hit${i % 50 === 0 ? " on the bridge" : ""}.`,
    }));
    await addArticle(store, "Wire", "2024-01-01", specs);
    await remerge(store);
    const many = await queryEvents(store, { q: "convoy", limit: 5000 });
    const few = await queryEvents(store, { q: "bridge", limit: 5000 });
    expect(await countEvents(store, { q: "convoy" })).toBe(5200);
    expect(few).toHaveLength(104);
    expect(many).toHaveLength(5000);
    const dates = many.map((e) => e.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    const bridgeIds = new Set(few.map((e) => e.id));
    const both = await queryEvents(store, { q: "convoy bridge", limit: 5000 });
    expect(new Set(both.map((e) => e.id))).toEqual(bridgeIds);
    await store.close();
  }, 60_000);

  it("refuses a missing database for read-only commands", async () => {
    await expect(openStore(join(dir, "missing.db"), { mustExist: true })).rejects.toThrow(StoreError);
  });
});
