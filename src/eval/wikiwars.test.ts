import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TimeExpression } from "../model/annotations.js";
import { SHARED_BENCH_DIR } from "../runtime/paths.js";
import { scoreWikiwars, valueMatches } from "./wikiwars.js";
import { timesExtractor } from "./wikiwars-run.js";

function te(start: number, end: number, value: string): TimeExpression {
  return { start, end, text: "", rule: "test:x", type: "date", value, precision: null, anchor: "absolute" };
}

function bench(docs: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-ww-"));
  mkdirSync(join(dir, "temporal"));
  writeFileSync(join(dir, "temporal", "wikiwars-timeml.jsonl"), docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  return dir;
}

describe("wikiwars scorer", () => {
  it("compares values at the gold's precision", () => {
    expect(valueMatches("1939-10-05", "1939-10")).toBe(true);
    expect(valueMatches("1939-10", "1939-10-05")).toBe(false);
    expect(valueMatches("1939-10", "1939-1")).toBe(false);
    expect(valueMatches("PRESENT_REF", "PRESENT_REF")).toBe(true);
    expect(valueMatches("P2D", "P2")).toBe(false);
  });

  it("pairs overlapping spans one-to-one and leaves gold 'null' out of the value scores", () => {
    const text = "x".repeat(100);
    const dir = bench([
      {
        doc: "a",
        dct: "2009-12-19",
        text,
        timex: [
          { type: "DATE", value: "1940-05-10", start: 0, end: 10, text: "" },
          { type: "DATE", value: "1940", start: 20, end: 24, text: "" },
          { type: "DATE", value: "null", start: 30, end: 40, text: "" },
          { type: "DATE", value: "P2M", start: 50, end: 60, text: "" },
        ],
      },
    ]);
    const preds = [te(3, 8, "1940-05-10"), te(5, 9, "1940-05-10"), te(21, 23, "1941"), te(30, 35, "PRESENT_REF"), te(80, 85, "1999")];
    const s = scoreWikiwars(dir, () => preds);
    expect(s.docs).toBe(1);
    expect(s.gold).toBe(4);
    expect(s.predicted).toBe(5);
    // pairs: (0-10), (20-24), (30-40); the second prediction on 0-10 and the one at 80 are unpaired
    expect(s.spanP).toBeCloseTo(3 / 5, 4);
    expect(s.spanR).toBeCloseTo(3 / 4, 4);
    // value: 1 right of 2 scorable pairs; precision over 4 predictions (5 minus the one on "null"), recall over 3 scorable gold
    expect(s.valueAccuracy).toBeCloseTo(1 / 2, 4);
    const p = 1 / 4;
    const r = 1 / 3;
    expect(s.valueF1).toBeCloseTo((2 * p * r) / (p + r), 4);
  });

  const real = join(SHARED_BENCH_DIR, "temporal", "wikiwars-timeml.jsonl");
  it.skipIf(!existsSync(real))("the times stage reaches value F1 >= 0.85 on WikiWars", () => {
    const s = scoreWikiwars(SHARED_BENCH_DIR, timesExtractor());
    console.log("WikiWars:", JSON.stringify(s));
    expect(s.docs).toBe(22);
    expect(s.gold).toBe(2636);
    expect(s.valueF1).toBeGreaterThanOrEqual(0.85);
    expect(s.spanF1).toBeGreaterThanOrEqual(0.9);
  });
});
