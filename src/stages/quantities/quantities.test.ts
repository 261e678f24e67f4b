import { describe, expect, it } from "vitest";
import type { Quantity } from "../../model/annotations.js";
import { createPipeline } from "../../pipeline/run.js";
import { loadQuantitiesResources } from "../../runtime/load-quantities.js";
import { DATA_DIR } from "../../runtime/paths.js";
import { createPublishedStage } from "../published/index.js";
import { createSegmentStage } from "../segment/index.js";
import { createTimesStage } from "../times/index.js";
import { createQuantitiesStage } from "./index.js";
import { parseNumber } from "./numbers.js";

const pipeline = createPipeline([
  createPublishedStage(),
  createSegmentStage(),
  createTimesStage({}),
  createQuantitiesStage(loadQuantitiesResources(DATA_DIR)),
]);

function quantities(text: string, published = "2024-01-31"): readonly Quantity[] {
  return pipeline.run({ text, published }).layers.quantities ?? [];
}

type Row = [
  text: string,
  span: string,
  value: number,
  qualifier: Quantity["qualifier"],
  role: Quantity["role"],
  unit: string | undefined,
  extra?: Partial<Quantity>,
];

describe("quantities: table", () => {
  const rows: Row[] = [
    ["The strike killed 25 militants, officials said.", "25", 25, "exact", "killed", "militants"],
    ["At least 12 people were killed in the blast.", "At least 12", 12, "at_least", "killed", "people"],
    ["At least 12 people were killed and 30 wounded in the blast.", "30", 30, "exact", "injured", "wounded"],
    [
      "Drones hit the headquarters, killing three people, including a commander, and wounding five others.",
      "three",
      3,
      "exact",
      "killed",
      "people",
    ],
    [
      "Drones hit the headquarters, killing three people, including a commander, and wounding five others.",
      "five",
      5,
      "exact",
      "injured",
      "others",
    ],
    ["Between 20 and 30 civilians died.", "Between 20 and 30", 20, "range", "killed", "civilians", { max: 30 }],
    ["Witnesses counted 20-30 fighters.", "20-30", 20, "range", "people", "fighters", { max: 30 }],
    ["Two or three drones hit the base.", "Two or three", 2, "range", "other", "drones", { max: 3 }],
    ["Some 1.5 million people have been displaced.", "Some 1.5 million", 1_500_000, "about", "displaced", "people"],
    ["Twenty-five soldiers were injured.", "Twenty-five", 25, "exact", "injured", "soldiers"],
    ["Dozens of protesters were arrested.", "Dozens of", 12, "dozens", "arrested", "protesters"],
    ["Hundreds of residents gathered.", "Hundreds of", 100, "hundreds", "people", "residents"],
    ["Thousands of refugees crossed the border.", "Thousands of", 1000, "thousands", "displaced", "refugees"],
    ["Several soldiers were stationed there.", "Several", 3, "several", "troops", "soldiers"],
    ["Gunmen abducted 40 students.", "40", 40, "exact", "hostages", "students"],
    ["The group still holds 130 hostages.", "130", 130, "exact", "hostages", "hostages"],
    ["Israel released 39 Palestinian prisoners.", "39", 39, "exact", "prisoners", "prisoners"],
    ["The death toll rose to 45.", "45", 45, "exact", "killed", "death toll"],
    ["Up to 300 troops will be deployed.", "Up to 300", 300, "at_most", "troops", "troops"],
    ["Nearly 2,000 rocket attacks were recorded.", "Nearly 2,000", 2000, "about", "attacks", "rocket attacks"],
    ["Five people remain missing.", "Five", 5, "exact", "missing", "people"],
    ["More than 200 targets were struck.", "More than 200", 200, "more_than", "targets", "targets"],
    ["Police arrested 15 suspects.", "15", 15, "exact", "arrested", "suspects"],
    ["Israel said about 240 people were taken hostage.", "about 240", 240, "about", "hostages", "people"],
    ["Thousands have been displaced by the floods.", "Thousands", 1000, "thousands", "displaced", undefined],
    ["Three were killed in the attack.", "Three", 3, "exact", "killed", undefined],
    ["Nine of the 20 hostages were freed.", "Nine", 9, "exact", "hostages", "hostages"],
    ["Two of its soldiers were wounded.", "Two", 2, "exact", "injured", "soldiers"],
    ["The US has about 2,500 troops in Iraq.", "about 2,500", 2500, "about", "troops", "troops"],
    ["On 13 January, 88 Iraqi parliamentarians submitted a bill.", "88", 88, "exact", "people", "parliamentarians"],
    ["Fewer than 50 advisers remain.", "Fewer than 50", 50, "less_than", "troops", "advisers"],
    [
      "Since October, the number of attacks on U.S. troops in Iraq and Syria has exceeded 150.",
      "150",
      150,
      "more_than",
      "attacks",
      "attacks",
    ],
    [
      "In 2020 Washington said it would reduce the number of U.S. troops in Iraq from 5,200 to about 3,500.",
      "from 5,200 to about 3,500",
      3500,
      "about",
      "troops",
      "troops",
      { from: 5200 },
    ],
    [
      "The Pentagon has cut its forces from 2,500 to 1,800 troops.",
      "from 2,500 to 1,800",
      1800,
      "exact",
      "troops",
      "troops",
      { from: 2500 },
    ],
  ];
  for (const [text, span, value, qualifier, role, unit, extra] of rows) {
    it(`${span} in ${JSON.stringify(text.slice(0, 60))}`, () => {
      const qs = quantities(text);
      const found = qs.filter((q) => q.text === span);
      expect(found.length, JSON.stringify(qs.map((q) => q.text))).toBe(1);
      const q = found[0];
      expect(q.value).toBe(value);
      expect(q.qualifier).toBe(qualifier);
      expect(q.role).toBe(role);
      expect(q.unit).toBe(unit);
      for (const [k, v] of Object.entries(extra ?? {})) expect(q[k as keyof Quantity]).toBe(v);
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(q.rule.startsWith("quantities.v1:")).toBe(true);
    });
  }

  it("a change is one quantity, not two", () => {
    const qs = quantities("The plan will reduce troops from 5,200 to about 3,500 by September.");
    expect(qs.map((q) => [q.value, q.from])).toEqual([[3500, 5200]]);
  });
});

describe("quantities: negative cases", () => {
  const negatives = [
    "The 12th Brigade lost its first round of talks.",
    "Section 301 and Resolution 2334 apply.",
    "One of the soldiers died.",
    "The F-16 crashed and COVID-19 spread in the G7.",
    "The war began in 2020 and ended in 2022.",
    "On 13 January the talks opened.",
    "The coalition has been there for more than 20 years.",
    "The meeting began at 10:30 and ended at 5 p.m.",
    "Turnout was 45 percent, up from 40%.",
    "No one was hurt, and one day later the road reopened.",
    "The resolution passed on 5/12/2023.",
  ];
  for (const text of negatives) {
    it(JSON.stringify(text), () => {
      expect(quantities(text).map((q) => `${q.text}=${q.value}`)).toEqual([]);
    });
  }
});

describe("numbers", () => {
  const rows: [string, number | null][] = [
    ["5,200", 5200],
    ["1.5 million", 1_500_000],
    ["twenty-five", 25],
    ["three hundred and twelve", 312],
    ["a dozen", 12],
    ["a hundred", 100],
    ["two thousand five hundred", 2500],
    ["banana", null],
  ];
  for (const [raw, value] of rows) it(raw, () => expect(parseNumber(raw)).toBe(value));
});

describe("quantities: robustness", () => {
  it("finishes quickly on pathological input", () => {
    for (const text of ["1 ".repeat(50_000), "one hundred ".repeat(10_000), "5,".repeat(40_000) + "5", "(".repeat(60_000)]) {
      quantities(text);
    }
  });
});
