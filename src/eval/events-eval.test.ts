import { describe, expect, it } from "vitest";
import type { Event } from "../model/annotations.js";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scoreArticles } from "./articles.js";
import { isoDate, prf } from "./events-gold.js";
import { asPetrarch, scorePetr2Items } from "./petr2.js";
import { goldType, scorePloverItems } from "./plover.js";

/** Scorers on hand-made gold and a fake extractor (no pipeline): the definitions, not the figures. */
function ev(type: Event["type"], cameo: string | null, src: (string | null)[], tgt: (string | null)[], extra: Partial<Event> = {}): Event {
  const actor = (country: string | null, i: number) => ({
    start: i,
    end: i + 1,
    name: "x",
    entityId: null,
    country,
    sector: null,
    text: "x",
  });
  return {
    id: `e-${type}`,
    type,
    mode: null,
    context: null,
    cameo,
    acled: null,
    date: null,
    sources: src.map(actor),
    targets: tgt.map(actor),
    place: null,
    killed: null,
    injured: null,
    quantities: [],
    modality: "asserted",
    historical: false,
    attribution: null,
    confidence: 0.8,
    trigger: { start: 0, end: 1, text: "x" },
    evidence: { sentence: 0, start: 0, end: 1, text: "x" },
    rule: "test",
    ...extra,
  };
}

describe("prf and dates", () => {
  it("computes precision, recall and F1, and 0 when empty", () => {
    expect(prf(2, 2, 0)).toMatchObject({ p: 0.5, r: 1 });
    expect(prf(2, 2, 0).f1).toBeCloseTo(2 / 3);
    expect(prf(0, 0, 0)).toMatchObject({ p: 0, r: 0, f1: 0 });
  });
  it.each([
    ["20080804", "2008-08-04"],
    ["2014-09-01", "2014-09-01"],
    ["121108", "2012-11-08"],
    ["bogus", null],
  ])("isoDate(%s)", (raw, want) => expect(isoDate(raw)).toBe(want));
});

describe("PETR2 scorer", () => {
  const items = [
    { id: "a", date: "20080804", text: "A", expected: [{ eventcode: "190", sourcecode: "USAMIL", targetcode: "IRQ" }] },
    { id: "b", date: "20080804", text: "B", expected: [{ noevents: "True" }] },
  ];
  it("scores roots and actor countries over (sentence, value) pairs", () => {
    const score = scorePetr2Items(items, (text) =>
      text === "A" ? [ev("ASSAULT", "195", ["USA"], ["IRQ"])] : [ev("CONSULT", "040", ["FRA"], [])],
    );
    expect(score.root).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(score.actors).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(score.misses.map((m) => m.id)).toEqual(["b"]);
  });
  it("leaves out negated and hypothetical events, and uses the place when there is no target", () => {
    const place = { id: "p", name: "Baghdad", country: "IRQ", lat: 0, lon: 0, precision: "city" as const, start: 0, end: 1 };
    const score = scorePetr2Items(items.slice(0, 1), () => [
      ev("ASSAULT", "190", ["USA"], [], { place }),
      ev("CONSULT", "040", ["USA"], ["IRQ"], { modality: "hypothetical" }),
    ]);
    expect(score.root).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(score.actors).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });
});

describe("PETRARCH's convention for reported speech", () => {
  const at = (start: number) => ({ start, end: start + 4, text: "x" });
  it("an attack that is the substance of our accusation is not scored again", () => {
    const accusation = ev("ACCUSE", "1123", ["ISR"], ["PSE"], { trigger: at(7), rule: "events.v1:reported-attack-accusation" });
    const attack = ev("ASSAULT", "190", ["PSE"], ["ISR"], { trigger: at(20) });
    expect(asPetrarch([attack, accusation]).map((e) => e.cameo)).toEqual(["1123"]);
    // Another sentence, or an attack before the speech verb, stays.
    const elsewhere = { ...attack, evidence: { sentence: 1, start: 0, end: 1, text: "x" } };
    expect(asPetrarch([elsewhere, accusation]).map((e) => e.cameo)).toEqual(["190", "1123"]);
    expect(asPetrarch([{ ...attack, trigger: at(1) }, accusation]).map((e) => e.cameo)).toEqual(["190", "1123"]);
  });
  it("an attack reported by its own perpetrator is a claim of responsibility (015); by someone else it stays an attack", () => {
    const claimer = { start: 50, end: 58, name: "x", entityId: "shabaab", text: "x" };
    const attack = ev("ASSAULT", "190", ["SOM"], ["KEN"], { attribution: claimer });
    const own = { ...attack, sources: attack.sources.map((s) => ({ ...s, entityId: "shabaab" })) };
    expect(asPetrarch([own]).map((e) => e.cameo)).toEqual(["015"]);
    expect(asPetrarch([attack]).map((e) => e.cameo)).toEqual(["190"]);
    const threat = { ...own, type: "THREATEN" as const, cameo: "138" };
    expect(asPetrarch([threat]).map((e) => e.cameo)).toEqual(["138"]);
  });
});

describe("PLOVER scorer", () => {
  it("maps the old labels", () => {
    expect(goldType("DEMAND")).toBe("REQUEST");
    expect(goldType("DISAPPROVE")).toBe("ACCUSE");
    expect(goldType("INVESTIGATE")).toBe("ACCUSE");
    expect(goldType("FIGHT")).toBe("ASSAULT");
    expect(goldType("AGREE")).toBe("AGREE");
    expect(goldType("DOCUMENT")).toBeNull();
  });
  it("counts a sentence when the gold type is among ours, and separately when our most confident one is it", () => {
    const items = [
      { id: "1", event: "FIGHT", text: "one" },
      { id: "2", event: "DEMAND", text: "two" },
      { id: "3", event: "AGREE", text: "three" },
    ];
    const score = scorePloverItems(items, (text) => {
      if (text === "one") return [ev("ACCUSE", "111", [], [], { confidence: 0.9 }), ev("ASSAULT", "190", [], [], { confidence: 0.5 })];
      if (text === "two") return [ev("REQUEST", "100", [], [])];
      return [];
    });
    expect(score.sentences).toBe(3);
    expect(score.accuracyAny).toBeCloseTo(2 / 3);
    expect(score.accuracyFirst).toBeCloseTo(1 / 3);
    expect(score.noEvent).toBe(1);
    expect(score.misses.map((m) => m.id)).toEqual(["3"]);
  });
});

describe("team articles scorer", () => {
  it("needs a distinct event per expected one, with type, countries, date and counts", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-articles-"));
    try {
      mkdirSync(join(dir, "dev"));
      writeFileSync(join(dir, "dev", "a.txt"), "A");
      writeFileSync(
        join(dir, "dev", "a.json"),
        JSON.stringify({
          published: "2025-01-10",
          events: [
            { type: "ASSAULT", sources: ["RUS"], targets: ["UKR"], killed: 2 },
            { type: "ASSAULT", sources: ["RUS"], targets: ["UKR"], killed: 2 },
            { type: "SANCTION", sources: ["USA"], targets: ["VEN"], date: "2025-01-10" },
          ],
        }),
      );
      const killed = { start: 0, end: 1, text: "2", value: 2, qualifier: "exact" as const };
      const extract = () => [
        ev("ASSAULT", "190", ["RUS"], ["UKR"], { killed }),
        ev("SANCTION", "163", ["USA"], ["VEN"], { date: { value: "2025-01-09", precision: "day", basis: "explicit" } }),
      ];
      const s = scoreArticles(dir, "dev", extract);
      expect(s.expected).toBe(3);
      expect(s.found).toBe(1); // one attack event cannot match two expected attacks; the sanction's date is off
      expect(s.typeFound).toBe(3);
      expect(s.misses.map((m) => m.expected.type)).toEqual(["ASSAULT", "SANCTION"]);
      expect(() => scoreArticles(dir, "test", extract)).toThrow(/no article set/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
