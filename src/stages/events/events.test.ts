import { describe, expect, it } from "vitest";
import type {
  Event,
  Mention,
  Place,
  Quantity,
  QuantityQualifier,
  QuantityRole,
  TimeExpression,
  TimePrecision,
} from "../../model/annotations.js";
import { createDoc, type Doc } from "../../model/document.js";
import { applyStage } from "../../pipeline/run.js";
import { loadEventsResources } from "../../runtime/load-events.js";
import { DATA_DIR } from "../../runtime/paths.js";
import { createPublishedStage } from "../published/index.js";
import { createSegmentStage } from "../segment/index.js";
import { createEventsStage, datelineEndOf, latestDay } from "./index.js";

/**
 * The events stage on its own: sentences and tokens come from the real segment stage,
 * the other layers (actors, times, quantities, places) are given by each case so the
 * clause logic is tested whatever the state of those stages.
 */
const segment = createSegmentStage();
const published = createPublishedStage();
const events = createEventsStage(loadEventsResources(DATA_DIR));

type ActorSpec = readonly [surface: string, country: string | null, sector?: string, kind?: Mention["kind"]];
interface Case {
  published?: string;
  actors?: readonly ActorSpec[];
  times?: readonly (readonly [surface: string, value: string, precision: TimePrecision, modifier?: TimeExpression["modifier"]])[];
  quantities?: readonly (readonly [surface: string, value: number, role: QuantityRole, qualifier?: QuantityQualifier, from?: number])[];
  places?: readonly (readonly [surface: string, name: string, country: string, relation?: Place["relation"]])[];
}

/** Every occurrence of `surface` in `text`, left to right. */
function spans(text: string, surface: string): [number, number][] {
  const out: [number, number][] = [];
  let at = text.indexOf(surface);
  while (at >= 0) {
    out.push([at, at + surface.length]);
    at = text.indexOf(surface, at + surface.length);
  }
  if (out.length === 0) throw new Error(`test setup: "${surface}" not in text`);
  return out;
}

function run(text: string, c: Case = {}): Event[] {
  let doc: Doc = createDoc({ text, published: c.published ?? "2024-01-28" });
  doc = applyStage(doc, published);
  doc = applyStage(doc, segment);
  const mentions: Mention[] = [];
  for (const [surface, country, sector, kind] of c.actors ?? []) {
    for (const [start, end] of spans(text, surface)) {
      mentions.push({
        id: `m${mentions.length}`,
        start,
        end,
        text: surface,
        rule: "test:actor",
        kind: kind ?? "actor",
        country,
        sector: (sector ?? null) as Mention["sector"],
      });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const times: TimeExpression[] = (c.times ?? []).map(([surface, value, precision, modifier]) => {
    const [start, end] = spans(text, surface)[0];
    return {
      start,
      end,
      text: surface,
      rule: "test:time",
      type: "date",
      value,
      precision,
      anchor: "absolute",
      ...(modifier ? { modifier } : {}),
    };
  });
  times.sort((a, b) => a.start - b.start);
  const quantities: Quantity[] = (c.quantities ?? []).map(([surface, value, role, qualifier, from]) => {
    const [start, end] = spans(text, surface)[0];
    return {
      start,
      end,
      text: surface,
      rule: "test:quantity",
      value,
      role,
      qualifier: qualifier ?? "exact",
      ...(from !== undefined ? { from } : {}),
    };
  });
  quantities.sort((a, b) => a.start - b.start);
  const places: Place[] = (c.places ?? []).map(([surface, name, country, relation]) => {
    const [start, end] = spans(text, surface)[0];
    return {
      id: `p-${name}`,
      start,
      end,
      text: surface,
      rule: "test:place",
      name,
      country,
      lat: 33.3,
      lon: 44.4,
      precision: "city",
      ...(relation ? { relation } : {}),
    };
  });
  places.sort((a, b) => a.start - b.start);
  doc = { ...doc, layers: { ...doc.layers, mentions, entities: [], times, quantities, places } };
  return [...events.run(doc).events];
}

const countries = (refs: Event["sources"]) => refs.map((r) => r.country).sort();

describe("triggers and types", () => {
  const cases: [string, Case, Event["type"], string | null][] = [
    [
      "Russian forces attacked Ukrainian positions.",
      {
        actors: [
          ["Russian forces", "RUS"],
          ["Ukrainian positions", "UKR"],
        ],
      },
      "ASSAULT",
      null,
    ],
    [
      "Israel carried out an airstrike on Hamas positions.",
      {
        actors: [
          ["Israel", "ISR"],
          ["Hamas", "PSE"],
        ],
      },
      "ASSAULT",
      "aerial",
    ],
    [
      "Egypt and Qatar held talks with Hamas officials.",
      {
        actors: [
          ["Egypt", "EGY"],
          ["Qatar", "QAT"],
          ["Hamas", "PSE"],
        ],
      },
      "CONSULT",
      null,
    ],
    ["The opposition called for the resignation of the prime minister.", {}, "REQUEST", null],
    ["Thousands of students staged a protest against the government.", {}, "PROTEST", "demo"],
    [
      "The European Union imposed sanctions on Iran.",
      {
        actors: [
          ["The European Union", null, "IGO"],
          ["Iran", "IRN"],
        ],
      },
      "SANCTION",
      null,
    ],
    ["Police arrested 12 protesters in Nairobi.", { actors: [["Police", "KEN", "POL"]] }, "COERCE", "arrest"],
    ["The rebels released 30 hostages.", {}, "RETREAT", "release"],
    ["France condemned the attack.", { actors: [["France", "FRA"]] }, "ACCUSE", null],
    ["The government rejected the proposal.", {}, "REJECT", null],
    ["The militia threatened to attack US bases.", { actors: [["US", "USA"]] }, "THREATEN", "violence"],
    ["The army withdrew from three villages.", {}, "RETREAT", "withdraw"],
    ["The two sides agreed to a ceasefire.", {}, "AGREE", null],
  ];
  it.each(cases)("%s", (text, c, type, mode) => {
    const found = run(text, c);
    const hit = found.find((e) => e.type === type);
    expect(hit, found.map((e) => `${e.type} ${e.trigger.text}`).join("; ")).toBeDefined();
    if (mode) expect(hit!.mode).toBe(mode);
    expect(hit!.rule).toMatch(/^events\.v1:/);
    expect(text.slice(hit!.trigger.start, hit!.trigger.end)).toBe(hit!.trigger.text);
  });

  it("merges a support verb with its event noun into one event", () => {
    const found = run("The U.S. military carried out an airstrike in Baghdad.", { actors: [["U.S. military", "USA", "MIL"]] });
    expect(found).toHaveLength(1);
    expect(found[0].trigger.text).toBe("carried out an airstrike");
    expect(found[0].acled).toBe("Explosions/Remote violence");
  });
});

describe("actors from clause structure", () => {
  it("coordinated subjects of a symmetric event are each other's counterparts", () => {
    const [e] = run("Iraq and the United States launched the first round of dialogue.", {
      actors: [
        ["Iraq", "IRQ"],
        ["the United States", "USA"],
      ],
    });
    expect(e.type).toBe("CONSULT");
    expect(countries(e.sources)).toEqual(["IRQ", "USA"]);
    expect(countries(e.targets)).toEqual(["IRQ", "USA"]);
  });

  it("passive: the by-agent is the source, the subject the target", () => {
    const text =
      "On January 4, the headquarters of the Popular Mobilization Forces in eastern Baghdad was attacked by US drones, killing three people and wounding five others.";
    const found = run(text, {
      actors: [
        ["Popular Mobilization Forces", "IRQ", "REB"],
        ["US", "USA"],
      ],
      times: [["January 4", "2024-01-04", "day"]],
      quantities: [
        ["three people", 3, "killed"],
        ["five others", 5, "injured"],
      ],
      places: [["Baghdad", "Baghdad", "IRQ", "part"]],
    });
    expect(found).toHaveLength(1);
    const e = found[0];
    expect(e.type).toBe("ASSAULT");
    expect(e.mode).toBe("drone");
    expect(countries(e.sources)).toEqual(["USA"]);
    expect(countries(e.targets)).toEqual(["IRQ"]);
    expect(e.killed).toEqual({ value: 3, qualifier: "exact" });
    expect(e.injured).toEqual({ value: 5, qualifier: "exact" });
    expect(e.place?.name).toBe("Baghdad");
    expect(e.date).toEqual({ value: "2024-01-04", precision: "day", basis: "explicit" });
  });

  it("reported speech: the speaker accuses the embedded subject, with attribution", () => {
    const text = "Prime Minister Al-Sudani said that the actions of the US military violated Iraq's sovereignty.";
    const found = run(text, {
      actors: [
        ["Prime Minister Al-Sudani", "IRQ", "GOV"],
        ["US military", "USA", "MIL"],
        ["Iraq", "IRQ"],
      ],
    });
    const e = found.find((x) => x.type === "ACCUSE");
    expect(e).toBeDefined();
    expect(countries(e!.sources)).toEqual(["IRQ"]);
    expect(countries(e!.targets)).toEqual(["USA"]);
    expect(e!.attribution?.text).toBe("Prime Minister Al-Sudani");
  });

  it("a coordinated predicate keeps the subject of the first", () => {
    const text = "Al-Sudani criticised the strike and repeatedly demanded the withdrawal of US troops.";
    const found = run(text, {
      actors: [
        ["Al-Sudani", "IRQ", "GOV"],
        ["US troops", "USA", "MIL"],
      ],
    });
    const e = found.find((x) => x.type === "REQUEST");
    expect(e).toBeDefined();
    expect(countries(e!.sources)).toEqual(["IRQ"]);
    expect(countries(e!.targets)).toEqual(["USA"]);
  });

  it("skips a relative clause to find the subject", () => {
    const text = "The United States, which had insisted on talks, later attacked the militia.";
    const found = run(text, {
      actors: [
        ["The United States", "USA"],
        ["the militia", "IRQ", "REB"],
      ],
    });
    const e = found.find((x) => x.type === "ASSAULT");
    expect(countries(e!.sources)).toEqual(["USA"]);
    expect(countries(e!.targets)).toEqual(["IRQ"]);
  });
});

describe("dates", () => {
  it("uses the governing clause's date for an embedded event without its own", () => {
    const text = "The Prime Minister's Office said in a statement on January 27 that Iraq and the United States launched a dialogue.";
    const [e] = run(text, {
      actors: [
        ["Iraq", "IRQ"],
        ["the United States", "USA"],
      ],
      times: [["January 27", "2024-01-27", "day"]],
    });
    expect(e.type).toBe("CONSULT");
    expect(e.date).toEqual({ value: "2024-01-27", precision: "day", basis: "governing" });
    expect(e.attribution?.text).toMatch(/Prime Minister's Office/);
  });

  it("reads a progressive passive ('is being pressured by')", () => {
    const [e] = run("The president is being pressured by parliament to resign.", {
      actors: [
        ["The president", "KEN", "GOV"],
        ["parliament", "KEN", "LEG"],
      ],
    });
    expect(e.sources.map((s) => s.text)).toEqual(["parliament"]);
    expect(e.targets.map((t) => t.text)).toEqual(["The president"]);
  });

  it("keeps the day of a time of day", () => {
    const text = "U.S. aircraft struck militia depots in Syria on Friday night.";
    const [e] = run(text, {
      published: "2024-02-03",
      actors: [
        ["U.S.", "USA"],
        ["militia", null, "REB"],
      ],
      times: [["Friday night", "2024-02-02TNI", "day"]],
    });
    expect(e.type).toBe("ASSAULT");
    expect(e.date).toEqual({ value: "2024-02-02", precision: "day", basis: "explicit" });
  });

  it("falls back to the publication date", () => {
    const [e] = run("Rebels attacked the town.", { published: "2024-03-01" });
    expect(e.date).toEqual({ value: "2024-03-01", precision: "day", basis: "publication" });
    expect(e.historical).toBe(false);
  });

  it("marks events long before publication as historical, keeping precision", () => {
    const [e] = run("In January 2020, the U.S. military carried out an airstrike in Baghdad.", {
      times: [["January 2020", "2020-01", "month"]],
    });
    expect(e.date).toEqual({ value: "2020-01", precision: "month", basis: "explicit" });
    expect(e.historical).toBe(true);
  });

  it("an ongoing period is not historical", () => {
    const [e] = run("Since October, militias have repeatedly attacked US troops.", {
      times: [["Since October", "2023-10", "month", "since"]],
      actors: [["US troops", "USA", "MIL"]],
    });
    expect(e.date?.modifier).toBe("since");
    expect(e.historical).toBe(false);
  });

  it("latestDay reads the end of a period", () => {
    expect(new Date(latestDay("2020")!).toISOString().slice(0, 10)).toBe("2020-12-31");
    expect(new Date(latestDay("2020-02")!).toISOString().slice(0, 10)).toBe("2020-02-29");
    expect(latestDay("PAST_REF")).toBeNull();
  });
});

describe("modality", () => {
  const cases: [string, Case, Event["modality"]][] = [
    ["The army attacked the village.", {}, "asserted"],
    ["The army did not attack the village.", {}, "negated"],
    ["The army will withdraw from the village.", {}, "future"],
    ["The army plans to withdraw from the village.", {}, "planned"],
    ["The army may attack the village.", {}, "hypothetical"],
    ["There are reports that the army attacked the village.", {}, "reported"],
    ["The ministry claimed that the army attacked the village.", {}, "reported"],
  ];
  it.each(cases)("%s", (text, c, modality) => {
    const found = run(text, c);
    expect(found.length, text).toBeGreaterThan(0);
    expect(found[0].modality).toBe(modality);
  });

  it("speculation about clashes is not asserted", () => {
    const text = "It is foreseeable that there may be more clashes between US forces and Iraqi militias in the future.";
    const found = run(text, {
      actors: [
        ["US forces", "USA", "MIL"],
        ["Iraqi militias", "IRQ", "REB"],
      ],
    });
    expect(found.length).toBeGreaterThan(0);
    for (const e of found) expect(e.modality).not.toBe("asserted");
    expect(found[0].type).toBe("ASSAULT");
  });

  it("a declared intention to keep attacking is a future THREATEN", () => {
    const text = "The Islamic Resistance has said that it will continue to attack US military bases.";
    const found = run(text, {
      actors: [
        ["The Islamic Resistance", "IRQ", "REB"],
        ["US", "USA"],
      ],
    });
    const e = found.find((x) => x.type === "THREATEN");
    expect(e).toBeDefined();
    expect(e!.modality).toBe("future");
    expect(countries(e!.sources)).toEqual(["IRQ"]);
    expect(found.some((x) => x.type === "ASSAULT")).toBe(false);
  });

  it("refusing is a REJECT, not a negated event", () => {
    const found = run("The government refused to release the prisoners.");
    expect(found.map((e) => e.type)).toEqual(["REJECT"]);
    expect(found[0].modality).toBe("asserted");
  });
});

describe("readings of stated intentions, refusals and reports", () => {
  const cases: [string, Case, Event["type"], Event["modality"] | null][] = [
    [
      "Finland will provide aid to Tanzania, the ministry said.",
      {
        actors: [
          ["Finland", "FIN"],
          ["Tanzania", "TZA"],
        ],
      },
      "AGREE",
      "future",
    ],
    ["Syria said it will not accept any more refugees.", { actors: [["Syria", "SYR"]] }, "REJECT", "asserted"],
    [
      "Russia said on Tuesday that Sudan must return the helicopter.",
      {
        actors: [
          ["Russia", "RUS"],
          ["Sudan", "SDN"],
        ],
      },
      "REQUEST",
      "asserted",
    ],
    ["The government lifted the curfew in the capital.", {}, "CONCEDE", null],
    [
      "Obama wants Putin to attack Switzerland.",
      {
        actors: [
          ["Obama", "USA"],
          ["Putin", "RUS"],
          ["Switzerland", "CHE"],
        ],
      },
      "REQUEST",
      null,
    ],
    ["The union called off the strike.", {}, "CONCEDE", null],
    ["Libya has offered to hand over the two suspects.", { actors: [["Libya", "LBY"]] }, "AGREE", null],
    ["Greece plans to impose restrictions on its labour market.", { actors: [["Greece", "GRC"]] }, "THREATEN", null],
  ];
  it.each(cases)("%s", (text, c, type, modality) => {
    const found = run(text, c);
    const hit = found.find((e) => e.type === type);
    expect(hit, found.map((e) => `${e.type} ${e.trigger.text}`).join("; ")).toBeDefined();
    if (modality) expect(hit!.modality).toBe(modality);
  });

  it("a speaker reporting someone else's attack accuses them", () => {
    const text = "Israel said that Hamas militants fired rockets at Ashkelon.";
    const found = run(text, {
      actors: [
        ["Israel", "ISR"],
        ["Hamas militants", "PSE", "REB"],
      ],
    });
    const accuse = found.find((e) => e.type === "ACCUSE");
    expect(accuse).toBeDefined();
    expect(countries(accuse!.sources)).toEqual(["ISR"]);
    expect(countries(accuse!.targets)).toEqual(["PSE"]);
    const attack = found.find((e) => e.type === "ASSAULT");
    expect(attack?.attribution?.text).toBe("Israel");
  });

  it("insisting that someone stop attacking is one REQUEST to them", () => {
    const text = "The United States insisted that the militias stop attacking US bases.";
    const found = run(text, {
      actors: [
        ["The United States", "USA"],
        ["the militias", "IRQ", "REB"],
        ["US", "USA"],
      ],
    });
    expect(found.map((e) => e.type)).toEqual(["REQUEST"]);
    expect(countries(found[0].sources)).toEqual(["USA"]);
    expect(countries(found[0].targets)).toEqual(["IRQ"]);
  });

  it("an attack named as the cause of another is a separate event", () => {
    const text = "The U.S. struck targets in Syria in retaliation for the drone attack that killed three soldiers.";
    const found = run(text, {
      actors: [
        ["U.S.", "USA"],
        ["Syria", "SYR"],
      ],
      quantities: [["three soldiers", 3, "killed"]],
    });
    const attacks = found.filter((e) => e.type === "ASSAULT");
    expect(attacks).toHaveLength(2);
    expect(attacks.find((e) => e.mode === "drone")?.sources).toEqual([]);
  });

  it("wanting someone to act names them as the target", () => {
    const [e] = run("Obama wants Putin to attack Switzerland.", {
      actors: [
        ["Obama", "USA"],
        ["Putin", "RUS"],
        ["Switzerland", "CHE"],
      ],
    });
    expect(countries(e.sources)).toEqual(["USA"]);
    expect(countries(e.targets)).toEqual(["RUS"]);
  });
});

describe("no events", () => {
  const texts = ["The weather was fine.", "The report has 40 pages.", "", "Analysts said the economy grew by 3 percent."];
  it.each(texts)("%j", (text) => {
    expect(run(text)).toEqual([]);
  });

  it("ignores capitalised verbs inside names ((Capital Dispatch))", () => {
    const text = "WASHINGTON, Jan. 28, 2024 (Capital Dispatch) -- The weather was fine.";
    expect(run(text, { actors: [["Capital", null]] })).toEqual([]);
  });

  it("does not take a noun modifier or a name for an event", () => {
    expect(run("The Popular Mobilization Forces are based in Iraq.").filter((e) => e.type === "MOBILIZE")).toEqual([]);
  });

  it("stays linear on one very long sentence full of events", () => {
    const text = `${"Iraq attacked Syria and ".repeat(2000)}talks began.`;
    const found = run(text, {
      actors: [
        ["Iraq", "IRQ"],
        ["Syria", "SYR"],
      ],
    });
    expect(found.length).toBeGreaterThan(1000);
  });

  it("finishes quickly on pathological input", () => {
    const text = `${"attack ".repeat(5000)}. ${"(".repeat(2000)}talks${")".repeat(2000)}.`;
    run(text);
  });
});

describe("legislative acts", () => {
  it("a bill to end the presence of foreign troops is a REQUEST to withdraw", () => {
    const text = "On 13 January, 88 Iraqi parliamentarians submitted a bill on ending the presence of foreign troops in Iraq.";
    const found = run(text, {
      actors: [["Iraqi parliamentarians", "IRQ", "LEG"]],
      times: [["13 January", "2024-01-13", "day"]],
      quantities: [["88 Iraqi parliamentarians", 88, "people"]],
    });
    const e = found.find((x) => x.trigger.text.includes("bill"));
    expect(e?.type).toBe("REQUEST");
    expect(e?.mode).toBe("yield");
    expect(countries(e!.sources)).toEqual(["IRQ"]);
    expect(e?.quantities.map((q) => q.value)).toEqual([88]);
    expect(e?.date?.value).toBe("2024-01-13");
  });

  it("a bill about something else is no event", () => {
    expect(run("The parliament submitted a bill on school meals.").filter((e) => e.trigger.text.includes("bill"))).toEqual([]);
  });
});

describe("movements, denials, descriptions and own forces", () => {
  it("soldiers leaving a base retreat; they do not consult", () => {
    const found = run("The last American soldiers left a base in Agadez in August.", { actors: [["American soldiers", "USA", "MIL"]] });
    expect(found.map((e) => e.type)).toEqual(["RETREAT"]);
    expect(found[0].cameo).toBe("0874");
  });
  it("leaving a meeting is no retreat", () => {
    expect(run("The delegates left the meeting early.").filter((e) => e.type === "RETREAT")).toEqual([]);
  });
  it("denying an attack is a rejection; vowing to continue an advance is a threat; 'led by' describes", () => {
    const text = "The RSF, led by Mohamed Hamdan Dagalo, denied attacking civilians and said it would continue its advance on the city.";
    const found = run(text, {
      actors: [
        ["RSF", "SDN", "REB"],
        ["Mohamed Hamdan Dagalo", "SDN", "REB"],
        ["civilians", null, "CVL"],
      ],
    });
    const types = found.map((e) => e.type);
    expect(types).toContain("REJECT");
    expect(types).toContain("THREATEN");
    expect(types).not.toContain("COOPERATE");
    expect(found.find((e) => e.type === "REJECT")?.sources.map((s) => s.country)).toEqual(["SDN"]);
  });
  it("'fighters linked to' a group is a description, not cooperation", () => {
    const found = run("Fighters linked to the Islamic State Sahel Province are active in the region.", {
      actors: [["Islamic State Sahel Province", null, "REB"]],
    });
    expect(found.filter((e) => e.type === "COOPERATE")).toEqual([]);
  });
  it("a ministry reporting that troops killed militants does not accuse its own troops", () => {
    const found = run('The ministry said troops had killed "dozens of terrorists" in the counter-attack.', {
      actors: [
        ["ministry", "NER", "GOV"],
        ["troops", null, "MIL"],
      ],
    });
    expect(found.map((e) => e.type)).toEqual(["ASSAULT"]);
  });
  it("a monitor reporting that government forces killed people still accuses them", () => {
    const found = run("The Syrian Observatory said eight people were killed in an air strike by government forces.", {
      actors: [
        ["Syrian Observatory", "SYR", "NGO"],
        ["government forces", null, "MIL"],
      ],
    });
    expect(found.map((e) => e.type)).toContain("ACCUSE");
  });
});

describe("secondary triggers", () => {
  it("a verb completing a noun after the main event is no event of its own", () => {
    const found = run(
      "Iraq's national security advisor met with Syrian President Bashar Assad to discuss efforts to counter Islamic State.",
      {
        actors: [
          ["Iraq's national security advisor", "IRQ", "GOV"],
          ["Syrian President Bashar Assad", "SYR", "GOV"],
          ["Islamic State", null, "REB"],
        ],
      },
    );
    expect(found.map((e) => e.type)).toEqual(["CONSULT"]);
  });
  it("the aim of a noun ('a trip aimed at pushing for a ceasefire') is no event", () => {
    const found = run("The UN chief made his remarks in Doha at the start of a regional trip aimed at pushing for a ceasefire.", {
      actors: [["UN chief", null, "IGO"]],
    });
    expect(found.filter((e) => e.type === "REQUEST")).toEqual([]);
  });
  it("the same verb as a main event still counts", () => {
    const found = run("Iraq's government vowed to counter Islamic State.", {
      actors: [
        ["Iraq's government", "IRQ", "GOV"],
        ["Islamic State", null, "REB"],
      ],
    });
    expect(found.length).toBeGreaterThan(0);
  });
});

describe("one happening, one event", () => {
  it("a participle elaborating a protest gives it its target and keeps the protest's date", () => {
    const text = "Thousands of people demonstrated in Bamako on Saturday, chanting slogans against the transitional government.";
    const found = run(text, {
      published: "2025-03-09",
      actors: [
        ["people", "MLI", "CVL"],
        ["transitional government", "MLI", "GOV"],
      ],
      times: [["Saturday", "2025-03-08", "day"]],
    });
    expect(found.map((e) => e.type)).toEqual(["PROTEST"]);
    expect(found[0].targets.map((t) => t.country)).toEqual(["MLI"]);
    expect(found[0].date?.value).toBe("2025-03-08");
  });
  it("tear gas is no tearing", () => {
    const found = run("Police fired tear gas at the crowd.", { actors: [["Police", "MLI", "POL"]] });
    expect(found.filter((e) => e.trigger.text === "tear")).toEqual([]);
  });
  it("two protests by different people stay two", () => {
    const text = "Students marched in the capital, and farmers blocked roads in the north.";
    const found = run(text, {
      actors: [
        ["Students", "MLI", "CVL"],
        ["farmers", "MLI", "CVL"],
      ],
    });
    expect(found.filter((e) => e.type === "PROTEST").length).toBe(2);
  });
});

describe("datelines, idioms and possessives", () => {
  it("the dateline's date is not the event's, also when the caller gives the publication date", () => {
    const text = "SANAA, Feb. 20, 2024 -- Houthi rebels fired two missiles at a cargo ship on Monday.";
    const found = run(text, {
      published: "2024-02-20",
      actors: [["Houthi rebels", "YEM", "REB"]],
      times: [
        ["Feb. 20, 2024", "2024-02-20", "day"],
        ["Monday", "2024-02-19", "day"],
      ],
    });
    expect(found[0]?.type).toBe("ASSAULT");
    expect(found[0]?.date?.value).toBe("2024-02-19");
  });
  it("no dateline: nothing is skipped", () => {
    expect(run("Houthi rebels fired two missiles at a cargo ship.", { actors: [["Houthi rebels", "YEM", "REB"]] }).length).toBe(1);
  });
  it("being sworn in, leading to, and a noun after a possessive are no events", () => {
    const text = "The department raised its reward for information leading to his arrest after Maduro was sworn in on Friday.";
    const found = run(text, { actors: [["Maduro", "VEN", "GOV"]] });
    expect(found.map((e) => e.trigger.text)).not.toContain("reward");
    expect(found.map((e) => e.trigger.text)).not.toContain("leading");
    expect(found.map((e) => e.trigger.text)).not.toContain("sworn");
  });
  it("launching a naval mission mobilises", () => {
    const found = run("The European Union launched a naval mission on Monday to protect shipping in the Red Sea.", {
      actors: [["European Union", null, "IGO"]],
    });
    expect(found.map((e) => e.type)).toEqual(["MOBILIZE"]);
  });
});

describe("findings of breach", () => {
  it("a speaker declaring that a state is in breach accuses it", () => {
    const found = run("The agency's board declared on Thursday that Iran was in breach of its obligations.", {
      actors: [
        ["agency's board", null, "IGO"],
        ["Iran", "IRN"],
      ],
    });
    const accuse = found.find((e) => e.type === "ACCUSE");
    expect(accuse?.targets.map((t) => t.country)).toEqual(["IRN"]);
    expect(accuse?.sources.map((s) => s.text)).toEqual(["agency's board"]);
  });
  it("being in a city is no breach", () => {
    expect(run("Iran was in Vienna on Thursday.", { actors: [["Iran", "IRN"]] })).toEqual([]);
  });
});

describe("agendas and agreed things", () => {
  it("a meeting's agenda ('to discuss military cooperation') is part of the meeting", () => {
    const found = run("Russian Defence Minister Andrei Belousov met his Chinese counterpart in Beijing to discuss military cooperation.", {
      actors: [
        ["Russian Defence Minister Andrei Belousov", "RUS", "GOV"],
        ["Chinese counterpart", "CHN", "GOV"],
      ],
    });
    expect(found.map((e) => e.type)).toEqual(["CONSULT"]);
  });
  it("the ceasefire agreed to is the agreement, not a second event", () => {
    const found = run("Israel and Hamas agreed on Wednesday to a ceasefire in Gaza, mediators announced.", {
      actors: [
        ["Israel", "ISR"],
        ["Hamas", "PSE", "REB"],
        ["mediators", null],
      ],
    });
    expect(found.map((e) => e.type)).toEqual(["AGREE"]);
  });
});

describe("noun compounds after an object's article", () => {
  it("'hit an apartment block' has no blocking", () => {
    const found = run("Two people were killed when a missile hit an apartment block in Kharkiv.");
    expect(found.filter((e) => e.trigger.text === "block")).toEqual([]);
  });
  it("a verb after a subject's article and noun is still a verb", () => {
    const found = run("The army blocked the road to the airport.", { actors: [["army", "MLI", "MIL"]] });
    expect(found.some((e) => e.trigger.text === "blocked")).toBe(true);
  });
});

describe("definite attack nouns refer back", () => {
  const text =
    "M23 rebels entered Goma after days of fighting with Congolese troops. At least 17 people were killed in the clashes around the city.";
  const actors: ActorSpec[] = [
    ["M23 rebels", "COD", "REB"],
    ["Congolese troops", "COD", "MIL"],
    ["people", null, "CVL"],
  ];
  it("casualties 'in the clashes' take the previous sentence's fighters (and are its toll when it has none)", () => {
    const found = run(text, { actors, quantities: [["17", 17, "killed", "at-least"]] });
    const killed = found.filter((e) => e.killed?.value === 17);
    expect(killed.map((e) => e.sources.map((s) => s.country))).toEqual([["COD"]]);
    expect(killed[0].trigger.text).toBe("fighting");
    const tolled = run(text.replace("troops.", "troops, killing three."), {
      actors,
      quantities: [
        ["three", 3, "killed"],
        ["17", 17, "killed", "at-least"],
      ],
    });
    const later = tolled.find((e) => e.killed?.value === 17);
    expect(later?.rule).toBe("events.v1:attack-back-reference");
    expect(later?.sources.map((s) => s.country)).toEqual(["COD"]);
  });
  it("no definite attack noun: no sources borrowed", () => {
    const other =
      "M23 rebels entered Goma after days of fighting with Congolese troops. At least 17 people were killed by floods near the city.";
    const found = run(other, { actors, quantities: [["17", 17, "killed", "at-least"]] });
    expect(found.filter((e) => e.rule === "events.v1:attack-back-reference")).toEqual([]);
  });
});

describe("reactions to a definite act", () => {
  const actors: ActorSpec[] = [
    ["United States", "USA"],
    ["Venezuelan officials", "VEN", "GOV"],
    ["Venezuela's government", "VEN", "GOV"],
  ];
  it("'condemned the measures' targets the actor who last acted", () => {
    const text =
      "The United States imposed new sanctions on Venezuelan officials. Venezuela's government condemned the measures as an act of aggression.";
    const accuse = run(text, { actors }).find((e) => e.type === "ACCUSE");
    expect(accuse?.targets.map((t) => t.country)).toEqual(["USA"]);
    expect(accuse?.rule).toBe("events.v1:reaction-back-reference");
  });
  it("no definite act: no borrowed target", () => {
    const text =
      "The United States imposed new sanctions on Venezuelan officials. Venezuela's government condemned interference in general.";
    const found = run(text, { actors });
    expect(found.filter((e) => e.rule === "events.v1:reaction-back-reference")).toEqual([]);
  });
});

describe("possessors of arrest nouns (full pipeline)", () => {
  it("'Maduro's arrest': the person is arrested, not arresting", async () => {
    const { defaultExtractor } = await import("../../runtime/extractor.js");
    const text = "The State Department raised its reward for information leading to Nicolas Maduro's arrest.";
    const found = defaultExtractor().extract({ text, published: "2025-01-10" }).events;
    const arrest = found.find((e) => e.type === "COERCE");
    expect(arrest?.sources).toEqual([]);
    expect(arrest?.targets.map((t) => t.country)).toEqual(["VEN"]);
  });
});

describe("participles tagged as nouns", () => {
  it("', arresting the protesters' is an arrest by the clause's subject", () => {
    const found = run("Police raided the camp, arresting the protesters.", {
      actors: [
        ["Police", "MLI", "POL"],
        ["protesters", "MLI", "CVL"],
      ],
    });
    const arrest = found.find((e) => e.type === "COERCE");
    expect(arrest?.trigger.text).toBe("arresting");
    expect(arrest?.sources.map((s) => s.text)).toEqual(["Police"]);
  });
  it("a gerund that is a real noun stays one ('the building')", () => {
    const found = run("Police entered the building, and the building was empty.", { actors: [["Police", "MLI", "POL"]] });
    expect(found.filter((e) => e.trigger.text === "building")).toEqual([]);
  });
});

describe("property destruction", () => {
  it("demolishing homes is COERCE with CAMEO 1712 (CAMEO root 17, as the PLOVER coders read it)", () => {
    const found = run("Army bulldozers demolished Palestinian homes in southern Gaza.", {
      actors: [
        ["Army bulldozers", "ISR", "MIL"],
        ["Palestinian homes", "PSE"],
      ],
    });
    expect(found.map((e) => [e.type, e.cameo])).toEqual([["COERCE", "1712"]]);
  });
});

describe("obligations with a readiness adjective", () => {
  it("'said the US must be ready to mediate' is the speaker's request", () => {
    const found = run("Mubarak said on Wednesday that the US must be ready to mediate between Israelis and Palestinians.", {
      actors: [
        ["Mubarak", "EGY", "GOV"],
        ["US", "USA"],
        ["Israelis", "ISR"],
        ["Palestinians", "PSE"],
      ],
    });
    const req = found.find((e) => e.type === "REQUEST");
    expect(req?.sources.map((s) => s.country)).toEqual(["EGY"]);
    expect(req?.targets.map((s) => s.country)).toEqual(["USA"]);
  });
  it("'is ready to mediate' alone is an offer, not a request", () => {
    const found = run("The US is ready to mediate between Israelis and Palestinians.", {
      actors: [
        ["US", "USA"],
        ["Israelis", "ISR"],
        ["Palestinians", "PSE"],
      ],
    });
    expect(found.filter((e) => e.type === "REQUEST")).toEqual([]);
  });
});

describe("reported speech, documents and claims", () => {
  it("a document speaks for the one actor in its noun phrase, and 'alleged that' accuses the complement's subject", () => {
    const found = run("A report published Monday in the Kenyan capital alleged that Uganda was aware of the raids.", {
      actors: [
        ["Kenyan", "KEN"],
        ["Uganda", "UGA"],
      ],
    });
    const acc = found.find((e) => e.type === "ACCUSE");
    expect(acc?.sources.map((s) => s.country)).toEqual(["KEN"]);
    expect(acc?.targets.map((s) => s.country)).toEqual(["UGA"]);
  });
  it("no actor inside the document's noun phrase: no source", () => {
    const found = run("A report alleged that Uganda was aware of the raids.", { actors: [["Uganda", "UGA"]] });
    expect(found.find((e) => e.type === "ACCUSE")?.sources).toEqual([]);
  });
  it("the claimant of an attack is its source and the attribution", () => {
    const found = run("The Islamic State group claimed responsibility for a suicide bombing at a market in Kabul.", {
      actors: [["Islamic State group", "IRQ", "REB"]],
    });
    const attack = found.find((e) => e.type === "ASSAULT");
    expect(attack?.sources.map((s) => s.text)).toEqual(["Islamic State group"]);
    expect(attack?.attribution?.text).toBe("Islamic State group");
    expect(attack?.modality).toBe("reported");
  });
  it("an appositive between the speaker and 'said' is skipped", () => {
    const found = run("The Sudan Doctors Network, a group based in Kenya, said paramilitaries killed 20 villagers.", {
      actors: [
        ["Sudan Doctors Network", "SDN", "NGO"],
        ["Kenya", "KEN"],
        ["paramilitaries", null, "REB"],
        ["villagers", null, "CVL"],
      ],
    });
    const acc = found.find((e) => e.type === "ACCUSE");
    expect(acc?.sources.map((s) => s.text)).toEqual(["Sudan Doctors Network"]);
  });
  it("what someone hopes will happen is hypothetical", () => {
    const found = run("The minister said she hoped the former generals would soon be indicted for war crimes.", {
      actors: [["former generals", "RWA", "MIL"]],
    });
    expect(found.every((e) => e.modality === "hypothetical")).toBe(true);
  });
  it("a reduced relative clause before 'for' is background ('the civilians imprisoned for ...')", () => {
    const found = run("The civilians imprisoned for protesting were released yesterday by the governor.", {
      actors: [
        ["civilians", "RUS", "CVL"],
        ["governor", "RUS", "GOV"],
      ],
    });
    expect(found.map((e) => e.trigger.text)).toEqual(["released"]);
  });
});

describe("future and intention", () => {
  const actors: ActorSpec[] = [
    ["The United States", "USA"],
    ["Israel", "ISR"],
  ];
  it("a plain future keeps the act ('will supply arms' is military aid, 072)", () => {
    const found = run("The United States will supply arms to Israel.", { actors });
    expect(found.map((e) => [e.type, e.cameo, e.modality])).toEqual([["AID", "072", "future"]]);
  });
  it("a stated intention is an AGREE ('wants to supply arms', 0332)", () => {
    const found = run("The United States wants to supply arms to Israel.", { actors });
    expect(found.map((e) => [e.type, e.cameo.slice(0, 2)])).toEqual([["AGREE", "03"]]);
  });
  it("attending an occasion is a visit; a passive keeps the verb's own pattern ('evidence ... was presented by')", () => {
    expect(run("The United States will attend the summit in Israel.", { actors }).map((e) => [e.type, e.mode])).toEqual([
      ["CONSULT", "visit"],
    ]);
    const found = run("Evidence against Israel was presented by The United States.", { actors });
    expect(found.map((e) => [e.type, e.cameo])).toEqual([["ACCUSE", "1124"]]);
    expect(found[0].sources.map((s) => s.country)).toEqual(["USA"]);
    expect(found[0].targets.map((s) => s.country)).toEqual(["ISR"]);
  });
});

describe("participial phrases and shows of force", () => {
  it("', seeking to mend ties' shares the subject of the nearest finite verb", () => {
    const found = run("The statement came a day before Sarkozy heads to Beijing, seeking to mend ties with China.", {
      actors: [
        ["Sarkozy", "FRA", "GOV"],
        ["China", "CHN"],
      ],
    });
    const mend = found.find((e) => e.trigger.text === "mend");
    expect(mend?.sources.map((s) => s.country)).toEqual(["FRA"]);
  });
  it("drills around a country target it; forces arriving in a country are deployed there", () => {
    const drills = run("China's military launched large-scale drills around Taiwan on Monday.", {
      actors: [
        ["China's military", "CHN", "MIL"],
        ["Taiwan", "TWN"],
      ],
    });
    expect(drills.map((e) => [e.type, e.targets.map((t) => t.country)])).toEqual([["MOBILIZE", ["TWN"]]]);
    const arrived = run("Russian troops arrived in Belarus on Tuesday.", {
      actors: [["Russian troops", "RUS", "MIL"]],
      places: [["Belarus", "Belarus", "BLR"]],
    });
    expect(arrived.map((e) => [e.type, e.targets.map((t) => t.country)])).toEqual([["MOBILIZE", ["BLR"]]]);
    // (Police sent abroad come to help: PLOVER codes police assistance, personnel included, as aid.)
    const police = run("Kenyan police officers arrived in Haiti on Tuesday.", {
      actors: [["Kenyan police officers", "KEN", "POL"]],
      places: [["Haiti", "Haiti", "HTI"]],
    });
    expect(police.map((e) => [e.type, e.targets.map((t) => t.country)])).toEqual([["AID", ["HTI"]]]);
  });
  it("a visit by an official stays a visit", () => {
    const found = run("The Chinese foreign minister arrived in Moscow on Tuesday.", {
      actors: [["Chinese foreign minister", "CHN", "GOV"]],
      places: [["Moscow", "Moscow", "RUS"]],
    });
    expect(found.map((e) => [e.type, e.mode, e.targets.map((t) => t.country)])).toEqual([["CONSULT", "visit", ["RUS"]]]);
  });
});

describe("perpetrators named elsewhere in the sentence", () => {
  it("an attack takes the perpetrator its reporters blame", () => {
    const found = run("Shells struck a resort on Wednesday, killing nine tourists, officials said, blaming the attack on Turkish forces.", {
      actors: [
        ["officials", "IRQ", "GOV"],
        ["Turkish forces", "TUR", "MIL"],
      ],
      quantities: [["nine tourists", 9, "killed"]],
    });
    const attack = found.find((e) => e.type === "ASSAULT");
    expect(attack?.sources.map((s) => s.country)).toEqual(["TUR"]);
    expect(attack?.modality).toBe("reported");
    expect(attack?.attribution?.text).toBe("officials");
  });
  it("'the attack was carried out by Hamas': the agent of a passive support verb", () => {
    const found = run("The attack was carried out by Hamas.", { actors: [["Hamas", "PSE", "REB"]] });
    expect(found.map((e) => [e.type, e.sources.map((s) => s.country)])).toEqual([["ASSAULT", ["PSE"]]]);
  });
  it("an infinitive of purpose after a passive did not happen; after 'was forced' it is the event", () => {
    const deployed = run("Troops were deployed to protect civilians.", {
      actors: [
        ["Troops", "FRA", "MIL"],
        ["civilians", "MLI", "CVL"],
      ],
    });
    expect(deployed.map((e) => e.trigger.text)).toEqual(["deployed"]);
    expect(run("Iran was forced to release the tanker.", { actors: [["Iran", "IRN"]] }).map((e) => e.trigger.text)).toContain("release");
  });
  it("'killed in clashes between A and B': the parties are the sources, not the sayers after them", () => {
    const found = run("At least 91 people were killed in clashes between protesters and security forces, police and doctors said.", {
      actors: [
        ["protesters", "BGD", "CVL"],
        ["security forces", "BGD", "MIL"],
        ["police", "BGD", "POL"],
        ["doctors", null, "HLH"],
      ],
      quantities: [["At least 91 people", 91, "killed", "at_least"]],
    });
    expect(found[0].sources.map((s) => s.text)).toEqual(["protesters", "security forces"]);
  });
});

describe("both sides", () => {
  it("'urged both sides' addresses the article's two main countries; with no clear pair, nobody", () => {
    const text =
      "Afghan forces attacked Pakistani posts. Pakistan struck back at Afghan positions. Qatar urged both sides to show restraint.";
    const actors: ActorSpec[] = [
      ["Afghan", "AFG"],
      ["Pakistani", "PAK"],
      ["Pakistan", "PAK"],
      ["Qatar", "QAT"],
      ["sides", null],
    ];
    const req = run(text, { actors }).find((e) => e.type === "REQUEST");
    expect(req?.targets.map((t) => [t.country, t.text])).toEqual([
      ["PAK", "both sides"],
      ["AFG", "both sides"],
    ]);
    const lone = run("Qatar urged both sides to show restraint.", {
      actors: [
        ["Qatar", "QAT"],
        ["sides", null],
      ],
    });
    expect(lone.find((e) => e.type === "REQUEST")?.targets.map((t) => t.country)).toEqual([null]);
  });
});

describe("retaliation", () => {
  it("'would respond at a time of its choosing' threatens; 'responded to questions' is nothing; 'responded with airstrikes' attacks", () => {
    const said = run("Sharif said Pakistan would respond at a time of its choosing.", {
      actors: [
        ["Sharif", "PAK", "GOV"],
        ["Pakistan", "PAK"],
      ],
    });
    expect(said.map((e) => [e.type, e.sources.map((s) => s.country)])).toEqual([["THREATEN", ["PAK"]]]);
    expect(run("The ministry responded to questions.", { actors: [["ministry", "PAK", "GOV"]] })).toEqual([]);
    const hit = run("Israel responded with airstrikes on Gaza.", { actors: [["Israel", "ISR"]], places: [["Gaza", "Gaza Strip", "PSE"]] });
    expect(hit.map((e) => [e.type, e.sources.map((s) => s.country)])).toEqual([["ASSAULT", ["ISR"]]]);
  });
});

describe("mediated talks", () => {
  it("talks mediated by a third party are between the parties that agreed, not the mediator's", () => {
    const found = run(
      "Ethiopia and the TPLF agreed on Wednesday to a cessation of hostilities after talks mediated by the African Union.",
      {
        actors: [
          ["Ethiopia", "ETH"],
          ["TPLF", "ETH", "REB"],
          ["African Union", null, "IGO"],
        ],
      },
    );
    const talks = found.find((e) => e.trigger.text === "talks");
    expect(talks?.sources.map((s) => s.text)).toEqual(["Ethiopia", "TPLF"]);
  });
});

describe("fighting between and leaving dead", () => {
  it("'Fighting between Thai and Cambodian troops' has one side as source and the other as target", () => {
    const found = run("Fighting between Thai and Cambodian troops spread on Friday.", {
      actors: [
        ["Thai", "THA"],
        ["Cambodian troops", "KHM", "MIL"],
      ],
    });
    expect(found.map((e) => [e.type, e.sources.map((s) => s.country), e.targets.map((t) => t.country)])).toEqual([
      ["ASSAULT", ["THA"], ["KHM"]],
    ]);
  });
  it("'left 12 people dead' is an attack, not a departure", () => {
    const found = run("The shelling left 12 people dead.", { quantities: [["12 people", 12, "killed"]] });
    expect(found.every((e) => e.type === "ASSAULT")).toBe(true);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe("when-clauses and coordinated tolls", () => {
  it("'N were killed when X shot down ...': the when-clause names the attacker; coordinated counts add up", () => {
    const found = run("Officials said 11 civilians and one soldier were killed when Cambodian rockets struck villages.", {
      actors: [
        ["Officials", "THA", "GOV"],
        ["Cambodian rockets", "KHM", "MIL"],
      ],
      quantities: [
        ["11 civilians", 11, "killed"],
        ["one soldier", 1, "killed"],
      ],
    });
    const attack = found.find((e) => e.type === "ASSAULT");
    expect(attack?.sources.map((s) => s.country)).toEqual(["KHM"]);
    expect(attack?.killed).toEqual({ value: 12, qualifier: "exact" });
  });
});

describe("exchanges and rejected proposals", () => {
  it("an exchange by two coordinated parties is mutual; rejecting a call by X targets X", () => {
    const swap = run("Russia and Ukraine swapped 390 prisoners each on Friday.", {
      actors: [
        ["Russia", "RUS"],
        ["Ukraine", "UKR"],
      ],
    });
    expect(swap[0].targets.map((t) => t.country)).toEqual(["UKR", "RUS"]);
    const rejected = run("Peskov rejected a renewed call by France and Germany for a truce.", {
      actors: [
        ["Peskov", "RUS", "GOV"],
        ["France", "FRA"],
        ["Germany", "DEU"],
      ],
    });
    expect(rejected.find((e) => e.type === "REJECT")?.targets.map((t) => t.country)).toEqual(["FRA", "DEU"]);
  });
});

describe("reactions to a named act", () => {
  it("'condemned the attack on Ras Isa' targets the attacker of Ras Isa, not the last actor", () => {
    const text =
      "U.S. air strikes on Ras Isa killed 38 people. The Houthis fired a missile at Israel. Iran condemned the attack on Ras Isa.";
    const found = run(text, {
      actors: [
        ["U.S.", "USA"],
        ["Ras Isa", null],
        ["Houthis", "YEM", "REB"],
        ["Israel", "ISR"],
        ["Iran", "IRN"],
      ],
      quantities: [["38 people", 38, "killed"]],
    });
    expect(found.find((e) => e.type === "ACCUSE")?.targets.map((t) => t.country)).toEqual(["USA"]);
  });
});

describe("verdicts and gatherings", () => {
  it("'in what Arce called an attempted coup' accuses the doers of the act just reported", () => {
    const found = run("Troops rammed the doors of the palace in what President Arce called an attempted coup.", {
      actors: [
        ["Troops", "BOL", "MIL"],
        ["President Arce", "BOL", "GOV"],
      ],
    });
    const verdict = found.find((e) => e.type === "ACCUSE");
    expect(verdict?.sources.map((s) => s.text)).toEqual(["President Arce"]);
    expect(verdict?.targets.map((s) => s.text)).toEqual(["Troops"]);
  });
  it("a crowd gathering protests; officials gathering do not", () => {
    expect(run("Several hundred people gathered outside the base.", { actors: [["people", "TCD", "CVL"]] }).map((e) => e.type)).toEqual([
      "PROTEST",
    ]);
    expect(run("Officials gathered evidence.", { actors: [["Officials", "TCD", "GOV"]] }).filter((e) => e.type === "PROTEST")).toEqual([]);
  });
});

describe("sentences opened by a pronoun", () => {
  it("'It rejected ...' after a sentence about the ministry: the ministry; 'He' does not take an organisation", () => {
    const text = "Turkey's foreign ministry condemned the strike. It rejected the accusations on Thursday.";
    const actors: ActorSpec[] = [["Turkey's foreign ministry", "TUR", "GOV"]];
    const found = run(text, { actors });
    expect(found.find((e) => e.type === "REJECT")?.sources.map((s) => s.country)).toEqual(["TUR"]);
    const he = run("Turkey's foreign ministry condemned the strike. He rejected the accusations on Thursday.", { actors });
    expect(he.find((e) => e.type === "REJECT")?.sources).toEqual([]);
  });
});

describe("orders to forces", () => {
  it("'ordered the armed forces on Tuesday to neutralise the gangs' mobilises the forces against the gangs", () => {
    const found = run("President Noboa ordered the armed forces on Tuesday to neutralise the gangs.", {
      actors: [
        ["President Noboa", "ECU", "GOV"],
        ["armed forces", "ECU", "MIL"],
        ["gangs", "ECU", "CRM"],
      ],
    });
    expect(found.map((e) => [e.type, e.cameo, e.sources.map((s) => s.text), e.targets.map((t) => t.text)])).toEqual([
      ["MOBILIZE", "154", ["President Noboa"], ["gangs"]],
    ]);
  });
  it("police ordered out are police; units ordered back to barracks retreat; an order to a minister is no mobilisation", () => {
    expect(run("The minister ordered the police to clear the square.").map((e) => e.type)).toEqual(["MOBILIZE"]);
    expect(run("The new command ordered all units back to their barracks.").map((e) => e.type)).toEqual(["RETREAT"]);
    expect(run("Putin ordered his defence minister to prepare a response.").filter((e) => e.type === "MOBILIZE")).toEqual([]);
  });
  it("a pattern of particles belongs to its own verb: 'ordered the troops to' is not 'headed to'", () => {
    expect(run("Sarkozy headed to Beijing on Thursday.").map((e) => e.type)).toEqual(["CONSULT"]);
    expect(run("The general ordered the troops to the border.").map((e) => e.type)).toEqual(["MOBILIZE"]);
  });
  it("a word inside a hyphenated compound does not end the object: 'ordered a dusk-to-dawn curfew'", () => {
    expect(run("The governor ordered a dusk-to-dawn curfew in the city.").map((e) => [e.type, e.cameo])).toEqual([["COERCE", "1723"]]);
  });
});

describe("dates across sentences", () => {
  const times: Case["times"] = [["on Saturday", "2023-06-24", "day"]];
  it("a sentence of the same paragraph without a time goes on with the previous day", () => {
    const found = run("Putin accused Prigozhin of treason on Saturday. Authorities declared a curfew in Moscow.", {
      published: "2023-06-25",
      times,
    });
    expect(found.find((e) => e.type === "COERCE")?.date).toEqual({ value: "2023-06-24", precision: "day", basis: "sentence" });
  });
  it("not across a paragraph break, not for a look back ('Prior to this'), not for what holds now", () => {
    const opts = { published: "2023-06-25", times };
    const para = run("Putin accused Prigozhin of treason on Saturday.\n\nAuthorities declared a curfew in Moscow.", opts);
    expect(para.find((e) => e.type === "COERCE")?.date?.basis).toBe("publication");
    const prior = run("Putin accused Prigozhin of treason on Saturday. Prior to this, authorities declared a curfew in Moscow.", opts);
    expect(prior.find((e) => e.type === "COERCE")?.date?.basis).toBe("publication");
    const now = run("Putin accused Prigozhin of treason on Saturday. There are reports that authorities declared a curfew.", opts);
    expect(now.find((e) => e.type === "COERCE")?.date?.basis).toBe("publication");
  });
});

describe("domestic protests and restrictions", () => {
  it("a protest with no one named against is against the protesters' own government", () => {
    const found = run("Thousands of protesters marched through central Nairobi on Tuesday.", { actors: [["protesters", "KEN", "CVL"]] });
    const p = found.find((e) => e.type === "PROTEST");
    expect(p?.targets.map((t) => [t.country, t.sector])).toEqual([["KEN", "GOV"]]);
  });
  it("a curfew imposed by a government falls on its people; not when the doer is no state body or acts abroad", () => {
    const curfew = run("The government imposed a nationwide curfew on Sunday.", { actors: [["government", "BGD", "GOV"]] });
    expect(curfew.find((e) => e.type === "COERCE")?.targets.map((t) => [t.country, t.sector])).toEqual([["BGD", "CVL"]]);
    const rebels = run("The rebels imposed a curfew on the town.", { actors: [["rebels", "CMR", "REB"]] });
    expect(rebels.find((e) => e.type === "COERCE")?.targets.map((t) => t.country)).not.toContain("CMR");
    const abroad = run("The government imposed a curfew in Kabul.", {
      actors: [["government", "PAK", "GOV"]],
      places: [["Kabul", "Kabul", "AFG"]],
    });
    expect(abroad.find((e) => e.type === "COERCE")?.targets.map((t) => t.country)).not.toContain("PAK");
  });
});

describe("doers named further on", () => {
  it("'..., most of them by Israeli gunfire': the actor before a weapon noun after 'by' is the doer", () => {
    const found = run("At least 22 people were killed in the violence, most of them by Israeli gunfire.", {
      actors: [
        ["people", null, "CVL"],
        ["Israeli", "ISR"],
      ],
    });
    expect(found.find((e) => e.type === "ASSAULT")?.sources.map((s) => s.country)).toEqual(["ISR"]);
    const noWeapon = run("At least 22 people were killed in the violence, according to a report by Israeli officials.", {
      actors: [
        ["people", null, "CVL"],
        ["Israeli officials", "ISR", "GOV"],
      ],
    });
    expect(noWeapon.find((e) => e.type === "ASSAULT")?.sources).toEqual([]);
  });
  it("'injured in' is an attack of unknown means, not a suicide bombing", () => {
    const found = run("More than 300 people were injured in the violence.", { actors: [["people", null, "CVL"]] });
    expect(found.map((e) => [e.type, e.mode])).toEqual([["ASSAULT", null]]);
  });
});

describe("subjects and sides", () => {
  it("'said in a statement that they were concerned and urged': the speakers urge", () => {
    const found = run(
      "Western countries, among them Britain and Germany, said in a statement that they were concerned and urged restraint.",
      {
        actors: [
          ["Britain", "GBR"],
          ["Germany", "DEU"],
        ],
      },
    );
    expect(found.find((e) => e.type === "REQUEST")?.sources.map((s) => s.country)).toEqual(["GBR", "DEU"]);
  });
  it("'all sides' in a story about one country are that country's; 'both sides' needs two", () => {
    const text =
      "Kenyan police fired on protesters. Kenya's president spoke. Kenyan lawmakers fled. The United States urged all sides to show restraint.";
    const actors: ActorSpec[] = [
      ["Kenyan police", "KEN", "POL"],
      ["Kenya's president", "KEN", "GOV"],
      ["Kenyan lawmakers", "KEN", "LEG"],
      ["United States", "USA"],
      ["sides", null],
    ];
    const urge = run(text, { actors }).find((e) => e.type === "REQUEST");
    expect(urge?.targets.map((t) => t.country)).toEqual(["KEN"]);
    const both = run(text.replace("all sides", "both sides"), { actors }).find((e) => e.type === "REQUEST");
    expect(both?.targets.map((t) => t.country)).toEqual([null]);
  });
});

describe("noun phrases and pronoun topics", () => {
  it("a participle before a noun describes it: no event in 'for struggling households'", () => {
    expect(run("The president promised lower prices for struggling households.").filter((e) => e.type === "ASSAULT")).toEqual([]);
    expect(
      run("Rebels were fighting the army.", {
        actors: [
          ["Rebels", "SDN", "REB"],
          ["army", "SDN", "MIL"],
        ],
      }).map((e) => e.type),
    ).toEqual(["ASSAULT"]);
  });
  it("a pattern that changes the kind of event needs its noun to head the phrase: 'attacking government troops'", () => {
    const found = run("Rebels were attacking government troops.", {
      actors: [
        ["Rebels", "SDN", "REB"],
        ["government troops", "SDN", "MIL"],
      ],
    });
    expect(found.map((e) => e.type)).toEqual(["ASSAULT"]);
    expect(run("The opposition attacked the government over the deal.").map((e) => e.type)).toEqual(["ACCUSE"]);
  });
  it("'It also said it would hold talks' after 'In an address, the ministry said ...': the ministry states an intention to meet", () => {
    const text =
      "In a televised address from State House, the ministry said it had listened. It also said it would hold talks with students.";
    const found = run(text, { actors: [["ministry", "KEN", "GOV"]] });
    const talk = found.find((e) => e.trigger.text === "hold talks");
    expect([talk?.type, talk?.cameo, talk?.sources.map((s) => s.country)]).toEqual(["AGREE", "036", ["KEN"]]);
  });
});

describe("tolls told in later sentences", () => {
  const actors: ActorSpec[] = [
    ["Russian missiles", "RUS", "MIL"],
    ["Odesa", "UKR"],
    ["people", null, "CVL"],
  ];
  it("a toll the attack lacks, given for 'the overnight strikes' in the next sentence, is the attack's", () => {
    const found = run(
      "Russian missiles pounded Odesa overnight, killing two people. At least 27 people were injured in the overnight strikes.",
      {
        actors,
        quantities: [
          ["two", 2, "killed"],
          ["27", 27, "injured", "at_least"],
        ],
      },
    );
    const attacks = found.filter((e) => e.type === "ASSAULT");
    expect(attacks.map((e) => [e.killed?.value, e.injured?.value])).toEqual([[2, 27]]);
    expect(attacks[0].quantities.length).toBe(0);
  });
  it("'A man was killed by falling debris' two sentences later counts one dead for the attack; an unrelated death does not", () => {
    const text = "Russian missiles pounded Odesa. Most were shot down, officials said. A man was killed by falling debris.";
    const found = run(text, { actors: [...actors.slice(0, 2), ["man", null, "CVL"]] });
    expect(found.find((e) => e.trigger.text === "pounded")?.killed?.value).toBe(1);
    expect(found.filter((e) => e.trigger.text === "killed")).toEqual([]);
    const other = run("Russian missiles pounded Odesa. A man was killed in a car crash in Lviv.", {
      actors: [...actors.slice(0, 2), ["man", null, "CVL"]],
    });
    expect(other.filter((e) => e.type === "ASSAULT")[0].killed).toBeNull();
  });
});

describe("warnings", () => {
  const actors: ActorSpec[] = [
    ["Guards", "IRN", "MIL"],
    ["Israeli", "ISR"],
  ];
  it("a warning aims at the other country in what it says, and the violence it announces is the warning's", () => {
    const found = run('The Guards warned that any Israeli response would be met with "crushing" attacks.', { actors });
    expect(found.map((e) => [e.type, e.cameo, e.sources.map((s) => s.country), e.targets.map((t) => t.country)])).toEqual([
      ["THREATEN", "138", ["IRN"], ["ISR"]],
    ]);
  });
  it("'was met with tear gas' is no meeting; 'met with Scholz' is", () => {
    expect(run("The protest was met with tear gas.").filter((e) => e.type === "CONSULT")).toEqual([]);
    expect(
      run("Macron met with Scholz in Berlin.", {
        actors: [
          ["Macron", "FRA", "GOV"],
          ["Scholz", "DEU", "GOV"],
        ],
      }).map((e) => e.type),
    ).toEqual(["CONSULT"]);
  });
});

describe("passives, weapons and demands", () => {
  it("'had been hit by fire from Russian air defences': the weapon's owner hit the jet", () => {
    const found = run("Aliyev said the jet had been hit by fire from Russian air defences, and accused Moscow of a cover-up.", {
      actors: [
        ["Aliyev", "AZE", "GOV"],
        ["jet", "AZE", "BUS"],
        ["Russian air defences", "RUS", "MIL"],
        ["Moscow", "RUS", "GOV"],
      ],
    });
    const hit = found.find((e) => e.type === "ASSAULT");
    expect([hit?.sources.map((s) => s.text), hit?.targets.map((t) => t.text)]).toEqual([["Russian air defences"], ["jet"]]);
    expect(found.find((e) => e.trigger.text === "accused")?.sources.map((s) => s.text)).toEqual(["Aliyev"]);
  });
  it("'demanded that Russia admit its guilt, punish those responsible and pay compensation' is one demand of Russia", () => {
    const found = run("Aliyev demanded that Russia admit its guilt, punish those responsible and pay compensation.", {
      actors: [
        ["Aliyev", "AZE", "GOV"],
        ["Russia", "RUS"],
      ],
    });
    expect(found.map((e) => [e.type, e.sources.map((s) => s.text), e.targets.map((t) => t.text)])).toEqual([
      ["REQUEST", ["Aliyev"], ["Russia"]],
    ]);
  });
  it("'taken to hospital' is no seizure; 'declined to comment' is no rejection", () => {
    expect(run("The survivors were taken to hospital.")).toEqual([]);
    expect(run("Peskov declined to comment.", { actors: [["Peskov", "RUS", "GOV"]] })).toEqual([]);
  });
});

describe("subordinate clauses with a phrase after the subject", () => {
  it("'hours after troops under his command occupied the square': the troops occupied it", () => {
    const found = run("Police arrested the general hours after troops under his command occupied the square.", {
      actors: [
        ["Police", "BOL", "POL"],
        ["general", "BOL", "MIL"],
        ["troops", "BOL", "MIL"],
      ],
    });
    expect(found.find((e) => e.trigger.text === "occupied")?.sources.map((s) => s.text)).toEqual(["troops"]);
  });
});

describe("reporting clauses at the end", () => {
  it("'X and Y will meet on Thursday, Z said': a reported plan to meet is an intention, attributed to Z", () => {
    const found = run("Maduro and Ali will meet on Thursday to discuss the row, Gonsalves said on Sunday.", {
      actors: [
        ["Maduro", "VEN", "GOV"],
        ["Ali", "GUY", "GOV"],
        ["Gonsalves", "VCT", "GOV"],
      ],
    });
    const meet = found.find((e) => e.trigger.text === "meet");
    expect([meet?.type, meet?.cameo, meet?.attribution?.text]).toEqual(["AGREE", "036", "Gonsalves"]);
  });
});

describe("verdicts on a move", () => {
  it("'called the move a direct threat' accuses", () => {
    const found = run("Ali called the move a direct threat to the country.", { actors: [["Ali", "GUY", "GOV"]] });
    expect(found.map((e) => [e.type, e.cameo])).toEqual([["ACCUSE", "111"]]);
  });
});

describe("exercises and verdicts by someone", () => {
  it("a plural tagged as a verb in a noun phrase is a noun: 'carried out joint flight exercises'", () => {
    const found = run("The army and the navy carried out joint flight exercises.", { actors: [["army", "GUY", "MIL"]] });
    expect(found.map((e) => e.type)).toEqual(["MOBILIZE"]);
  });
  it("'denounced as a provocation by Washington' accuses Washington", () => {
    const found = run("Caracas denounced the drills as a provocation by Washington.", {
      actors: [
        ["Caracas", "VEN", "GOV"],
        ["Washington", "USA", "GOV"],
      ],
    });
    expect(found.find((e) => e.type === "ACCUSE")?.targets.map((t) => t.country)).toEqual(["USA"]);
  });
});

describe("coordinated adjectives, particles and border closures", () => {
  it("'after Polish and allied jets shot down Russian drones': Poland shot down Russia's drones; 'allied' is no event", () => {
    const found = run("The closure came two days after Polish and allied jets shot down Russian drones.", {
      actors: [
        ["Polish", "POL"],
        ["Russian drones", "RUS", "MIL"],
      ],
    });
    expect(found.map((e) => [e.type, e.sources.map((s) => s.country), e.targets.map((t) => t.country)])).toEqual([
      ["ASSAULT", ["POL"], ["RUS"]],
    ]);
  });
  it("'shut all of its road and rail crossings with Belarus' restricts Belarus; 'moved 40,000 soldiers to the border' mobilises", () => {
    const found = run("Poland shut all of its road and rail crossings with Belarus. Warsaw moved some 40,000 soldiers to the border.", {
      actors: [
        ["Poland", "POL"],
        ["Belarus", "BLR"],
        ["Warsaw", "POL", "GOV"],
      ],
    });
    expect(found.map((e) => [e.type, e.targets.map((t) => t.country)])).toEqual([
      ["COERCE", ["BLR"]],
      ["MOBILIZE", []],
    ]);
  });
});

describe("attacks at home", () => {
  it("an attack at a place in the attackers' own country on no one of a known country falls on its people", () => {
    const found = run("The RSF shelled the Abu Shouk camp outside El Fasher on Monday.", {
      actors: [["RSF", "SDN", "REB"]],
      places: [["El Fasher", "El Fasher", "SDN"]],
    });
    expect(found.find((e) => e.type === "ASSAULT")?.targets.map((t) => [t.country, t.sector])).toEqual([["SDN", "CVL"]]);
    const abroad = run("The RSF shelled a camp outside Abeche on Monday.", {
      actors: [["RSF", "SDN", "REB"]],
      places: [["Abeche", "Abeche", "TCD"]],
    });
    expect(abroad.find((e) => e.type === "ASSAULT")?.targets.map((t) => t.country)).toEqual(["TCD"]);
  });
  it("'Thirty-one others were wounded' adds to the attack just told of", () => {
    const found = run("Cambodian rockets struck villages in Surin, killing 12 people. Thirty-one others were wounded.", {
      actors: [
        ["Cambodian rockets", "KHM", "MIL"],
        ["people", null, "CVL"],
      ],
      places: [["Surin", "Surin", "THA"]],
      quantities: [
        ["12", 12, "killed"],
        ["Thirty-one", 31, "injured"],
      ],
    });
    expect(found.filter((e) => e.type === "ASSAULT").map((e) => [e.killed?.value, e.injured?.value])).toEqual([[12, 31]]);
  });
});

describe("datelines naming two cities", () => {
  it("'DOHA/JERUSALEM, Jan 16 -' is a dateline: its date is not the event's", () => {
    const found = run("DOHA/JERUSALEM, Jan 16 - Israel and Hamas have agreed to a ceasefire, Qatar announced on Wednesday.", {
      published: "2025-01-16",
      actors: [
        ["Israel", "ISR"],
        ["Hamas", "PSE", "REB"],
        ["Qatar", "QAT"],
      ],
      times: [
        ["Jan 16", "2025-01-16", "day"],
        ["Wednesday", "2025-01-15", "day"],
      ],
    });
    expect(found.find((e) => e.type === "AGREE")?.date?.value).toBe("2025-01-15");
  });
});

describe("fronted subordinate clauses", () => {
  it("'Hours before the summit ended, supporters marched to the embassy': the march is the main clause's", () => {
    const found = run("Hours before the summit ended, thousands of supporters marched to the French embassy.", {
      actors: [
        ["supporters", "NER", "CVL"],
        ["French embassy", "FRA", "GOV"],
      ],
    });
    const march = found.find((e) => e.type === "PROTEST");
    expect([march?.trigger.text, march?.targets.map((t) => t.country)]).toEqual(["marched", ["FRA"]]);
  });
});

describe("talks with someone", () => {
  it("'held talks with President Suleiman' goes both ways; a visit does not", () => {
    const actors: ActorSpec[] = [
      ["General Petraeus", "USA", "MIL"],
      ["President Suleiman", "LBN", "GOV"],
    ];
    const talks = run("General Petraeus held talks with President Suleiman in Beirut.", { actors }).find((e) => e.type === "CONSULT");
    expect([talks?.sources.map((s) => s.country), talks?.targets.map((t) => t.country)]).toEqual([
      ["USA", "LBN"],
      ["LBN", "USA"],
    ]);
  });
});

describe("hosting", () => {
  it("'hosted Japanese Prime Minister Hashimoto' is a visit hosted; 'hosted the World Cup' is no event", () => {
    const actors: ActorSpec[] = [
      ["Russian President", "RUS", "GOV"],
      ["Japanese Prime Minister Hashimoto", "JPN", "GOV"],
      ["Qatar", "QAT"],
    ];
    expect(
      run("Russian President hosted Japanese Prime Minister Hashimoto on Saturday.", { actors: actors.slice(0, 2) }).map((e) => [
        e.type,
        e.cameo,
      ]),
    ).toEqual([["CONSULT", "043"]]);
    expect(run("Qatar hosted the World Cup.", { actors: actors.slice(2) })).toEqual([]);
  });
});

describe("phone calls", () => {
  it("'asked Erdogan in a phone call' is a call between the asker and Erdogan", () => {
    const found = run("Zelenskiy asked Erdogan in a phone call to help keep the corridor open.", {
      actors: [
        ["Zelenskiy", "UKR", "GOV"],
        ["Erdogan", "TUR", "GOV"],
      ],
    });
    const call = found.find((e) => e.mode === "phone");
    expect([call?.sources.map((s) => s.country), call?.targets.map((t) => t.country)]).toEqual([["UKR"], ["TUR"]]);
  });
});

describe("denials of a claim", () => {
  it("'The government denied the claim' answers the one who made it in the sentence before", () => {
    const found = run("Zuniga told reporters that Arce had asked him to stage the operation. The government flatly denied the claim.", {
      actors: [
        ["Zuniga", "BOL", "MIL"],
        ["Arce", "BOL", "GOV"],
        ["government", "BOL", "GOV"],
      ],
    });
    expect(found.find((e) => e.type === "REJECT")?.targets.map((t) => t.text)).toEqual(["Zuniga"]);
  });
});

describe("datelines", () => {
  it.each([
    ["ADDIS ABABA, May 2 (Reuters) - Ethiopia said", "ADDIS ABABA, May 2 (Reuters) - "],
    ["ISLAMABAD/KABUL, Oct 12 (Reuters) - Pakistan said", "ISLAMABAD/KABUL, Oct 12 (Reuters) - "],
    ["Kyiv, Ukraine — Russia launched drones", "Kyiv, Ukraine — "],
    ["BEIRUT, Lebanon (AP) — Israeli strikes hit", "BEIRUT, Lebanon (AP) — "],
  ])("%j opens with a dateline", (text, head) => {
    expect(text.slice(0, datelineEndOf(text))).toBe(head);
  });
  it("a sentence that starts with two names and a comma is no dateline", () => {
    expect(datelineEndOf("Iran, Iraq and Syria met on Monday - officials said.")).toBe(0);
    expect(datelineEndOf("Washington, meanwhile, said talks would go on.")).toBe(0);
  });
});

describe("coordinated predicates after a fronted participle", () => {
  it("'Before leaving for Beijing, President Bush scheduled to give a speech and meet with dissidents': Bush meets", () => {
    const found = run(
      "Before leaving for Beijing on Thursday, President Bush scheduled to give a speech and meet with exiled dissidents.",
      {
        actors: [
          ["President Bush", "USA", "GOV"],
          ["dissidents", "MMR", "OPP"],
        ],
      },
    );
    expect(found.find((e) => e.trigger.text === "meet")?.sources.map((s) => s.country)).toContain("USA");
  });
});

describe("idioms of light verbs", () => {
  it("'take part' is an idiom of 'take', not of its synonyms: 'seized parts of Iraq' is no agreement", () => {
    const found = run("The militant group has seized parts of Iraq.", { actors: [["Iraq", "IRQ"]] });
    expect(found.filter((e) => e.type === "AGREE")).toEqual([]);
  });
});

describe("talks and meetings with someone", () => {
  it("'met with President Assad' keeps its direction; 'held talks with' goes both ways", () => {
    const actors: ActorSpec[] = [
      ["Iraq's adviser", "IRQ", "GOV"],
      ["President Assad", "SYR", "GOV"],
    ];
    const met = run("Iraq's adviser met with President Assad on Tuesday.", { actors }).find((e) => e.type === "CONSULT");
    expect([met?.sources.map((s) => s.country), met?.targets.map((t) => t.country)]).toEqual([["IRQ"], ["SYR"]]);
  });
});

describe("crowds fired at, and the toll that follows", () => {
  const actors: ActorSpec[] = [
    ["National Guard troops", "VEN", "MIL"],
    ["crowds", "VEN", "CVL"],
    ["people", null, "CVL"],
  ];
  it("'fired tear gas and live rounds at crowds': the crowds are the target; a bare toll in the next sentence is the attack's", () => {
    const found = run("National Guard troops fired tear gas and live rounds at crowds. At least 11 people were killed.", {
      actors,
      quantities: [["11", 11, "killed", "at_least"]],
    });
    const attacks = found.filter((e) => e.type === "ASSAULT");
    expect(attacks.map((e) => [e.targets.map((t) => t.text), e.killed?.value])).toEqual([[["crowds"], 11]]);
  });
  it("not across a paragraph", () => {
    const found = run("National Guard troops fired tear gas at crowds.\n\nAt least 11 people were killed.", {
      actors,
      quantities: [["11", 11, "killed", "at_least"]],
    });
    expect(found.filter((e) => e.type === "ASSAULT").length).toBe(2);
  });
  it("'poured into the streets' is a protest", () => {
    expect(run("Thousands of people poured into the streets of Caracas.", { actors: actors.slice(2) }).map((e) => e.type)).toEqual([
      "PROTEST",
    ]);
  });
});

describe("tests and expulsions", () => {
  it("'test-fired a missile' and 'tested a ballistic missile' are shows of weapons; 'tested the water' is nothing", () => {
    const actors: ActorSpec[] = [["North Korea", "PRK"]];
    expect(run("North Korea test-fired a new ballistic missile.", { actors }).map((e) => [e.type, e.mode])).toEqual([
      ["MOBILIZE", "weapons"],
    ]);
    expect(run("North Korea tested the water.", { actors })).toEqual([]);
  });
  it("'ordered Pakistani military advisers to leave within a week' expels them", () => {
    const found = run("India ordered Pakistani military advisers in New Delhi to leave within a week.", {
      actors: [
        ["India", "IND"],
        ["Pakistani military advisers", "PAK", "MIL"],
      ],
    });
    expect(found.map((e) => [e.type, e.mode, e.targets.map((t) => t.country)])).toEqual([["SANCTION", "expel", ["PAK"]]]);
  });
});

describe("stances at home", () => {
  const actors: ActorSpec[] = [
    ["Georgian police", "GEO", "POL"],
    ["Georgia's government", "GEO", "GOV"],
    ["Kobakhidze", "GEO", "GOV"],
  ];
  const story = "Georgian police detained protesters. Georgia's government froze the talks. ";
  it("a warning by the state aimed at no one named, in a story about its country, is aimed at home", () => {
    const found = run(`${story}Kobakhidze warned that those responsible would face the full force of the law.`, { actors });
    expect(found.find((e) => e.type === "THREATEN")?.targets.map((t) => t.country)).toEqual(["GEO"]);
  });
  it("not when the sentence names another country", () => {
    const found = run(`${story}Kobakhidze warned that Russia would face the full force of the law.`, {
      actors: [...actors, ["Russia", "RUS"]],
    });
    expect(found.find((e) => e.type === "THREATEN")?.targets.map((t) => t.country)).not.toContain("GEO");
  });
});

describe("suspensions", () => {
  it("suspending trade or a treaty reduces relations", () => {
    const actors: ActorSpec[] = [
      ["Pakistan", "PAK"],
      ["India", "IND"],
    ];
    expect(run("Pakistan suspended all trade with India.", { actors }).map((e) => [e.type, e.targets.map((t) => t.country)])).toEqual([
      ["SANCTION", ["IND"]],
    ]);
    expect(run("India suspended the water treaty.", { actors: actors.slice(1) }).map((e) => e.type)).toEqual(["SANCTION"]);
  });
});

describe("synonym patterns of words and deeds", () => {
  it("'condemned the incursion' is a condemnation ('postpone the incursion' is another verb's idiom); 'swapped prisoners' is a release", () => {
    const actors: ActorSpec[] = [
      ["Cooper", "GBR", "GOV"],
      ["Russia", "RUS"],
      ["Ukraine", "UKR"],
    ];
    const types = run("Cooper condemned the incursion as reckless.", { actors: actors.slice(0, 1) }).map((e) => e.type);
    expect(types).toContain("ACCUSE");
    expect(types).not.toContain("RETREAT");
    expect(run("Russia and Ukraine swapped 390 prisoners.", { actors: actors.slice(1) }).map((e) => [e.type, e.mode])).toEqual([
      ["RETREAT", "release"],
    ]);
  });
});

describe("'it' in a joined clause", () => {
  it("'Mogadishu condemned the deal, and in April it expelled Ethiopia's ambassador': Mogadishu expelled", () => {
    const found = run("Mogadishu condemned the deal, and in April it expelled Ethiopia's ambassador.", {
      actors: [
        ["Mogadishu", "SOM", "GOV"],
        ["Ethiopia's ambassador", "ETH", "GOV"],
      ],
    });
    expect(found.find((e) => e.type === "SANCTION")?.sources.map((s) => s.country)).toEqual(["SOM"]);
  });
});

describe("protests on a named street", () => {
  it("'rallied on Rustaveli Avenue' is still against the protesters' own government", () => {
    const found = run("Tens of thousands of people rallied on Rustaveli Avenue on Sunday.", {
      actors: [
        ["people", "GEO", "CVL"],
        ["Rustaveli Avenue", null],
      ],
    });
    expect(found.find((e) => e.type === "PROTEST")?.targets.map((t) => t.country)).toContain("GEO");
  });
});

describe("verdicts naming an incursion", () => {
  it("'calling it a brazen incursion' accuses the intruders; the speaker did not intrude", () => {
    const found = run("Russian jets entered Estonia's airspace, the Estonian government said, calling it a brazen incursion.", {
      actors: [
        ["Russian jets", "RUS", "MIL"],
        ["Estonia", "EST"],
        ["Estonian government", "EST", "GOV"],
      ],
    });
    const verdict = found.find((e) => e.type === "ACCUSE");
    expect([verdict?.sources.map((s) => s.country), verdict?.targets.map((t) => t.country)]).toEqual([["EST"], ["RUS"]]);
    expect(found.filter((e) => e.type === "ASSAULT" && e.sources.some((s) => s.country === "EST"))).toEqual([]);
  });
});

describe("no past act dated after the article", () => {
  it("'held talks on Saturday and agreed to meet again next week': the agreement is not dated next week; a plan may be", () => {
    const actors: ActorSpec[] = [
      ["Iran", "IRN"],
      ["United States", "USA"],
    ];
    const found = run("Iran and the United States held talks on Saturday and agreed to meet again next week.", {
      published: "2025-04-12",
      actors,
      times: [
        ["on Saturday", "2025-04-12", "day"],
        ["next week", "2025-W16", "week"],
      ],
    });
    expect(found.find((e) => e.type === "AGREE")?.date?.value).toBe("2025-04-12");
    const plan = run("Iran and the United States will meet next week.", {
      published: "2025-04-12",
      actors,
      times: [["next week", "2025-W16", "week"]],
    });
    expect(plan[0]?.date?.value).toBe("2025-W16");
  });
});

describe("verbs that are no event by themselves", () => {
  it("'the 90% needed for a weapon', 'no longer matched its needs', 'remained' are no events", () => {
    expect(
      run("Iran enriched uranium close to the 90% needed for a weapon.", { actors: [["Iran", "IRN"]] }).map((e) => e.type),
    ).not.toContain("REQUEST");
    expect(run("The pact no longer matched Chad's needs.", { actors: [["Chad", "TCD"]] })).toEqual([]);
  });
});

describe("conditional threats", () => {
  it("'any vessel sailing to a Ukrainian port would be regarded as a carrier of military cargo' is the speaker's threat", () => {
    const found = run("The ministry said any vessel sailing to a Ukrainian port would be regarded as a carrier of military cargo.", {
      actors: [
        ["ministry", "RUS", "GOV"],
        ["Ukrainian", "UKR"],
      ],
    });
    const threat = found.find((e) => e.type === "THREATEN");
    expect([threat?.sources.map((s) => s.country), threat?.targets.map((t) => t.country)]).toEqual([["RUS"], ["UKR"]]);
  });
  it("a penalty that will come 'unless' something is done is a threat; a penalty reported as imposed is not", () => {
    const actors: ActorSpec[] = [
      ["Trump", "USA", "GOV"],
      ["Mexico", "MEX"],
    ];
    const threat = run("Trump said a 25% tariff on imports from Mexico would go ahead on March 4 unless the flow of drugs was halted.", {
      actors,
    }).find((e) => e.type === "THREATEN");
    expect([threat?.mode, threat?.cameo]).toEqual(["relations", "131"]);
    expect(
      run("Trump said a 25% tariff on imports from Mexico went into effect on March 4.", { actors }).filter((e) => e.type === "THREATEN"),
    ).toEqual([]);
  });
  it("the warning may follow an opening adverbial, and ships heading somewhere 'could be treated as' carriers too", () => {
    const actors: ActorSpec[] = [
      ["ministry", "UKR", "GOV"],
      ["Russian", "RUS"],
    ];
    const late = run(
      "The ministry said that, from Thursday, any vessel sailing to a Russian port would be regarded as a carrier of military cargo.",
      {
        actors,
      },
    ).find((e) => e.type === "THREATEN");
    expect(late?.targets.map((t) => t.country)).toEqual(["RUS"]);
    const ships = run("The ministry said that ships heading to Russian ports could be treated as carrying military cargo.", { actors });
    expect(ships.filter((e) => e.type === "THREATEN").map((e) => e.targets.map((t) => t.country))).toEqual([["RUS"]]);
    // ("ships could be delayed": no threat.)
    expect(
      run("The ministry said that ships heading to Russian ports could be delayed.", { actors }).filter((e) => e.type === "THREATEN"),
    ).toEqual([]);
  });
  it("'any aid would be welcome' is no threat", () => {
    expect(
      run("Officials said any aid would be welcome.", { actors: [["Officials", "SDN", "GOV"]] }).filter((e) => e.type === "THREATEN"),
    ).toEqual([]);
  });
});

describe("pronouns and implied parties", () => {
  it("'In a televised address late on Sunday he accused' is the previous sentence's person speaking", () => {
    const actors: ActorSpec[] = [
      ["President Vucic", "SRB", "GOV", "person"],
      ["Kurti", "XKX", "GOV", "person"],
    ];
    const text = "President Vucic met the ambassador. In a televised address late on Sunday he accused Kurti of provoking the bloodshed.";
    const accuse = run(text, { actors }).find((e) => e.type === "ACCUSE");
    expect(accuse?.sources.map((s) => s.country)).toEqual(["SRB"]);
    // ("When they met, he accused": a pronoun inside an opening clause is not the sentence's subject.)
    const sub = run("President Vucic met the ambassador. When they met, Kurti accused the police.", { actors }).find(
      (e) => e.type === "ACCUSE",
    );
    expect(sub?.sources.map((s) => s.country)).toEqual(["XKX"]);
  });
  it("police arrests at home of no one named abroad are of the country's people", () => {
    const arrest = run("Police arrested four suspects overnight.", { actors: [["Police", "XKX", "POL"]] }).find((e) => e.type === "COERCE");
    expect(arrest?.targets.map((t) => t.country)).toEqual(["XKX"]);
    const foreign = run("Police arrested two Serbian nationals.", {
      actors: [
        ["Police", "XKX", "POL"],
        ["Serbian", "SRB"],
      ],
    }).find((e) => e.type === "COERCE");
    expect(foreign?.targets.map((t) => t.country)).toEqual(["SRB"]);
  });
  it("'urged them' after 'spoke with both X and Y' asks X and Y; 'urged him' after 'met Putin' asks Putin", () => {
    const both = run("Escobar spoke by phone with both Kurti and Vucic on Sunday and urged them to avoid any escalation.", {
      actors: [
        ["Escobar", "USA", "GOV"],
        ["Kurti", "XKX", "GOV"],
        ["Vucic", "SRB", "GOV"],
      ],
    }).find((e) => e.type === "REQUEST");
    expect(both?.targets.map((t) => t.country)).toEqual(["XKX", "SRB"]);
    const one = run("Macron met Putin in Moscow and urged him to withdraw.", {
      actors: [
        ["Macron", "FRA", "GOV", "person"],
        ["Putin", "RUS", "GOV", "person"],
      ],
    }).find((e) => e.type === "REQUEST");
    expect(one?.targets.map((t) => t.country)).toEqual(["RUS"]);
    // ("urged her supporters": a possessive is no object pronoun.)
    const own = run("Machado met Rubio and urged her supporters to march.", {
      actors: [
        ["Machado", "VEN", "OPP"],
        ["Rubio", "USA", "GOV"],
      ],
    }).find((e) => e.type === "REQUEST");
    expect(own?.targets.map((t) => t.country) ?? []).not.toContain("USA");
  });
});

describe("participles", () => {
  it("'militants linked to al Qaeda killed at least 200 people': the militants killed; 'civilians imprisoned for ... were released' is passive", () => {
    const killed = run("Militants linked to al Qaeda killed at least 200 people in an attack.", {
      actors: [
        ["Militants", null, "REB"],
        ["people", null, "CVL"],
      ],
    }).find((e) => e.type === "ASSAULT");
    expect([killed?.sources.map((a) => a.text), killed?.targets.map((a) => a.text)]).toEqual([["Militants"], ["people"]]);
    const released = run("The civilians imprisoned for acting against Moscow were released by Putin.", {
      actors: [
        ["civilians", "RUS", "CVL"],
        ["Putin", "RUS", "GOV"],
      ],
    }).find((e) => e.type === "RETREAT");
    expect(released?.sources.map((a) => a.text)).toEqual(["Putin"]);
  });
});

describe("coordinated passives and boarding", () => {
  it("'were pulled from the water and detained by Taiwan': Taiwan detained; 'were deployed and attacked the village' stays active", () => {
    const detained = run("The other two men were pulled from the water and detained by Taiwan.", {
      actors: [
        ["men", "CHN", "CVL"],
        ["Taiwan", "TWN"],
      ],
    }).find((e) => e.type === "COERCE" && e.mode === "arrest");
    expect([detained?.sources.map((a) => a.country), detained?.targets.map((a) => a.country)]).toEqual([["TWN"], ["CHN"]]);
    const active = run("Troops were deployed and attacked the village.", { actors: [["Troops", "MLI", "MIL"]] }).find(
      (e) => e.type === "ASSAULT",
    );
    expect(active?.sources.map((a) => a.country)).toEqual(["MLI"]);
  });
  it("boarding a vessel coerces its owners; boarding a plane is nothing", () => {
    const actors: ActorSpec[] = [
      ["Chinese coast guard officers", "CHN", "POL"],
      ["Taiwanese", "TWN"],
    ];
    const boarded = run("Chinese coast guard officers boarded a Taiwanese tourist boat on Monday.", { actors }).find(
      (e) => e.type === "COERCE",
    );
    expect([boarded?.mode, boarded?.targets.map((a) => a.country)]).toEqual(["seize", ["TWN"]]);
    expect(run("Chinese coast guard officers boarded a Taiwanese plane on Monday.", { actors }).filter((e) => e.type === "COERCE")).toEqual(
      [],
    );
  });
});

describe("arrests", () => {
  it("'was placed under house arrest in Juba': arrested by the state where it happened; no place, no arrester", () => {
    const places: Case["places"] = [["Juba", "Juba", "SSD"]];
    const actors: ActorSpec[] = [["Riek Machar", "SSD", "GOV", "person"]];
    const there = run("Riek Machar was placed under house arrest in Juba on Wednesday.", { actors, places }).find(
      (e) => e.type === "COERCE",
    );
    expect([there?.mode, there?.sources.map((a) => a.country), there?.targets.map((a) => a.country)]).toEqual(["arrest", ["SSD"], ["SSD"]]);
    const nowhere = run("Riek Machar was placed under house arrest on Wednesday.", { actors }).find((e) => e.type === "COERCE");
    expect(nowhere?.sources).toEqual([]);
    const custody = run("Police took the two journalists into custody on Monday.", { actors: [["Police", "KEN", "POL"]] });
    expect(custody.map((e) => [e.type, e.mode])).toEqual([["COERCE", "arrest"]]);
  });
});

describe("objects and victims", () => {
  it("'police arrested him at the airport on a warrant from the ICC' arrested him, not the court", () => {
    const found = run(
      "Former President Rodrigo Duterte was flown to the Netherlands after police arrested him at the airport on a warrant from the ICC.",
      {
        actors: [
          ["Former President Rodrigo Duterte", "PHL", "GOV", "person"],
          ["Netherlands", "NLD", null, "country"],
          ["police", "PHL", "POL"],
          ["ICC", null, "IGO", "organization"],
        ],
      },
    ).find((e) => e.type === "COERCE");
    expect(found?.targets.map((t) => t.text)).toEqual(["Former President Rodrigo Duterte"]);
  });
  it("an arrest as he 'stepped off a flight from Hong Kong' was not made by Hong Kong; stepping off is no resignation", () => {
    const found = run("Duterte was taken into custody as he stepped off a flight from Hong Kong.", {
      actors: [["Duterte", "PHL", "GOV", "person"]],
      places: [["Hong Kong", "Hong Kong", "HKG"]],
    });
    expect(found.map((e) => [e.type, e.sources.map((s) => s.country)])).toEqual([["COERCE", []]]);
  });
  it("condemning an act against one side is not condemning that side; in a two-country story it condemns the other", () => {
    const actors: ActorSpec[] = [
      ["Chinese", "CHN"],
      ["Philippine", "PHL"],
      ["Beijing", "CHN", "GOV"],
      ["Manila", "PHL", "GOV"],
      ["Carlson", "USA", "GOV", "person"],
    ];
    const text =
      "A Chinese ship fired a water cannon at a Philippine vessel. Manila protested to Beijing. Carlson condemned the latest reckless action against a Philippine vessel.";
    const found = run(text, { actors }).find((e) => e.type === "ACCUSE" && e.sources.some((s) => s.country === "USA"));
    expect(found?.targets.map((t) => t.country)).toEqual(["CHN"]);
    // ("condemned Manila's actions": the one named as the doer stays the target.)
    const doer = run("Carlson condemned Manila for its actions against fishermen.", {
      actors: [
        ["Manila", "PHL", "GOV"],
        ["Carlson", "USA", "GOV", "person"],
      ],
    }).find((e) => e.type === "ACCUSE");
    expect(doer?.targets.map((t) => t.country)).toEqual(["PHL"]);
  });
  it("in a story about one country, condemning an attack on its children is aimed at that country's perpetrators", () => {
    const found = run("The U.S. embassy condemned the kidnapping as a cruel attack on Nigerian children.", {
      actors: [
        ["U.S. embassy", "USA", "GOV"],
        ["Nigerian children", "NGA", "CVL"],
      ],
    }).find((e) => e.type === "ACCUSE");
    expect(found?.targets.map((t) => t.country)).toEqual(["NGA"]);
  });
  it("gunmen freeing schoolgirls at a place of one country are a release by that country's gunmen", () => {
    const found = run("Gunmen freed 279 schoolgirls abducted from a school in Zamfara state.", {
      actors: [
        ["Gunmen", null, "REB"],
        ["schoolgirls", "NGA", "CVL"],
      ],
      places: [["Zamfara state", "Zamfara", "NGA"]],
    });
    expect(found.filter((e) => e.type === "RETREAT").map((e) => [e.mode, e.sources.map((a) => a.country)])).toEqual([["release", ["NGA"]]]);
  });
  it("'stood with its ally' supports; 'stood with their backs to the wall' does not", () => {
    expect(run("Washington stood with its ally.", { actors: [["Washington", "USA", "GOV"]] }).map((e) => e.type)).toEqual(["SUPPORT"]);
    expect(run("Protesters stood with their backs to the wall.", { actors: [["Protesters", "PHL", "CVL"]] }).map((e) => e.type)).toEqual(
      [],
    );
  });
});

describe("summons and executions", () => {
  it("summoning an ambassador is a protest, recalling one a sanction", () => {
    const actors: ActorSpec[] = [
      ["Germany", "DEU"],
      ["Iran's ambassador", "IRN", "GOV"],
    ];
    expect(run("Germany summoned Iran's ambassador on Thursday.", { actors }).map((e) => [e.type, e.mode])).toEqual([
      ["ACCUSE", "disapprove"],
    ]);
    expect(run("Germany recalled its ambassador from Tehran.", { actors: [["Germany", "DEU"]] }).map((e) => e.type)).toEqual(["SANCTION"]);
  });
  it("executing a person is an attack, executing a plan is nothing; a hanging at a place is by its state", () => {
    expect(run("Authorities executed Mohsen Shekari.", { actors: [["Authorities", "IRN", "GOV"]] }).map((e) => e.type)).toEqual([
      "ASSAULT",
    ]);
    expect(run("The army executed the plan on Monday.", { actors: [["army", "IRN", "MIL"]] }).map((e) => e.type)).toEqual([]);
    const hanged = run("Majidreza Rahnavard was hanged in the city of Mashhad.", {
      actors: [["Majidreza Rahnavard", null, null, "person"]],
      places: [["Mashhad", "Mashhad", "IRN"]],
    }).find((e) => e.type === "ASSAULT");
    expect(hanged?.sources.map((a) => a.country)).toEqual(["IRN"]);
  });
});

describe("lists and agreements", () => {
  it("'Baghdad, the regional government and foreign oil companies struck a deal': all three are parties", () => {
    const found = run("Baghdad, the regional government and foreign oil companies struck a deal this week.", {
      actors: [
        ["Baghdad", "IRQ", "GOV"],
        ["government", null, "GOV"],
        ["companies", null, "BUS"],
      ],
    }).find((e) => e.type === "AGREE");
    expect(found?.sources.map((a) => a.text)).toEqual(["Baghdad", "government", "companies"]);
  });
  it("'notified Iraq that it was ending the pipeline agreement': the notifier ends an agreement (a sanction)", () => {
    const found = run("Turkey notified Iraq that it was ending the pipeline agreement.", {
      actors: [
        ["Turkey", "TUR"],
        ["Iraq", "IRQ"],
      ],
    }).find((e) => e.type === "SANCTION");
    expect([found?.mode, found?.sources.map((a) => a.country)]).toEqual(["discontinue", ["TUR"]]);
    expect(run("Turkey halted the flows in March.", { actors: [["Turkey", "TUR"]] }).map((e) => e.type)).toEqual(["SANCTION"]);
  });
});

describe("aid", () => {
  it("'released 20 million pounds in emergency aid for Darfur' is aid to Sudan; 'released three hostages' is not", () => {
    const aid = run("Britain said it had released an additional 20 million pounds in emergency aid for Darfur.", {
      actors: [["Britain", "GBR"]],
      places: [["Darfur", "Darfur", "SDN"]],
    }).find((e) => e.type === "AID");
    expect(aid?.targets.map((t) => t.country)).toEqual(["SDN"]);
    expect(run("Hamas released three hostages on Sunday.", { actors: [["Hamas", "PSE", "REB"]] }).map((e) => e.type)).toEqual(["RETREAT"]);
  });
  it("peacekeepers or police sent to help another country are aid; troops massed at its border are a mobilisation", () => {
    const places: Case["places"] = [["Haiti", "Haiti", "HTI"]];
    const sent = run("Kenya sent 400 police officers to Haiti in June as part of a security mission.", {
      actors: [["Kenya", "KEN"]],
      places,
    });
    expect(sent.map((e) => [e.type, e.cameo])).toEqual([["AID", "074"]]);
    const massed = run("Russia sent troops to the border with Ukraine.", {
      actors: [
        ["Russia", "RUS"],
        ["Ukraine", "UKR"],
      ],
    });
    expect(massed.map((e) => e.type)).toEqual(["MOBILIZE"]);
  });
});

describe("decisions", () => {
  it("'the decision by X's government in November to end its agreement with Paris' is X's", () => {
    const found = run(
      "The withdrawal follows the decision by President Deby's government in November to end its defence agreement with Paris.",
      {
        actors: [
          ["President Deby's government", "TCD", "GOV"],
          ["Paris", "FRA", "GOV"],
        ],
      },
    ).find((e) => e.type === "SANCTION");
    expect([found?.sources.map((a) => a.country), found?.targets.map((a) => a.country)]).toEqual([["TCD"], ["FRA"]]);
    // (A decision "by" no one named leaves the act without a doer.)
    const none = run("The decision in November to end the defence agreement with Paris surprised many.", {
      actors: [["Paris", "FRA", "GOV"]],
    }).find((e) => e.type === "SANCTION");
    expect(none?.sources).toEqual([]);
  });
});

describe("answers to requests", () => {
  it("'asked Rwanda to keep its soldiers ..., and Kigali has agreed' answers the asker; a third party's agreement does not", () => {
    const actors: ActorSpec[] = [
      ["Nyusi", "MOZ", "GOV", "person"],
      ["Rwanda", "RWA"],
      ["Kigali", "RWA", "GOV"],
    ];
    const agreed = run("Nyusi has asked Rwanda to keep its soldiers in the province, and Kigali has agreed to stay.", { actors }).find(
      (e) => e.type === "AGREE",
    );
    expect(agreed?.targets.map((t) => t.country)).toEqual(["MOZ"]);
    const other = run("Nyusi has asked Rwanda to keep its soldiers in the province. France has agreed to help.", {
      actors: [...actors.slice(0, 2), ["France", "FRA"]],
    }).find((e) => e.type === "AGREE");
    expect(other?.targets ?? []).toEqual([]);
  });
});

describe("counts before the subject, and disarming", () => {
  it("'About 30 fighters of the PKK set fire to their rifles' is their disarmament, asserted, by them", () => {
    const found = run("About 30 fighters of the PKK set fire to their rifles on Friday.", {
      actors: [["fighters of the PKK", "TUR", "REB"]],
    });
    expect(found.map((e) => [e.type, e.mode, e.modality, e.sources.map((a) => a.country)])).toEqual([
      ["RETREAT", "disarm", "asserted", ["TUR"]],
    ]);
    // (Setting fire to a station is an attack; destroying another's weapons depots too.)
    expect(run("Rebels set fire to the police station.", { actors: [["Rebels", "SOM", "REB"]] }).map((e) => e.type)).toEqual(["ASSAULT"]);
    expect(run("The army is about to attack the town.", { actors: [["army", "SOM", "MIL"]] }).map((e) => e.modality)).toEqual(["future"]);
  });
});

describe("riots", () => {
  it("protesters demolishing or storming are a violent protest; with missiles, or killing, an attack; police arrests stay arrests", () => {
    const demolished = run("The Russian building was demolished by a Ukrainian protestor.", {
      actors: [
        ["Russian", "RUS"],
        ["Ukrainian protestor", "UKR", "CVL"],
      ],
    });
    expect(demolished.map((e) => [e.type, e.mode, e.cameo])).toEqual([["PROTEST", "riot", "145"]]);
    const missiles = run("Georgian demonstrators launched missiles at the Georgian government.", {
      actors: [
        ["Georgian demonstrators", "GEO", "CVL"],
        ["Georgian government", "GEO", "GOV"],
      ],
    });
    expect(missiles.map((e) => e.type)).toEqual(["ASSAULT"]);
    const arrested = run("Police arrested the protesters.", {
      actors: [
        ["Police", "GEO", "POL"],
        ["protesters", "GEO", "CVL"],
      ],
    });
    expect(arrested.map((e) => [e.type, e.mode])).toEqual([["COERCE", "arrest"]]);
  });
});

describe("demands with several complements", () => {
  it("'urged both groups to let convoys through and to stop targeting civilians' is one demand, no attack", () => {
    const found = run("The ombudsman urged both armed groups to let humanitarian convoys through and to stop targeting civilians.", {
      actors: [
        ["ombudsman", "COL", "GOV"],
        ["armed groups", "COL", "REB"],
        ["civilians", "COL", "CVL"],
      ],
    });
    expect(found.map((e) => e.type)).toEqual(["REQUEST"]);
  });
});

describe("killed in clashes with", () => {
  it("'soldiers serving with a regional force had been killed in clashes with the rebels': the rebels killed them; serving is nothing", () => {
    const found = run("Nine South African soldiers serving with a regional force had been killed in clashes with the rebels.", {
      actors: [
        ["South African soldiers", "ZAF", "MIL"],
        ["rebels", "COD", "REB"],
      ],
    });
    expect(found.map((e) => [e.type, e.sources.map((a) => a.country), e.targets.map((a) => a.country)])).toEqual([
      ["ASSAULT", ["COD"], ["ZAF"]],
    ]);
  });
});

describe("the dead", () => {
  it("'30 Sudanese civilians died in the shelling': the dead are the target, never the source", () => {
    const found = run("At least 30 Sudanese civilians died in the shelling.", { actors: [["Sudanese civilians", "SDN", "CVL"]] });
    expect(found.map((e) => [e.type, e.sources.length, e.targets.map((t) => t.country)])).toEqual([["ASSAULT", 0, ["SDN"]]]);
  });
});

describe("handing over", () => {
  it("a base handed over is a withdrawal to the receiver, hostages a release, suspects judicial cooperation", () => {
    const base = run("France handed over its last military base in Chad, the Kossei camp in the capital, to the Chadian army.", {
      actors: [
        ["France", "FRA"],
        ["Chadian army", "TCD", "MIL"],
      ],
      places: [["Chad", "Chad", "TCD"]],
    });
    expect(base.map((e) => [e.type, e.mode, e.targets.map((t) => t.country)])).toEqual([["RETREAT", "withdraw", ["TCD"]]]);
    const hostages = run("Hamas handed over four hostages to the Red Cross.", { actors: [["Hamas", "PSE", "REB"]] });
    expect(hostages.map((e) => [e.type, e.mode])).toEqual([["RETREAT", "release"]]);
    const suspects = run("Mexico handed over 29 cartel figures to the United States.", {
      actors: [
        ["Mexico", "MEX"],
        ["United States", "USA"],
      ],
    });
    expect(suspects.map((e) => [e.type, e.cameo, e.targets.map((t) => t.country)])).toEqual([["COOPERATE", "063", ["USA"]]]);
  });
});

describe("parties known from the place", () => {
  it("unnamed insurgents attacking at a place of one country are that country's; not when another country's side is named", () => {
    const places: Case["places"] = [["Cabo Delgado province", "Cabo Delgado", "MOZ"]];
    const local = run("Insurgents stormed the town of Macomia in Cabo Delgado province on Friday.", {
      actors: [["Insurgents", null, "REB"]],
      places,
    }).find((e) => e.type === "ASSAULT");
    expect(local?.sources.map((a) => a.country)).toEqual(["MOZ"]);
    const foreign = run("Rwandan troops fought insurgents in Cabo Delgado province on Friday.", {
      actors: [
        ["Rwandan troops", "RWA", "MIL"],
        ["insurgents", null, "REB"],
      ],
      places,
    }).find((e) => e.type === "ASSAULT");
    expect(foreign?.targets.find((a) => a.text === "insurgents")?.country).toBeNull();
  });
  it("an attack by no one named 'from the Gaza Strip' comes from there; 'toward Haifa' is aimed there", () => {
    const places: Case["places"] = [
      ["southern Lebanon", "Lebanon", "LBN"],
      ["Haifa", "Haifa", "ISR"],
    ];
    const found = run("Rockets were launched from southern Lebanon toward Haifa on Tuesday.", { places }).find((e) => e.type === "ASSAULT");
    expect([found?.sources.map((a) => a.country), found?.targets.map((a) => a.country)]).toEqual([["LBN"], ["ISR"]]);
    // ("fled from southern Lebanon" is no attack; "launched from the border area" names no origin country.)
    const border = run("Rockets were launched from the border near Haifa on Tuesday.", { places: [["Haifa", "Haifa", "ISR"]] }).find(
      (e) => e.type === "ASSAULT",
    );
    expect(border?.sources ?? []).toEqual([]);
    // (A test launch aimed at no one comes from no one: "The missile was fired from near Pyongyang".)
    const test = run("The missile was fired from near Pyongyang at about 7:10 a.m.", { places: [["Pyongyang", "Pyongyang", "PRK"]] }).find(
      (e) => e.type === "ASSAULT",
    );
    expect(test?.sources ?? []).toEqual([]);
  });
  it("the dateline's city is no target: 'SEOUL, Oct 31 - North Korea test-fired a missile'", () => {
    const found = run("SEOUL, Oct 31 - North Korea test-fired a new missile on Thursday.", {
      actors: [["North Korea", "PRK"]],
      places: [["SEOUL", "Seoul", "KOR"]],
    });
    expect(found.flatMap((e) => e.targets.map((t) => t.country))).not.toContain("KOR");
  });
});

describe("opening a crossing", () => {
  it("reopening a border crossing allows access; opening fire is an attack", () => {
    expect(run("Sudan reopened the Adre border crossing for aid.", { actors: [["Sudan", "SDN"]] }).map((e) => [e.type, e.mode])).toEqual([
      ["RETREAT", "access"],
    ]);
    expect(run("Troops opened fire on protesters.", { actors: [["Troops", "SDN", "MIL"]] }).map((e) => e.type)).toEqual(["ASSAULT"]);
  });
});

describe("attacks reported by the attacked", () => {
  it("'Ukraine's air force said Russia launched 100 drones' was aimed at Ukraine; a third party's report adds no target", () => {
    const actors: ActorSpec[] = [
      ["Russia", "RUS"],
      ["Ukraine", "UKR"],
      ["Ukraine's air force", "UKR", "MIL"],
      ["Turkey's ministry", "TUR", "GOV"],
    ];
    const text = "Russia attacked Ukraine again. Ukraine's air force said Russia launched 100 drones overnight.";
    const found = run(text, { actors: actors.slice(0, 3) });
    expect(found.find((e) => e.trigger.text === "launched")?.targets.map((t) => t.country)).toEqual(["UKR"]);
    const third = run("Russia attacked Ukraine again. Turkey's ministry said Russia launched 100 drones overnight.", {
      actors: [actors[0], actors[1], actors[3]],
    });
    expect(third.find((e) => e.trigger.text === "launched")?.targets.map((t) => t.country)).not.toContain("TUR");
  });
});

describe("a day from a sentence without an event", () => {
  it("'The truce took effect on Sunday morning. In that gap, Israeli strikes killed 13 people.': the strikes were on Sunday", () => {
    const found = run("Calm returned to the city on Sunday morning. In that gap, Israeli strikes killed 13 people.", {
      published: "2025-01-20",
      actors: [
        ["Israeli", "ISR"],
        ["people", null, "CVL"],
      ],
      times: [["Sunday", "2025-01-19", "day"]],
    });
    expect(found.find((e) => e.type === "ASSAULT")?.date?.value).toBe("2025-01-19");
  });
});

describe("a reported act's future time", () => {
  it("'announced on Thursday that it was suspending the talks until the end of 2028' is dated the day it was said", () => {
    const found = run("Kobakhidze announced on Thursday that his government was suspending the talks until the end of 2028.", {
      published: "2024-12-02",
      actors: [
        ["Kobakhidze", "GEO", "GOV"],
        ["government", "GEO", "GOV"],
      ],
      times: [
        ["on Thursday", "2024-11-28", "day"],
        ["the end of 2028", "2028-12", "month"],
      ],
    });
    expect(found.find((e) => e.type === "SANCTION")?.date).toEqual({ value: "2024-11-28", precision: "day", basis: "governing" });
  });
});

describe("names with words tagged as verbs", () => {
  it("'Lt. Gen. Prosper Avril resigned': the name's 'Prosper' is no verb, the resignation is his", () => {
    const found = run("Lt. Gen. Prosper Avril resigned yesterday.", { actors: [["Lt. Gen. Prosper Avril", "HTI", "MIL"]] });
    expect(found.map((e) => [e.type, e.sources.map((s) => s.country)])).toEqual([["RETREAT", ["HTI"]]]);
  });
});

describe("the other side of a two-country story", () => {
  const actors: ActorSpec[] = [
    ["India", "IND", "GOV"],
    ["Pakistan", "PAK", "GOV"],
  ];
  const story =
    "India accused Pakistan of backing the gunmen. India expelled Pakistan's diplomats. Pakistan closed its airspace to India. ";
  it("a threat by one side naming no one abroad is aimed at the other, whose last mention is the evidence", () => {
    const text = `${story}Pakistan warned that any attempt to divert its water would be answered with full force.`;
    const threat = run(text, { actors }).find((e) => e.type === "THREATEN");
    expect(threat?.targets.map((t) => t.country)).toEqual(["IND"]);
    expect(threat?.rule).toContain("+pair-opponent");
    const target = threat!.targets[0];
    expect(text.slice(target.start, target.end)).toBe("India");
    expect(target.start).toBe(text.indexOf("India. "));
  });
  it("not when the sentence names someone else abroad, nor when the two have not acted on each other", () => {
    const third = run(`${story}Pakistan warned that the United States would answer for it.`, {
      actors: [...actors, ["United States", "USA", "GOV"]],
    }).find((e) => e.type === "THREATEN");
    expect(third?.targets.map((t) => t.country)).not.toContain("IND");
    const calm = "India hosted a cricket team. Pakistan held elections. India opened a museum. Pakistan opened a dam. ";
    const none = run(`${calm}Pakistan warned that its response would be swift.`, { actors }).find((e) => e.type === "THREATEN");
    expect(none?.targets).toEqual([]);
  });
  it("a pronoun opener's domestic warning is aimed at home once the pronoun is resolved", () => {
    const text =
      "Georgian police dispersed protesters in Tbilisi. The Georgian government blamed the opposition. It warned that those responsible would face the full force of the law.";
    const found = run(text, {
      actors: [
        ["Georgian police", "GEO", "POL"],
        ["protesters", "GEO", "CVL"],
        ["Georgian government", "GEO", "GOV"],
        ["opposition", "GEO", "OPP"],
      ],
    });
    const threat = found.find((e) => e.type === "THREATEN");
    expect(threat?.sources.map((s) => s.country)).toEqual(["GEO"]);
    expect(threat?.targets.map((t) => t.country)).toEqual(["GEO"]);
  });
  it("'condemned the launch' reacts to the last act of another country", () => {
    const found = run("North Korea test-fired a new missile on Thursday. South Korea condemned the launch as a provocation.", {
      actors: [
        ["North Korea", "PRK", "GOV"],
        ["South Korea", "KOR", "GOV"],
      ],
    });
    expect(found.find((e) => e.type === "ACCUSE")?.targets.map((t) => t.country)).toEqual(["PRK"]);
  });
  it("'welcomed the deal' supports the parties to the last deal of others", () => {
    const found = run("Israel and Hamas agreed on Wednesday to a ceasefire. U.S. President Joe Biden welcomed the deal.", {
      actors: [
        ["Israel", "ISR"],
        ["Hamas", "PSE", "REB"],
        ["U.S. President Joe Biden", "USA", "GOV", "person"],
      ],
    });
    expect(found.find((e) => e.type === "SUPPORT")?.targets.map((t) => t.country)).toEqual(["ISR", "PSE"]);
  });
  it("raising the alert level is a mobilisation, aimed at the other side of a two-country story; raising prices is nothing", () => {
    const actors: ActorSpec[] = [
      ["Chinese coast guard", "CHN", "POL"],
      ["Taiwanese", "TWN"],
      ["Taiwan", "TWN"],
      ["troops", "TWN", "MIL"],
      ["China", "CHN"],
    ];
    const text =
      "Chinese coast guard officers boarded a Taiwanese boat. Taiwan protested to China. Taiwan said troops on Kinmen had raised their level of alert.";
    const alert = run(text, { actors }).find((e) => e.cameo === "152");
    expect([alert?.type, alert?.targets.map((t) => t.country)]).toEqual(["MOBILIZE", ["CHN"]]);
    expect(run("Traders raised prices on Monday.", {}).map((e) => e.type)).toEqual([]);
  });
  it("'staged a combined air drill' is a mobilisation; 'a drill' alone is not", () => {
    const drill = run("South Korean and U.S. jets staged a combined air drill over the Yellow Sea.", {
      actors: [
        ["South Korean", "KOR", "MIL"],
        ["U.S. jets", "USA", "MIL"],
      ],
    });
    expect(drill.map((e) => e.type)).toContain("MOBILIZE");
    const fire = run("Residents took part in a fire drill on Monday.", {});
    expect(fire.map((e) => e.type)).not.toContain("MOBILIZE");
  });
});

describe("envoys recalled", () => {
  it("'recalled its ambassadors to Mali and Niger' acts against the countries of posting", () => {
    const found = run("Algeria recalled its ambassadors to Mali and Niger on Monday.", {
      actors: [
        ["Algeria", "DZA", "GOV"],
        ["ambassadors", "DZA", "GOV"],
        ["Mali", "MLI"],
        ["Niger", "NER"],
      ],
    });
    const recall = found.find((e) => e.type === "SANCTION");
    expect(recall?.targets.map((t) => t.country)).toEqual(["MLI", "NER"]);
    expect(recall?.rule).toContain("+envoy-posting");
  });
  it("'after A, B and C pulled their own ambassadors out of X' is a recall by all three, against X", () => {
    const found = run("The ministry acted after Mali, Burkina Faso and Niger pulled their own ambassadors out of Algiers on Sunday.", {
      actors: [
        ["ministry", null, "GOV"],
        ["Mali", "MLI"],
        ["Burkina Faso", "BFA"],
        ["Niger", "NER"],
        ["ambassadors", "DZA", "GOV"],
      ],
      places: [["Algiers", "Algiers", "DZA"]],
    });
    const recall = found.find((e) => e.trigger.text === "pulled");
    expect([recall?.type, recall?.cameo]).toEqual(["SANCTION", "161"]);
    expect(recall?.sources.map((s) => s.country)).toEqual(["MLI", "BFA", "NER"]);
    expect(recall?.targets.map((t) => t.country)).toEqual(["DZA"]);
  });
  it("an envoy of another country expelled keeps its own target", () => {
    const found = run("Somalia expelled Ethiopia's ambassador.", {
      actors: [
        ["Somalia", "SOM", "GOV"],
        ["Ethiopia's ambassador", "ETH", "GOV"],
      ],
    });
    expect(found.find((e) => e.type === "SANCTION")?.rule).not.toContain("envoy-posting");
  });
});

describe("perfect participles tagged as nouns", () => {
  it("'had shot down a drone' is the verb shoot down; 'had shot' with no known form stays as it was", () => {
    const found = run("The ministry said its air defences had shot down a drone.", { actors: [["air defences", "DZA", "MIL"]] });
    expect(found.map((e) => [e.type, e.sources.map((s) => s.country)])).toContainEqual(["ASSAULT", ["DZA"]]);
    const talks = run("The ministers had talks in Geneva.", { actors: [["ministers", "CHE", "GOV"]] });
    expect(talks.map((e) => e.type)).not.toContain("ASSAULT");
  });
});

describe("a participle of speech goes on with the one who spoke just before", () => {
  it("'..., the air force said, adding that' and 'X said that ..., adding that' are X's", () => {
    const actors: ActorSpec[] = [
      ["Russia", "RUS", "GOV"],
      ["Ukraine", "UKR", "GOV"],
      ["Ukrainian Air Force", "UKR", "MIL"],
      ["air defences", "UKR", "MIL"],
    ];
    for (const text of [
      "Russia launched 46 drones at Ukraine overnight, the Ukrainian Air Force said on Tuesday, adding that air defences shot down 38 of them.",
      "The Ukrainian Air Force said on Tuesday that Russia launched 46 drones at Ukraine, adding that air defences shot down 38 of them.",
    ]) {
      const shot = run(text, { actors }).find((e) => e.trigger.text === "shot");
      expect(shot?.attribution?.text).toBe("Ukrainian Air Force");
    }
  });
});

describe("reported speech after 'warned' and determiner-like 'that'", () => {
  it("'warned that ships would be targeted' is the speaker's threat; 'warned parents not to send' keeps its object", () => {
    const threat = run("Saree warned on Thursday that vessels dealing with Israeli ports would be targeted.", {
      actors: [
        ["Saree", "YEM", "REB"],
        ["Israeli", "ISR"],
      ],
    }).find((e) => e.type === "THREATEN");
    expect(threat?.sources.map((s) => s.country)).toEqual(["YEM"]);
    expect(threat?.targets.map((t) => t.country)).toEqual(["ISR"]);
    const warned = run("Separatist commanders warned parents not to send their children to school when the term opens.", {
      actors: [
        ["Separatist commanders", "CMR", "REB"],
        ["parents", "CMR", "CVL"],
      ],
    }).find((e) => e.type === "THREATEN");
    expect(warned?.targets.map((t) => t.country)).toEqual(["CMR"]);
  });
  it("'rejected that description, saying the Houthis had abducted the survivors' reports an abduction", () => {
    const found = run("The U.S. embassy rejected that description, saying the Houthis had abducted the survivors.", {
      actors: [
        ["U.S. embassy", "USA", "GOV"],
        ["Houthis", "YEM", "REB"],
      ],
    });
    const abduction = found.find((e) => e.type === "ASSAULT");
    expect([abduction?.mode, abduction?.modality, abduction?.attribution?.text]).toEqual(["abduct", "reported", "U.S. embassy"]);
    expect(found.find((e) => e.type === "ACCUSE")?.targets.map((t) => t.country)).toEqual(["YEM"]);
  });
  it("'condemned both attacks' reacts to the last attack by another country", () => {
    const found = run("Houthi fighters blew up the Magic Seas on Sunday. Greece condemned both attacks.", {
      actors: [
        ["Houthi fighters", "YEM", "REB"],
        ["Greece", "GRC", "GOV"],
      ],
    });
    expect(found.find((e) => e.type === "ACCUSE")?.targets.map((t) => t.country)).toEqual(["YEM"]);
  });
});

describe("the two parties of talks", () => {
  const actors: ActorSpec[] = [
    ["India", "IND", "GOV"],
    ["Pakistan", "PAK", "GOV"],
    ["countries", null, "GOV"],
    ["delegations", null, "GOV"],
  ];
  const story = "India and Pakistan exchanged fire. India accused Pakistan. Pakistan denied it. ";
  it("'the two countries held talks', 'the delegations met' are talks between the story's two countries", () => {
    for (const sentence of ["The two countries held talks on Friday.", "The delegations met in Istanbul."]) {
      const present = actors.filter(([surface]) => (story + sentence).includes(surface));
      const talks = run(story + sentence, { actors: present }).find((e) => e.type === "CONSULT");
      expect(talks?.sources.map((s) => s.country).sort()).toEqual(["IND", "PAK"]);
      expect(talks?.targets.map((s) => s.country).sort()).toEqual(["IND", "PAK"]);
    }
  });
  it("'the delegations' doing something else, or talks with a named counterpart, are left alone", () => {
    const found = run(story + "India expelled the delegations.", { actors: actors.filter(([x]) => x !== "countries") });
    const expelled = found.find((e) => e.trigger.text === "expelled");
    expect(expelled?.targets.map((t) => t.text)).toEqual(["delegations"]);
    expect(expelled?.targets.map((t) => t.country)).toEqual([null]);
  });
});

describe("demands made of the subject of what is demanded", () => {
  it("'demanded on Wednesday that China return rifles its coast guard seized' is made of China", () => {
    const found = run("The military chief demanded on Wednesday that China return rifles its coast guard seized this week.", {
      actors: [
        ["military chief", "PHL", "MIL"],
        ["China", "CHN"],
        ["coast guard", "CHN", "POL"],
      ],
    });
    const demand = found.find((e) => e.type === "REQUEST");
    expect(demand?.targets.map((t) => t.country)).toEqual(["CHN"]);
  });
});

describe("speech with a time before its complement, and accusations of being behind", () => {
  it("'said on Wednesday it had ended the siege, killing all 33 attackers': the speaker killed them", () => {
    const found = run("Pakistan's military said on Wednesday it had ended the siege, killing all 33 attackers.", {
      actors: [
        ["Pakistan's military", "PAK", "MIL"],
        ["attackers", "PAK", "REB"],
      ],
    });
    expect(found.find((e) => e.type === "ASSAULT")?.sources.map((s) => s.country)).toEqual(["PAK"]);
  });
  it("'said India was behind the attacks' accuses India; 'behind the wall' is no event", () => {
    const found = run("Pakistan said India was behind the attacks.", {
      actors: [
        ["Pakistan", "PAK", "GOV"],
        ["India", "IND", "GOV"],
      ],
    });
    const accusation = found.find((e) => e.type === "ACCUSE");
    expect([accusation?.sources.map((s) => s.country), accusation?.targets.map((t) => t.country)]).toEqual([["PAK"], ["IND"]]);
    expect(run("The soldiers were behind the wall.", { actors: [["soldiers", "PAK", "MIL"]] })).toEqual([]);
  });
  it("a state official's resignation yields at home", () => {
    const found = run("Three government ministers announced their resignations on Friday.", {
      actors: [["government ministers", "LBY", "GOV"]],
    });
    expect(found.find((e) => e.type === "RETREAT")?.targets.map((t) => t.country)).toEqual(["LBY"]);
  });
});

describe("attacks: a synonym's pattern, the other side named in passing, and parties after a time", () => {
  it("'struck the Defence Ministry headquarters' is an attack, not an occupation ('storm a stronghold')", () => {
    const found = run("Israeli jets struck the Defence Ministry headquarters on Wednesday.", { actors: [["Israeli jets", "ISR", "MIL"]] });
    expect(found.map((e) => e.type)).toEqual(["ASSAULT"]);
  });
  it("an attack by one side of a two-country story hits the other side named further on in its sentence", () => {
    const text =
      "Israel bombed Syria's defence ministry. Syria accused Israel of aggression. Israeli jets struck an area near the presidential palace on Wednesday.";
    const found = run(text, {
      actors: [
        ["Israel", "ISR", "GOV"],
        ["Syria", "SYR", "GOV"],
        ["Israeli jets", "ISR", "MIL"],
        ["presidential palace", "SYR", "GOV"],
      ],
    });
    const strike = found.find((e) => e.trigger.text === "struck");
    expect(strike?.targets.map((t) => t.text)).toEqual(["presidential palace"]);
  });
  it("'the fighting erupted on Sunday between X and Y': X and Y are the parties", () => {
    const found = run("The fighting erupted on Sunday between Druze armed groups and Bedouin tribes.", {
      actors: [
        ["Druze armed groups", "SYR", "REB"],
        ["Bedouin tribes", "SYR", "CVL"],
      ],
    });
    const fight = found.find((e) => e.type === "ASSAULT");
    expect([fight?.sources.map((s) => s.text), fight?.targets.map((t) => t.text)]).toEqual([["Druze armed groups"], ["Bedouin tribes"]]);
  });
});
