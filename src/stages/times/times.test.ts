import { describe, expect, it } from "vitest";
import { createPipeline } from "../../pipeline/run.js";
import { createPublishedStage } from "../published/index.js";
import { createSegmentStage } from "../segment/index.js";
import { extractTimes } from "./extract.js";
import { createTimesStage } from "./index.js";

const pipeline = createPipeline([createPublishedStage(), createSegmentStage(), createTimesStage({})]);

function times(text: string, published: string | null) {
  const doc = pipeline.run({ text, published });
  return { times: doc.layers.times ?? [], notes: doc.notes };
}

/** The one expression whose text is `span` (fails when absent). */
function find(text: string, published: string | null, span: string) {
  const found = times(text, published).times.filter((t) => t.text === span);
  expect(
    found.map((t) => t.text),
    `"${span}" in ${JSON.stringify(times(text, published).times.map((t) => t.text))}`,
  ).toEqual([span]);
  return found[0];
}

// Wednesday 2024-01-31 is the reference date of most rows.
const WED = "2024-01-31";

describe("times: table", () => {
  const rows: [string, string | null, string, string, string | null, string | undefined, "absolute" | "relative"][] = [
    // text, published, span, value, precision, modifier, anchor
    ["On 13 January, 88 Iraqi parliamentarians submitted a bill.", WED, "13 January", "2024-01-13", "day", undefined, "relative"],
    ["Rebels attacked the town on Sunday.", WED, "Sunday", "2024-01-28", "day", undefined, "relative"],
    ["The minister will travel to Cairo on Sunday.", WED, "Sunday", "2024-02-04", "day", undefined, "relative"],
    ["He said on Monday that talks would resume next week.", WED, "Monday", "2024-01-29", "day", undefined, "relative"],
    // ("the next steps" is no future cue; "the next round" is.)
    ["Erdogan met a delegation in Ankara on Monday to discuss the next steps.", WED, "Monday", "2024-01-29", "day", undefined, "relative"],
    ["The next round of talks opens on Monday.", WED, "Monday", "2024-02-05", "day", undefined, "relative"],
    ["In August 2020 the base was handed over.", WED, "August 2020", "2020-08", "month", undefined, "absolute"],
    ["Troops arrived in January 2020.", WED, "January 2020", "2020-01", "month", undefined, "absolute"],
    ["There were 150 attacks since October last year.", "2024-01-28", "October last year", "2023-10", "month", "since", "relative"],
    ["The war began on October 7 last year.", "2024-01-28", "October 7 last year", "2023-10-07", "day", undefined, "relative"],
    ["On January 4, drones struck the headquarters.", "2024-01-28", "January 4", "2024-01-04", "day", undefined, "relative"],
    ["On December 20, a convoy was ambushed.", "2024-01-28", "December 20", "2023-12-20", "day", undefined, "relative"],
    ["This year the mission ends.", "2024-01-28", "This year", "2024", "year", undefined, "relative"],
    ["Forces must leave by December 31, 2021.", WED, "December 31, 2021", "2021-12-31", "day", "by", "absolute"],
    ["Clashes broke out last week.", WED, "last week", "2024-W04", "week", undefined, "relative"],
    ["Two soldiers died two days ago.", WED, "two days ago", "2024-01-29", "day", undefined, "relative"],
    ["A rocket hit the base yesterday.", WED, "yesterday", "2024-01-30", "day", undefined, "relative"],
    ["The offensive stalled in early October.", WED, "early October", "2023-10", "month", "early", "relative"],
    ["The militia was formed in the 1990s.", WED, "the 1990s", "199", "decade", undefined, "absolute"],
    ["Fighting resumed in summer 2023.", WED, "summer 2023", "2023-SU", "season", undefined, "absolute"],
    ["The talks began as early as 2020.", WED, "2020", "2020", "year", undefined, "absolute"],
    ["The zone has been contested since 1991.", WED, "1991", "1991", "year", "since", "absolute"],
    ["Growth slowed in mid-2023.", WED, "mid-2023", "2023", "year", "mid", "absolute"],
    ["The coalition has been present for more than 20 years.", WED, "more than 20 years", "P20Y", null, "more_than", "relative"],
    ["The ceasefire lasted three weeks.", WED, "three weeks", "P3W", null, undefined, "relative"],
    ["The blast came at 10:30 pm on Jan. 3.", WED, "10:30 pm on Jan. 3", "2024-01-03T22:30", "minute", undefined, "relative"],
    ["The report was dated 2024-01-05.", WED, "2024-01-05", "2024-01-05", "day", undefined, "absolute"],
    ["The order of 5/12/2023 was revoked.", WED, "5/12/2023", "2023-05-12", "day", undefined, "absolute"],
    ["The statue fell on Christmas Day 1989.", WED, "Christmas Day 1989", "1989-12-25", "day", undefined, "absolute"],
    ["Carthage fell in 146 BC.", WED, "146 BC", "BC0146", "year", undefined, "absolute"],
    ["Militias are now stronger.", WED, "now", "PRESENT_REF", null, undefined, "relative"],
    ["He recently visited Baghdad.", WED, "recently", "PAST_REF", null, undefined, "relative"],
    ["The base was shelled at the end of the year.", WED, "the end of the year", "2024", "year", "end", "relative"],
    ["Forces must leave by the end of the year.", WED, "the end of the year", "2024", "year", "by", "relative"],
    ["Patrols are held every week.", WED, "every week", "P1W", null, undefined, "relative"],
    ["Clashes erupted over the weekend.", WED, "the weekend", "2024-W04-WE", "week", undefined, "relative"],
    ["In the spring, talks resumed.", WED, "the spring", "2023-SP", "season", undefined, "relative"],
  ];
  for (const [text, published, span, value, precision, modifier, anchor] of rows) {
    it(`${span} (${published}) -> ${value}`, () => {
      const t = find(text, published, span);
      expect(t.value).toBe(value);
      expect(t.precision).toBe(precision);
      expect(t.modifier).toBe(modifier);
      expect(t.anchor).toBe(anchor);
      expect(t.rule.startsWith("times.v1:")).toBe(true);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    });
  }
});

describe("times: negative cases (no time expression)", () => {
  const negatives = [
    "The US plans to reduce troops from 5,200 to about 3,500.",
    "88 Iraqi parliamentarians signed the bill.",
    "Section 301 of the trade act applies.",
    "The 12th Brigade was attacked.",
    "About 1,000 people marched.",
    "He commanded 2020 troops and 1500 soldiers.",
    "The price rose to $2024 per tonne.",
    "Flight 1776 landed safely.",
    "A 20-year-old man was arrested.",
    "May God protect them, he said.",
    "The fall of Saigon shocked the world.",
    "She scored 3.25 points in round 5.",
    "Route 1999 was closed.",
    "They know the area well.",
    "The Arab Spring reshaped the region.",
    "Rebels of the March 23 Movement seized Goma.",
    "Athletes left for the Winter Olympics.",
    "A second convoy arrived.",
  ];
  for (const text of negatives) {
    it(JSON.stringify(text), () => {
      expect(times(text, WED).times.map((t) => `${t.text}=${t.value}`)).toEqual([]);
    });
  }
});

describe("times: context", () => {
  it("a year-less date takes an explicit year from the previous sentence", () => {
    const text = "In January 2020 a drone strike killed a general. On January 3, crowds gathered in Baghdad.";
    expect(find(text, "2024-01-28", "January 3").value).toBe("2020-01-03");
  });

  it("a year-less date after a background paragraph takes the publication year in news", () => {
    const text =
      "In January 2020 a drone strike killed a general. The killing strained relations for years. " +
      "Militias have since attacked bases many times. On January 4, drones hit a headquarters in Baghdad, officials said on Sunday.";
    expect(find(text, "2024-01-28", "January 4").value).toBe("2024-01-04");
  });

  it("a year-less date in news without deixis still takes the publication year after a background paragraph", () => {
    const text =
      "The coalition arrived in 2014. In August 2020 it handed over three bases, and by January 2022 its combat mission ended. " +
      "Militias have attacked its positions repeatedly. On January 4, drones hit a headquarters in Baghdad.";
    expect(find(text, "2024-01-28", "January 4").value).toBe("2024-01-04");
  });

  it("a narrative resolves year-less dates against the last stated year", () => {
    const text =
      "Tensions grew after 1933 and 1936, and Austria was annexed in 1938. " +
      "On September 1, 1939, Germany attacked Poland. France declared war in 1939. Britain followed in 1939. " +
      "Poland was divided by early October. On September 17, the Soviets invaded. In 1940 the war spread west, and on May 10 Germany attacked France.";
    expect(find(text, "2009-12-19", "September 17").value).toBe("1939-09-17");
    expect(find(text, "2009-12-19", "early October").value).toBe("1939-10");
    expect(find(text, "2009-12-19", "May 10").value).toBe("1940-05-10");
  });

  it("anaphoric days count from the day in context", () => {
    const text = "The offensive began on 10 May 1940. The next day, paratroopers landed. Three days later the line broke.";
    expect(find(text, "2009-12-19", "The next day").value).toBe("1940-05-11");
    // Offsets chain from the last day named ("the next day" = 11 May).
    expect(find(text, "2009-12-19", "Three days later").value).toBe("1940-05-14");
  });

  it("a month before a month-year takes that year", () => {
    const text = "In April and June 1955, Diem moved against the sects.";
    expect(find(text, "2009-12-19", "April").value).toBe("1955-04");
  });

  it("without a publication date, stated values stay and relative ones become placeholders with a note", () => {
    const r = times("On 5 May 2020 the base closed. On January 4 and yesterday, rockets fell.", null);
    const byText = Object.fromEntries(r.times.map((t) => [t.text, t.value]));
    expect(byText["5 May 2020"]).toBe("2020-05-05");
    expect(byText["yesterday"]).toBe("XXXX-XX-XX");
    expect(r.notes.some((n) => n.stage === "times.v1" && n.message.includes("yesterday"))).toBe(true);
  });

  it("a weekday joined to its date keeps the date's value", () => {
    expect(find("Talks opened on Sunday, January 28, in Baghdad.", WED, "Sunday, January 28").value).toBe("2024-01-28");
  });
});

describe("times: robustness", () => {
  it("finishes quickly on pathological input", () => {
    const inputs = [
      "1".repeat(100_000),
      "May ".repeat(20_000),
      "the next ".repeat(10_000) + "day",
      "(".repeat(50_000),
      "1, ".repeat(30_000),
    ];
    for (const text of inputs) {
      extractTimes(text, [{ start: 0, end: text.length }], WED);
    }
  });

  it("spans point into the original text", () => {
    const text = "ON Jan. 3, at 10 a.m., and in the summer of 1916, and since the 1980s.";
    for (const t of times(text, WED).times) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
