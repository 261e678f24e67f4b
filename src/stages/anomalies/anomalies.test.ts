import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Anomaly, Event, Mention, Quantity, TimeExpression } from "../../model/annotations.js";
import { createDoc, type Doc, type Layers } from "../../model/document.js";
import { applyStage } from "../../pipeline/run.js";
import { loadAnomaliesResources } from "../../runtime/load-anomalies.js";
import { DATA_DIR } from "../../runtime/paths.js";
import { createSegmentStage } from "../segment/index.js";
import { createAnomaliesStage, lowerConfidence } from "./index.js";
import { scanWords } from "./scan.js";

const resources = loadAnomaliesResources(DATA_DIR);
const stage = createAnomaliesStage(resources);
const segment = createSegmentStage();

/** A document with real sentences and tokens and the other layers given (empty by default). */
function docOf(text: string, extra: Partial<Layers> = {}): Doc {
  const d = applyStage(createDoc({ text, published: "2024-06-01" }), segment);
  return { ...d, layers: { ...d.layers, mentions: [], entities: [], places: [], events: [], quantities: [], times: [], ...extra } };
}

function anomalies(text: string, extra: Partial<Layers> = {}): Anomaly[] {
  return [...stage.run(docOf(text, extra)).anomalies];
}

const kinds = (xs: Anomaly[]): string[] => xs.map((x) => `${x.kind}:${x.text}`);

describe("scanWords", () => {
  it("splits possessives, keeps initialisms and hyphen gaps", () => {
    const ws = scanWords("Iraq's U.S.-led Guinea-Bissau");
    expect(ws.map((w) => [w.text, w.gap])).toEqual([
      ["Iraq", ""],
      ["'s", ""],
      ["U.S.", " "],
      ["led", "-"],
      ["Guinea", " "],
      ["Bissau", "-"],
    ]);
  });
});

describe("entity-swap", () => {
  const frame =
    "Iraq and the United States opened talks on Monday. Talks between Iraq and the United States will continue in Baghdad. " +
    "Iraqi officials said Iraq wants a timetable. Iraq's prime minister chaired the meeting in Baghdad.";

  it("flags the partner that contradicts the pairs learned from the article", () => {
    const xs = anomalies(`${frame} Analysts said the talks between the United States and Iran would take months.`);
    expect(kinds(xs)).toEqual(["entity-swap:Iran"]);
    expect(xs[0].suggestion).toBe("Iraq");
    expect(xs[0].rule).toBe("anomalies.v1:entity-swap/pair");
  });

  it("does not flag Iran where the article is genuinely about Iran", () => {
    const text =
      `${frame} The troops help contain Iran and Iranian-backed groups. ` +
      "A commander of Iran's Revolutionary Guards was killed in 2020. Washington wants to deter Iran.";
    expect(anomalies(text)).toEqual([]);
  });

  it("does not flag a pair that names its own country's capital", () => {
    expect(anomalies(`${frame} Separate talks between the United States and Iran over Tehran's nuclear programme have stalled.`)).toEqual(
      [],
    );
  });

  it("does not flag two confusable countries that are both meant", () => {
    expect(anomalies(`${frame} Iraq and Iran signed a border agreement. Pilgrims from Iran crossed into Iraq.`)).toEqual([]);
  });

  it("does not flag a name in an enumeration", () => {
    expect(anomalies(`${frame} US troops in Iraq face militias. Armed groups operate in Iran, Iraq and Syria.`)).toEqual([]);
  });

  it("does not flag when neither country dominates", () => {
    const text =
      "Niger and Nigeria reopened their border. Traders in Niger welcomed it. Traders in Nigeria also welcomed it. " +
      "Nigeria supplies power to Niger. Officials in Nigeria and Niger met in Kano.";
    expect(anomalies(text)).toEqual([]);
  });

  it("treats Niger State and the Niger Delta as Nigerian places, not as Niger", () => {
    const text =
      "Nigeria deployed troops. Nigerian soldiers fought gangs in Niger State. Nigeria's army also guards the Niger Delta. " +
      "Nigerian officials said Nigeria would send more troops to Niger State.";
    expect(anomalies(text)).toEqual([]);
  });

  it("flags a country placed next to a city of its confusable neighbour", () => {
    const text =
      "Sudan's army shelled Omdurman. Sudanese officials said Sudan would fight on. Hospitals in Khartoum, South Sudan, ran out of fuel.";
    const xs = anomalies(text);
    expect(kinds(xs)).toEqual(["entity-swap:South Sudan"]);
    expect(xs[0].suggestion).toBe("Sudan");
  });

  it("keeps the demonym form in the suggestion", () => {
    const text =
      "Nigerien soldiers were killed near Tillaberi. Niger's junta declared mourning in Niamey. Niger has lost many troops. " +
      "Nigerien officials in Niger said the attack was large. Analysts said Nigerian soldiers are stretched.";
    const xs = anomalies(text);
    expect(kinds(xs)).toEqual(["entity-swap:Nigerian"]);
    expect(xs[0].suggestion).toBe("Nigerien");
  });

  it("leaves a neighbour named with a movement cue alone", () => {
    const text =
      "Zambia declared a drought emergency. Zambia needs aid, Zambian officials said. Power cuts hit Zambia. " +
      "Crops failed across Zambia. Some families fled to relatives in Gambia.";
    expect(anomalies(text)).toEqual([]);
  });
});

describe("institution-mismatch", () => {
  it("flags a legislature acted on by another country's lawmakers", () => {
    const xs = anomalies(
      "Iraq has held talks. On 13 January, 88 Iraqi parliamentarians submitted a bill to the Knesset on ending foreign missions.",
    );
    expect(kinds(xs)).toEqual(["institution-mismatch:Knesset"]);
    expect(xs[0].suggestion).toBe("Council of Representatives of Iraq");
  });

  it("flags a country word right before the institution", () => {
    expect(kinds(anomalies("Ukraine is at war. The Ukrainian Duma passed the bill."))).toEqual(["institution-mismatch:Duma"]);
  });

  it("takes the context from a person the actors stage resolved", () => {
    const text = "Iraq has a new speaker. Knesset Speaker Mahmoud al-Mashhadani opened the session.";
    const start = text.indexOf("Knesset Speaker");
    const person: Mention = {
      id: "m1",
      start,
      end: text.indexOf(" opened"),
      text: text.slice(start, text.indexOf(" opened")),
      rule: "t",
      kind: "person",
      entityId: "mashhadani",
      country: "IRQ",
    };
    const xs = anomalies(text, { mentions: [person] });
    expect(xs.map((x) => [x.text, x.suggestion])).toEqual([["Knesset", "Council of Representatives of Iraq"]]);
    expect(anomalies(text)).toEqual([]);
  });

  it("leaves institutions in their own country, visits and generic names alone", () => {
    for (const text of [
      "Israeli lawmakers in the Knesset approved the law.",
      "Zelensky, the Ukrainian president, addressed the Bundestag in Berlin.",
      "Nigerian senators met in the National Congress hall. The African National Congress won in South Africa.",
      "Iraqi officials met members of the Majlis al-Shura in Riyadh.",
      "Iraqi MPs debated a diet of reforms.",
    ])
      expect(anomalies(text), text).toEqual([]);
  });
});

describe("redaction", () => {
  it("flags asterisks attached or standalone, blocks, bracketed removals and XXX placeholders", () => {
    const text = "Iraq** called for withdrawal. Sudani ** said so. The ■■ group and [redacted] officials met XXX on Monday.";
    expect(kinds(anomalies(text))).toEqual(["redaction:**", "redaction:**", "redaction:■■", "redaction:[redacted]", "redaction:XXX"]);
    expect(kinds(anomalies("Police said {{victim_count}} people died."))).toEqual(["redaction:{{victim_count}}"]);
  });

  it("does not flag markdown bold, separators or Roman numerals", () => {
    const text = "**Update:** the vote passed.\n***\nThe British XXX Corps advanced. Super Bowl XXX was played in 1996. Sizes up to XXXL.";
    expect(anomalies(text)).toEqual([]);
  });
});

describe("translation-artifact", () => {
  it("flags words left in another script and encoding damage", () => {
    const xs = anomalies("The ministry said 美国 would send envoys. The minister\u00e2\u20ac\u2122s office in Bogot\u00c3\u00a1 agreed.");
    expect(xs.map((x) => [x.kind, x.text])).toEqual([
      ["translation-artifact", "美国"],
      ["translation-artifact", "\u00e2\u20ac\u2122"],
      ["translation-artifact", "\u00c3\u00a1"],
    ]);
  });

  it("leaves glosses, quotations and non-English texts alone", () => {
    expect(anomalies("The group, Hamas (حماس), and the slogan «Слава Україні» were cited. SÃO PAULO police said.")).toEqual([]);
    expect(anomalies("Армия заявила, что отразила атаку на Харьков.")).toEqual([]);
  });
});

describe("number-conflict", () => {
  const text = "Gunmen killed 18 people in Gwoza on Saturday. Officials said 32 people were killed in Gwoza on Saturday.";
  const gwoza = (start: number) => ({
    id: `p${start}`,
    start,
    end: start + 5,
    text: "Gwoza",
    rule: "t",
    name: "Gwoza",
    country: "NGA",
    lat: 11,
    lon: 13,
    precision: "city" as const,
    geonameId: 1,
  });
  const q = (value: number, at: number, extra: Partial<Quantity> = {}): Quantity => ({
    start: at,
    end: at + String(value).length,
    text: String(value),
    rule: "t",
    value,
    qualifier: "exact",
    role: "killed",
    ...extra,
  });
  const sat = (start: number): TimeExpression => ({
    start,
    end: start + 8,
    text: "Saturday",
    rule: "t",
    type: "date",
    value: "2024-06-29",
    precision: "day",
    anchor: "relative",
  });
  const layers = (q2: Quantity): Partial<Layers> => ({
    quantities: [q(18, text.indexOf("18")), q2],
    places: [gwoza(text.indexOf("Gwoza")), gwoza(text.lastIndexOf("Gwoza"))],
    times: [sat(text.indexOf("Saturday")), sat(text.lastIndexOf("Saturday"))],
  });

  it("flags two totals for the same role, place and date", () => {
    const xs = anomalies(text, layers(q(32, text.indexOf("32"))));
    expect(kinds(xs)).toEqual(["number-conflict:32"]);
    expect(xs[0].suggestion).toBe("18");
  });

  it("accepts compatible bounds and stated changes", () => {
    expect(anomalies(text, layers(q(32, text.indexOf("32"), { qualifier: "at_least", value: 15 })))).toEqual([]);
    expect(anomalies(text, layers(q(32, text.indexOf("32"), { from: 18 })))).toEqual([]);
    expect(anomalies(text, layers(q(32, text.indexOf("32"), { role: "injured" })))).toEqual([]);
  });
});

describe("event confidence", () => {
  const ev = (start: number, end: number, actor?: [number, number]): Event => ({
    id: "e",
    type: "CONSULT",
    mode: null,
    context: null,
    cameo: null,
    acled: null,
    date: null,
    sources: actor ? [{ start: actor[0], end: actor[1], name: "x", entityId: null, country: null, sector: null, text: "x" }] : [],
    targets: [],
    place: null,
    killed: null,
    injured: null,
    quantities: [],
    modality: "asserted",
    historical: false,
    attribution: null,
    confidence: 0.8,
    trigger: { start, end: start + 1, text: "t" },
    evidence: { start, end, sentence: 0, text: "t" },
    rule: "t",
  });
  const swap: Anomaly = { kind: "entity-swap", start: 10, end: 14, text: "Iran", message: "", confidence: 0.8, rule: "t" };

  it("lowers events whose evidence holds an anomaly, most when it is on an actor", () => {
    const [inside, onActor, outside] = lowerConfidence([ev(0, 50), ev(0, 50, [10, 14]), ev(60, 90)], [swap]);
    expect(inside.confidence).toBeCloseTo(0.48);
    expect(onActor.confidence).toBeCloseTo(0.4);
    expect(outside.confidence).toBe(0.8);
  });

  it("returns the events layer from the stage", () => {
    const text = "Talks between the United States and Iran began.";
    const out = stage.run(docOf(text, { events: [ev(0, text.length)] }));
    expect(out.events).toHaveLength(1);
  });
});

describe("loader", () => {
  it("names the file and the entry of a bad data file", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-anomalies-"));
    mkdirSync(join(dir, "anomalies"));
    for (const f of ["countries", "confusables", "institutions", "redactions", "cues"])
      writeFileSync(join(dir, "anomalies", `${f}.json`), readFileSync(join(DATA_DIR, "anomalies", `${f}.json`)));
    writeFileSync(join(dir, "anomalies", "confusables.json"), JSON.stringify({ groups: [{ codes: ["IRQ", "XXX"], why: "" }] }));
    expect(() => loadAnomaliesResources(dir)).toThrow(/confusables\.json: XXX is not in countries\.json/);
    writeFileSync(join(dir, "anomalies", "confusables.json"), JSON.stringify({ groups: [{ codes: ["iraq"], why: "" }] }));
    expect(() => loadAnomaliesResources(dir)).toThrow(/confusables\.json: invalid at groups\.0\.codes/);
  });
});

describe("long input", () => {
  // Must finish (vitest's timeout bounds it); how time grows with size is measured by bench/extract.ts --large.
  it("handles a long, repetitive text", () => {
    const unit = "Talks between the United States and Iran** on XXX continued in Baghdad, Iraq, as Iraqi lawmakers met the Knesset. ";
    const out = stage.run(docOf(unit.repeat(1500)));
    expect(out.anomalies.length).toBeGreaterThan(1500);
  });

  it("handles one very long sentence", () => {
    const unit =
      "talks between the United States and Iran, Iraq and the United States, Baghdad, Iran** [censored] XXX Iraqi lawmakers in the Knesset ";
    const d = docOf(unit.repeat(2000));
    expect(d.layers.sentences).toHaveLength(1);
    expect(stage.run(d).anomalies.length).toBeGreaterThan(2000);
  });
});
