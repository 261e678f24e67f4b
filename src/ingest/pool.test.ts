import { describe, expect, it } from "vitest";
import { createPool, ExtractionFailed } from "./pool.js";

const text =
  "BAGHDAD, Jan. 4, 2024 (Wire) -- A drone strike hit a militia headquarters in eastern Baghdad on Thursday, killing two people.";

describe("extraction pool", () => {
  it("extracts in worker threads like in-process", async () => {
    const pool = createPool(1);
    const local = createPool(0);
    try {
      const [a, b] = await Promise.all([pool.extract({ text }), local.extract({ text })]);
      expect(a).toEqual(b);
      expect(a.document.published.value).toBe("2024-01-04");
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("reports a bad document and goes on", async () => {
    const pool = createPool(1);
    try {
      await expect(pool.extract({ text, published: "2024-02-30" })).rejects.toThrow(ExtractionFailed);
      expect((await pool.extract({ text })).sentences.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("fails a document that takes too long and replaces the worker", async () => {
    const pool = createPool(1, { timeoutMs: 1 });
    try {
      await expect(pool.extract({ text })).rejects.toThrow(/took longer than .* its worker was restarted/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
