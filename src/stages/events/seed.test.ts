import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Event } from "../../model/annotations.js";
import { createExtractor } from "../../runtime/extractor.js";
import { PROJECT_ROOT } from "../../runtime/paths.js";

/**
 * The acceptance events of the seed article (published 2024-01-28), through the whole
 * default pipeline: these depend on the actors, times, quantities and places stages too.
 * The article is read from ../shared/corpus (never copied into the repo).
 */
const SEED = join(PROJECT_ROOT, "..", "shared", "corpus", "seed-article.txt");

let events: readonly Event[] = [];
const countries = (refs: Event["sources"]) => [...new Set(refs.map((r) => r.country))].filter(Boolean).sort();
const find = (pred: (e: Event) => boolean, what: string): Event => {
  const e = events.find(pred);
  if (!e) throw new Error(`no event for ${what}; have:\n${events.map((x) => `${x.type} "${x.trigger.text}"`).join("\n")}`);
  return e;
};

describe.runIf(existsSync(SEED))("seed article acceptance events", () => {
  beforeAll(() => {
    const text = readFileSync(SEED, "utf8");
    events = createExtractor().extract({ text, published: "2024-01-28" }).events;
  });

  it("the 27 January 2024 dialogue: CONSULT between Iraq and the United States", () => {
    const e = find((x) => x.type === "CONSULT" && x.date?.value === "2024-01-27", "the dialogue");
    expect(countries(e.sources)).toEqual(["IRQ", "USA"]);
    expect(countries([...e.sources, ...e.targets])).toEqual(["IRQ", "USA"]);
    expect(e.attribution?.text).toMatch(/Prime Minister's Office/);
    expect(e.historical).toBe(false);
  });

  it("more than 150 militia attacks on US troops", () => {
    const e = find((x) => x.type === "ASSAULT" && x.quantities.some((q) => q.value >= 150), "the 150+ attacks");
    const q = e.quantities.find((x) => x.value >= 150)!;
    expect(q.qualifier).toBe("more_than");
    expect(countries(e.targets)).toEqual(["USA"]);
  });

  it("the 4 January drone strike in eastern Baghdad: USA -> IRQ, 3 killed, 5 injured", () => {
    const e = find((x) => x.type === "ASSAULT" && x.date?.value === "2024-01-04", "the drone strike");
    expect(e.mode).toBe("drone");
    expect(countries(e.sources)).toEqual(["USA"]);
    expect(countries(e.targets)).toEqual(["IRQ"]);
    expect(e.killed).toMatchObject({ value: 3 });
    expect(e.injured).toMatchObject({ value: 5 });
    expect(e.place?.name).toBe("Baghdad");
    expect(["near", "part"]).toContain(e.place?.relation);
    expect(e.acled).toBe("Explosions/Remote violence");
  });

  it("al-Sudani accuses the US military and demands the withdrawal of US troops", () => {
    const accuse = find((x) => x.type === "ACCUSE" && x.trigger.text === "violated", "the accusation");
    expect(countries(accuse.sources)).toEqual(["IRQ"]);
    expect(countries(accuse.targets)).toEqual(["USA"]);
    expect(accuse.attribution?.text).toMatch(/Al-Sudani/);
    const demand = find((x) => x.type === "REQUEST" && x.trigger.text === "demanded", "the demand");
    expect(countries(demand.sources)).toEqual(["IRQ"]);
    expect(countries(demand.targets)).toEqual(["USA"]);
  });

  it("the 13 January bill by 88 MPs", () => {
    const e = find((x) => x.trigger.text.includes("bill"), "the bill");
    expect(e.type).toBe("REQUEST");
    expect(e.date?.value).toBe("2024-01-13");
    expect(countries(e.sources)).toEqual(["IRQ"]);
    expect(e.quantities.some((q) => q.value === 88)).toBe(true);
  });

  it("the January 2020 airstrike killing Soleimani and al-Muhandis is historical", () => {
    const e = find((x) => x.type === "ASSAULT" && x.date?.value === "2020-01", "the 2020 airstrike");
    expect(e.historical).toBe(true);
    expect(countries(e.sources)).toEqual(["USA"]);
    expect(e.targets.map((t) => t.text).join(" ")).toMatch(/Soleimani/);
  });

  it("the parliament's 2020 resolution to end the stationing of foreign troops", () => {
    const e = find((x) => /adopted/.test(x.trigger.text), "the resolution");
    expect(countries(e.sources)).toEqual(["IRQ"]);
    expect(e.historical).toBe(true);
    expect(e.date?.value.startsWith("2020")).toBe(true);
  });

  it("the August 2020 reduction from 5,200 to about 3,500 troops", () => {
    const e = find((x) => x.type === "RETREAT" && x.date?.value === "2020-08", "the reduction");
    const q = e.quantities.find((x) => x.value === 3500);
    expect(q?.from).toBe(5200);
    expect(q?.qualifier).toBe("about");
    expect(e.historical).toBe(true);
  });

  it("the July 2021 Biden-al-Kadhimi meeting and their joint statement", () => {
    const meeting = find((x) => x.type === "CONSULT" && x.date?.value === "2021-07", "the meeting");
    expect(countries([...meeting.sources, ...meeting.targets])).toEqual(["IRQ", "USA"]);
    const statement = find((x) => x.type === "AGREE" && /joint statement/.test(x.trigger.text), "the joint statement");
    expect(countries([...statement.sources, ...statement.targets])).toEqual(["IRQ", "USA"]);
    expect(statement.historical).toBe(true);
  });

  it("the Islamic Resistance's threat to keep attacking is a future THREATEN", () => {
    const e = find((x) => x.type === "THREATEN" && x.modality === "future" && countries(x.targets).includes("USA"), "the threat");
    expect(countries(e.sources)).toEqual(["IRQ"]);
  });

  it("speculation about more clashes is not asserted", () => {
    const e = find((x) => x.trigger.text === "clashes", "the clashes");
    expect(e.modality).not.toBe("asserted");
  });

  it("every event points into the text with a sentence as evidence", () => {
    const text = readFileSync(SEED, "utf8");
    for (const e of events) {
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(e.rule).toMatch(/^events\.v1:/);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});
