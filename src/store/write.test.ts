import { describe, expect, it } from "vitest";
import type { Extraction } from "../model/extraction.js";
import { quantityRows } from "./write.js";

/** Builds an extraction over `text` with annotations found by their surface strings. */
function extraction(
  text: string,
  parts: { places: [string, string][]; mentions: [string, string][]; quantities: [string, number][]; times: [string, string][] },
): Extraction {
  const at = (s: string) => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`not in text: ${s}`);
    return { start, end: start + s.length, text: s, rule: "t" };
  };
  const sentences: { index: number; start: number; end: number }[] = [];
  const re = /[^.]+\./g;
  for (let m = re.exec(text); m; m = re.exec(text)) sentences.push({ index: sentences.length, start: m.index, end: m.index + m[0].length });
  return {
    sitrep: "0",
    pipeline: [],
    document: { length: text.length, published: { value: "2024-02-10", source: "argument" } },
    sentences,
    mentions: parts.mentions.map(([s, c], i) => ({ ...at(s), id: `m${i}`, kind: "country", country: c })),
    entities: [],
    places: parts.places.map(([s, c], i) => ({ ...at(s), id: `p${i}`, name: s, country: c, lat: null, lon: null, precision: "country" })),
    times: parts.times.map(([s, v]) => ({ ...at(s), type: "date", value: v, precision: "month", anchor: "absolute" })),
    quantities: parts.quantities.map(([s, v]) => ({ ...at(s), value: v, qualifier: "about", role: "troops", unit: "troops" })),
    events: [],
    anomalies: [],
    notes: [],
  };
}

describe("quantityRows", () => {
  it("places each number by the nearest place, names the actors and dates it by the nearest time", () => {
    const text = "In 2023 the United States kept about 2,500 troops in Iraq and about 900 troops in Syria.";
    const rows = quantityRows(
      "d1",
      text,
      extraction(text, {
        places: [
          ["Iraq", "IRQ"],
          ["Syria", "SYR"],
        ],
        mentions: [["United States", "USA"]],
        quantities: [
          ["2,500 troops", 2500],
          ["900 troops", 900],
        ],
        times: [["2023", "2023"]],
      }),
      "2024-02-10",
    );
    expect(rows.map((r) => [r.value, r.country, r.actors, r.date])).toEqual([
      [2500, "IRQ", ",USA,", "2023"],
      [900, "SYR", ",USA,", "2023"],
    ]);
  });

  it("takes place and actors from the previous sentences of the paragraph when the sentence has none", () => {
    const text =
      "The United States had 5,200 troops in Iraq in January 2020. By January 2021 the force was cut to 2,500 troops.\n\nOther news. A total of 40 troops left.";
    const rows = quantityRows(
      "d1",
      text,
      extraction(text, {
        places: [["Iraq", "IRQ"]],
        mentions: [["United States", "USA"]],
        quantities: [
          ["5,200 troops", 5200],
          ["2,500 troops", 2500],
          ["40 troops", 40],
        ],
        times: [
          ["January 2020", "2020-01"],
          ["January 2021", "2021-01"],
        ],
      }),
      "2024-02-10",
    );
    expect(rows.map((r) => [r.value, r.country, r.actors, r.date])).toEqual([
      [5200, "IRQ", ",USA,", "2020-01"],
      [2500, "IRQ", ",USA,", "2021-01"],
      // A new paragraph: no context carried over; dated by publication.
      [40, null, ",,", "2024-02-10"],
    ]);
  });
});
