import { describe, expect, it } from "vitest";
import { createDoc } from "../../model/document.js";
import { createPublishedStage, isIsoDate } from "./index.js";

const stage = createPublishedStage();
const run = (text: string, published?: string, metadataPublished?: string) =>
  stage.run(createDoc({ text, published, metadataPublished })).published;

describe("published.v1", () => {
  it("prefers the caller's date", () => {
    expect(run("AMMAN, Jan. 31 (Reuters) -- Talks began.", "2024-02-02", "2024-01-30")).toEqual({
      value: "2024-02-02",
      source: "argument",
    });
  });

  it.each([
    ["BAGHDAD, 4 January 2024 - Talks began.", undefined, "2024-01-04"],
    ["KYIV, Ukraine, March 3, 2024 — Drones hit the city.", undefined, "2024-03-03"],
    ["AMMAN, Jan. 31 (Reuters) -- Talks began.", "2024-01-30", "2024-01-31"],
    ["WASHINGTON, Sept. 9, 2023: The Pentagon said.", undefined, "2023-09-09"],
    ["DOHA/JERUSALEM, Jan 16, 2025 - Israel and Hamas agreed.", undefined, "2025-01-16"],
  ])("reads the dateline of %j", (text, meta, expected) => {
    const p = run(text, undefined, meta);
    expect(p.source).toBe("dateline");
    expect(p.value).toBe(expected);
  });

  it("falls back to metadata, then none", () => {
    expect(run("Talks began on Monday.", undefined, "2024-01-30")).toEqual({ value: "2024-01-30", source: "metadata" });
    expect(run("Talks began on Monday.").source).toBe("none");
  });

  it("does not take a dateline without a year when there is no metadata year", () => {
    expect(run("AMMAN, Jan. 31 -- Talks began.").source).toBe("none");
  });

  it("rejects impossible dates", () => {
    expect(isIsoDate("2024-02-30")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(() => run("Text.", "2024-02-30")).toThrow(/not a valid/);
    expect(run("BAGHDAD, 31 February 2024 - Text.").source).toBe("none");
  });
});
