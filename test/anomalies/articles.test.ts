import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createHarness, readArticles, score, sweep } from "./harness.js";

const h = createHarness();
const quantitiesMissing = (): boolean => h.problems.some((p) => p.startsWith("quantities"));

describe("clean articles (written for these tests)", () => {
  const clean = readArticles("clean");
  it("has at least 10 articles", () => expect(clean.length).toBeGreaterThanOrEqual(10));
  for (const a of clean)
    it(`${a.name}: no anomalies`, () => {
      const { anomalies } = h.run(a.text, "2024-06-01");
      expect(anomalies.map((x) => `${x.kind} "${x.text}" (${x.rule})`)).toEqual([]);
    });
});

describe("planted articles", () => {
  const planted = readArticles("planted");
  it("has at least 10 articles with entity swaps of different confusable pairs", () => {
    const swaps = planted.filter((a) => a.plants.some((p) => p.kind === "entity-swap"));
    expect(swaps.length).toBeGreaterThanOrEqual(10);
    expect(new Set(swaps.map((a) => a.plants.map((p) => p.suggestion).join())).size).toBeGreaterThanOrEqual(10);
  });
  for (const a of planted)
    it(`${a.name}: every plant caught, nothing else flagged`, (ctx) => {
      const { anomalies } = h.run(a.text, "2024-06-01");
      for (const p of a.plants) {
        if (p.kind === "number-conflict" && quantitiesMissing()) {
          ctx.skip(); // needs the quantities stage, which did not load
          return;
        }
        const hit = anomalies.find((x) => x.kind === p.kind && x.start < p.end && p.start < x.end);
        expect(hit, `${p.kind} "${p.text}"`).toBeDefined();
        if (p.suggestion !== undefined) expect(hit?.suggestion).toBe(p.suggestion);
      }
      const extra = anomalies.filter((x) => !a.plants.some((p) => x.kind === p.kind && x.start < p.end && p.start < x.end));
      expect(extra.map((x) => `${x.kind} "${x.text}"`)).toEqual([]);
    });
});

describe("figures", () => {
  it("finds every planted anomaly with no false alarms", () => {
    const f = score(h);
    expect(f.falseAlarms).toEqual([]);
    expect(f.missed.filter((m) => !(quantitiesMissing() && m.includes("number-conflict")))).toEqual([]);
  });
});

describe("seed article (published 2024-01-28)", () => {
  const text = readFileSync(new URL("../../../shared/corpus/seed-article.txt", import.meta.url), "utf8");
  const out = h.run(text, "2024-01-28");
  const of = (kind: string) => out.anomalies.filter((a) => a.kind === kind);

  it("flags the three 'United States and Iran' talks sentences, suggesting Iraq", () => {
    const swaps = of("entity-swap");
    expect(swaps).toHaveLength(3);
    for (const s of swaps) {
      expect(s.text).toBe("Iran");
      expect(s.suggestion).toBe("Iraq");
      const sentence = text.slice(text.lastIndexOf("\n", s.start) + 1, text.indexOf("\n", s.start));
      expect(sentence).toMatch(/(?:United States|U\.S\.) and Iran/);
      expect(sentence).toMatch(/talks|negotiations|discussion/);
    }
  });

  it("does not flag the Iran mentions that are about Iran", () => {
    for (const phrase of ["Iran's Islamic Revolutionary Guard Corps", "contain Iran", "Iranian-backed", "deter Iran"]) {
      const at = text.indexOf(phrase);
      expect(at, phrase).toBeGreaterThanOrEqual(0);
      expect(out.anomalies.some((a) => a.start < at + phrase.length && at < a.end)).toBe(false);
    }
  });

  it("flags the Knesset with the Council of Representatives of Iraq", () => {
    const inst = of("institution-mismatch");
    expect(inst.map((a) => [a.text, a.suggestion])).toEqual([["Knesset", "Council of Representatives of Iraq"]]);
  });

  it("flags all five '**' marks", () => {
    const marks = [...text.matchAll(/\*\*/g)].map((m) => m.index);
    expect(marks).toHaveLength(5);
    expect(of("redaction").map((a) => a.start)).toEqual(marks);
  });

  it("has nothing else to flag", () => expect(out.anomalies).toHaveLength(9));

  it("gives every anomaly a span of the original text, a stage rule and a confidence", () => {
    for (const a of out.anomalies) {
      expect(text.slice(a.start, a.end)).toBe(a.text);
      expect(a.rule).toMatch(/^anomalies\.v1:[a-z-]+(?:\/[a-z-]+)?$/);
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("lowers the confidence of events in the flagged sentences (when the events stage produced any there)", (ctx) => {
    const touched = out.eventsBefore.filter((e) => out.anomalies.some((a) => a.start < e.evidence.end && e.evidence.start < a.end));
    if (touched.length === 0) return ctx.skip();
    for (const e of touched) {
      const after = out.events.find((x) => x.id === e.id);
      expect(after?.confidence, e.evidence.text).toBeLessThan(e.confidence);
    }
    const untouched = out.eventsBefore.filter((e) => !touched.includes(e));
    for (const e of untouched) expect(out.events.find((x) => x.id === e.id)?.confidence).toBe(e.confidence);
  });
});

describe("single swaps at every position (sweep)", () => {
  it("catches some swaps in the seed and causes no other new anomalies", () => {
    const text = readFileSync(new URL("../../../shared/corpus/seed-article.txt", import.meta.url), "utf8");
    const r = sweep(h, text, [["Iraqi", "Iranian"]], "2024-01-28");
    expect(r.planted).toBeGreaterThan(10);
    expect(r.caught).toBeGreaterThan(0);
    expect(r.extra).toBe(0);
  });
});
