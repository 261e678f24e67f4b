import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { runStoreContract } from "./contract.js";
import { openStore, StoreError } from "./index.js";

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

  it("refuses a missing database for read-only commands", async () => {
    await expect(openStore(join(dir, "missing.db"), { mustExist: true })).rejects.toThrow(StoreError);
  });
});
