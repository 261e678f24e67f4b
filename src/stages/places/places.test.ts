import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Mention, MentionKind, Place } from "../../model/annotations.js";
import { PlaceSchema } from "../../model/schema.js";
import { createDoc, type Doc } from "../../model/document.js";
import { loadPlacesResources, validateCitiesWithSchema } from "../../runtime/load-places.js";
import { DATA_DIR } from "../../runtime/paths.js";
import { createSegmentStage } from "../segment/index.js";
import { haversineKm } from "./geometry.js";
import { createPlacesStage, type PlacesResources } from "./index.js";

let resources: PlacesResources;
const segment = createSegmentStage();
beforeAll(() => {
  resources = loadPlacesResources(DATA_DIR);
});

/** Marks each listed surface string (first occurrence after the previous one) as an actor mention. */
function mentionsFor(text: string, list: readonly [string, MentionKind, string?][]): Mention[] {
  const out: Mention[] = [];
  let from = 0;
  for (const [surface, kind, country] of list) {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`test setup: "${surface}" not in text`);
    from = start + surface.length;
    out.push({
      id: `m${out.length}`,
      kind,
      text: surface,
      start,
      end: start + surface.length,
      rule: "test:mention",
      country: country ?? null,
    });
  }
  return out;
}

function run(text: string, mentions: Mention[] = []): Place[] {
  const d0 = createDoc({ text });
  const seg = segment.run(d0);
  const doc: Doc = { ...d0, layers: { ...seg, mentions } };
  const out = createPlacesStage(resources).run(doc);
  for (const p of out.places) expect(text.slice(p.start, p.end)).toBe(p.text);
  return [...out.places];
}

const find = (places: Place[], text: string) => places.find((p) => p.text === text || p.text.endsWith(text));

describe("places: gazetteer data", () => {
  it("the generated cities file passes the full zod schema", () => {
    expect(validateCitiesWithSchema(join(DATA_DIR, "places", "cities.tsv"))).toBeGreaterThan(20_000);
  });
  it("resolves every alias to a gazetteer place", () => {
    expect(resources.gazetteer.unresolvedAliases).toEqual([]);
  });
  it("is compact but covers capitals and conflict towns", () => {
    expect(resources.gazetteer.size).toBeGreaterThan(20_000);
    expect(resources.gazetteer.size).toBeLessThan(80_000);
  });
});

describe("places: table of toponyms across regions", () => {
  // [sentence, surface, expected name fragment, ISO3, precision]
  const table: [string, string, string, string, string][] = [
    ["A drone struck a house in Mosul on Tuesday.", "Mosul", "Mosul", "IRQ", "city"],
    ["Clashes were reported in Deir ez-Zor and Raqqa.", "Raqqa", "Raqqah", "SYR", "city"],
    ["Houthi forces fired missiles from Hodeidah.", "Hodeidah", "Ḩudaydah", "YEM", "city"],
    ["Russian shelling hit Kharkiv overnight.", "Kharkiv", "Kharkiv", "UKR", "city"],
    ["Air raid sirens sounded in Kiev.", "Kiev", "Kyiv", "UKR", "city"],
    ["The RSF besieged El Fasher for months.", "El Fasher", "El Fasher", "SDN", "city"],
    ["Refugees fled across Darfur.", "Darfur", "Darfur", "SDN", "region"],
    ["Jihadists attacked a convoy near Gao in Mali.", "Gao", "Gao", "MLI", "city"],
    ["Al-Shabaab claimed a bombing in Mogadishu.", "Mogadishu", "Mogadishu", "SOM", "city"],
    ["M23 rebels advanced towards Goma in North Kivu.", "North Kivu", "North Kivu", "COD", "admin1"],
    ["The junta bombed villages in Sagaing Region.", "Sagaing Region", "Sagaing", "MMR", "admin1"],
    ["The Taliban governor of Kandahar province spoke.", "Kandahar province", "Kandahar", "AFG", "admin1"],
    ["A suicide blast killed police in Peshawar.", "Peshawar", "Peshawar", "PAK", "city"],
    ["Israeli troops raided Jenin in the occupied West Bank.", "Jenin", "Jenin", "PSE", "city"],
    ["Aid trucks entered through the Rafah crossing.", "Rafah crossing", "Rafah crossing", "PSE", "site"],
    ["Ships were attacked in the Red Sea and the Gulf of Aden.", "Gulf of Aden", "Gulf of Aden", "", "region"],
    ["Tankers pass through the Strait of Hormuz.", "Strait of Hormuz", "Strait of Hormuz", "IRN", "region"],
    ["A drone hit Tower 22 in Jordan near the Syrian border.", "Tower 22", "Tower 22", "JOR", "site"],
    ["US forces at al-Tanf intercepted drones.", "al-Tanf", "Al-Tanf", "SYR", "site"],
    ["Rockets targeted Ain al-Asad Air Base in Anbar.", "Ain al-Asad Air Base", "Ain al-Asad", "IRQ", "site"],
    ["Fighting spread across the Donbas.", "Donbas", "Donbas", "UKR", "region"],
    ["Tigray forces withdrew from Amhara.", "Amhara", "Amhara", "ETH", "admin1"],
    ["Protesters gathered in Sana'a.", "Sana'a", "Sanaa", "YEM", "city"],
    ["He was born in Lagos and works in Nairobi.", "Nairobi", "Nairobi", "KEN", "city"],
    ["The summit was held in Brussels.", "Brussels", "Brussels", "BEL", "city"],
    ["Troops crossed into the Golan Heights.", "Golan Heights", "Golan Heights", "SYR", "region"],
    ["BAGHDAD (AP) - Officials met on Sunday.", "BAGHDAD", "Baghdad", "IRQ", "city"],
    ["GAZA, March 3 - Airstrikes killed 25 people.", "GAZA", "Gaza Strip", "PSE", "region"],
  ];
  it.each(table)("%s", (sentence, surface, name, iso3, precision) => {
    const places = run(sentence);
    const p = find(places, surface);
    expect(p, `${surface} in ${JSON.stringify(places.map((x) => x.text))}`).toBeDefined();
    expect(p!.name).toContain(name);
    expect(p!.country ?? "").toBe(iso3);
    expect(p!.precision).toBe(precision);
    expect(p!.rule.startsWith("places.v1:")).toBe(true);
  });
});

describe("places: negatives (not places)", () => {
  const negatives: [string, string][] = [
    ["May is the month when the talks began.", "May"],
    ["On Monday the minister resigned.", "Monday"],
    ["Sunni and Shiite leaders met.", "Sunni"],
    ["Kurdish fighters held the line.", "Kurdish"],
    ["The Islamic State claimed the attack.", "State"],
    ["The United Nations condemned the strike.", "United Nations"],
    ["Iraqi officials and American diplomats spoke.", "Iraqi"],
    ["Iraqi officials and American diplomats spoke.", "American"],
    ["Mobile phones were confiscated by police.", "Mobile"],
    ["Reading the statement, he paused.", "Reading"],
    ["It was a nice gesture, and Nice people agreed.", "Nice"],
    ["Secretary of State John Kerry arrived.", "Kerry"],
    ["President Joe Biden spoke to reporters.", "Biden"],
    ["The Washington Post reported the leak.", "Washington"],
    ["Iraq said the strike violated its sovereignty.", "Iraq"],
    ["US troops were attacked again.", "US"],
    ["Iraqi militias have repeatedly attacked US troops stationed in Iraq.", "US"],
    ["Al was not a place.", "Al"],
    ["Allies met at the NATO summit and the ISIS threat grew.", "NATO"],
    ["The Iraq war ended long ago.", "Iraq"],
    ["Iraq, Syria and Iran said the talks failed.", "Syria"],
    ["Iraq, Syria and Iran said the talks failed.", "Iraq"],
    ["Rockets fell in Gaza, Israel said.", "Israel"],
  ];
  it.each(negatives)("%s -> no place %s", (sentence, surface) => {
    const places = run(sentence);
    expect(places.find((p) => p.text === surface || p.text.endsWith(" " + surface))).toBeUndefined();
  });

  it("reads the same common word as a place with locative context", () => {
    const places = run("The ship docked in Mobile, Alabama, and later sailed to Nice.");
    expect(find(places, "Mobile")?.country).toBe("USA");
    expect(find(places, "Nice")?.country).toBe("FRA");
  });
});

describe("places: pitfalls", () => {
  it("Washington is the US capital in news about US policy", () => {
    const places = run("The talks in Washington focused on Iraq. Officials in Washington said more troops were not needed.");
    const w = places.filter((p) => p.text === "Washington");
    expect(w.length).toBe(2);
    for (const p of w) {
      expect(p.country).toBe("USA");
      expect(haversineKm(p.lat!, p.lon!, 38.9, -77.04)).toBeLessThan(20);
    }
  });

  it("'Washington said' names the government, not a place", () => {
    expect(run("Washington said it would respond.").find((p) => p.text === "Washington")).toBeUndefined();
  });

  it("Al-Sudani (a person mention) is never Albania or a place", () => {
    const text = "Iraqi Prime Minister Al-Sudani met advisers. Al-Sudani's office said the talks would continue.";
    const mentions = mentionsFor(text, [
      ["Al-Sudani", "person", "IRQ"],
      ["Al-Sudani", "person", "IRQ"],
    ]);
    expect(run(text, mentions)).toEqual([]);
    // and without the actors layer, the name is still not a place
    expect(run(text).filter((p) => p.country === "ALB" || p.text.includes("Sudani"))).toEqual([]);
  });

  it("a country actor mention is a place only in locative context", () => {
    const text = "Iraq rejected the demand, while US forces in Iraq stayed on alert.";
    const mentions = mentionsFor(text, [
      ["Iraq", "country", "IRQ"],
      ["US forces", "actor", "USA"],
      ["Iraq", "country", "IRQ"],
    ]);
    const places = run(text, mentions);
    expect(places.map((p) => [p.text, p.start])).toEqual([["Iraq", text.lastIndexOf("Iraq")]]);
  });

  it("a mention inside a longer place name does not block it (Khan Younis, Jenin refugee camp)", () => {
    const text = "Troops pushed east of Khan Younis and raided the Jenin refugee camp.";
    const mentions = mentionsFor(text, [
      ["Troops", "actor"],
      ["Khan", "person"],
      ["refugee camp", "actor"],
    ]);
    const places = run(text, mentions);
    expect(find(places, "Khan Younis")?.country).toBe("PSE");
    expect(find(places, "Jenin refugee camp")?.country).toBe("PSE");
  });

  it("the object of an invasion or strike is where it happened; the attacker is not a place", () => {
    const places = run("Russia invaded Ukraine in 2022.");
    expect(places.map((p) => p.text)).toEqual(["Ukraine"]);
    expect(run("China accused Taiwan of provocation.")).toEqual([]);
  });

  it("'Baghdad, Iraq' qualifies the city and the country is a place", () => {
    const places = run("The strike hit a convoy in Baghdad, Iraq, at night.");
    expect(find(places, "Baghdad")?.country).toBe("IRQ");
    expect(find(places, "Iraq")?.precision).toBe("country");
  });

  it("a qualifier may be followed by a date word, and a country list is not a qualifier", () => {
    const places = run("Wang Yi spoke in Moscow, Russia Thursday.");
    expect(find(places, "Russia")?.country).toBe("RUS");
    expect(run("Iraq, Syria and Iran said so.").some((p) => p.country === "SYR" && p.text === "Iraq")).toBe(false);
  });

  it("a qualifier picks the right namesake (Tripoli, Lebanon vs Libya)", () => {
    expect(find(run("Clashes erupted in Tripoli, Lebanon."), "Tripoli")?.country).toBe("LBN");
    expect(find(run("Clashes erupted in Tripoli, the Libyan capital."), "Tripoli")?.country).toBe("LBY");
  });

  it("article context picks the namesake: Hebron in a West Bank story", () => {
    const places = run("Settlers attacked Palestinians near Hebron. Israeli troops later raided Nablus in the West Bank.");
    expect(find(places, "Hebron")?.country).toBe("PSE");
  });

  it("coordinated countries after a locative are places: in Iraq and Syria", () => {
    const places = run("The United States has about 2,500 troops in Iraq and 900 in Syria, and bases in Iraq and Syria.");
    expect(places.filter((p) => p.country === "SYR").length).toBe(2);
    expect(places.some((p) => p.text === "United States")).toBe(false);
  });
});

describe("places: parts and vicinity", () => {
  it("eastern Baghdad is near but east of the centre", () => {
    const [p] = run("A drone struck a headquarters in eastern Baghdad.");
    expect(p.text).toBe("eastern Baghdad");
    expect(p.relation).toBe("part");
    expect(p.precision).toBe("district");
    const d = haversineKm(p.lat!, p.lon!, 33.3406, 44.4009);
    expect(d).toBeGreaterThan(2);
    expect(d).toBeLessThan(15);
    expect(p.lon!).toBeGreaterThan(44.4009);
    // a part is a place of its own, related to Baghdad by its id
    expect(p.id).toBe("geonames:98182#part-e");
    expect(p.name).toBe("Baghdad");
  });

  it("eastern Syria is a region of Syria, offset east", () => {
    const p = run("Oil was taken from eastern Syria.")[0];
    expect(p.country).toBe("SYR");
    expect(p.precision).toBe("region");
    expect(p.lon!).toBeGreaterThan(38.5);
  });

  it("'30 km south of Kirkuk' is near, about 30 km south", () => {
    const p = run("An IED exploded 30 km south of Kirkuk.")[0];
    expect(p.relation).toBe("near");
    expect(p.text).toBe("30 km south of Kirkuk");
    expect(haversineKm(p.lat!, p.lon!, 35.468, 44.392)).toBeGreaterThan(25);
    expect(haversineKm(p.lat!, p.lon!, 35.468, 44.392)).toBeLessThan(35);
    expect(p.lat!).toBeLessThan(35.468);
  });

  it.each([
    ["Shelling continued on the outskirts of Khartoum.", "Khartoum", "near"],
    ["Gunmen attacked a checkpoint near Mosul.", "Mosul", "near"],
    ["Strikes hit northern Gaza again.", "Gaza", "part"],
    ["Troops moved north of Kharkiv.", "Kharkiv", "near"],
    ["Fighting raged in the south of Lebanon.", "Lebanon", "part"],
  ])("%s", (sentence, name, relation) => {
    const p = run(sentence).find((x) => x.text.endsWith(name));
    expect(p?.relation).toBe(relation);
  });

  it("a possessive vicinity or part after the name: Khartoum's northern suburbs, Gaza's northern areas", () => {
    const [k] = run("Shells fell on Khartoum's northern suburbs.");
    expect(k.text).toBe("Khartoum's northern suburbs");
    expect(k.relation).toBe("near");
    expect(k.lat!).toBeGreaterThan(15.56);
    const [g] = run("Fighting raged in Gaza's northern areas.");
    expect(g.relation).toBe("part");
    expect(run("He met Kyiv's mayor.")[0]?.relation).toBeUndefined();
  });

  it("northern Gaza stays within a few tens of km of the Strip", () => {
    const p = run("Strikes hit northern Gaza again.")[0];
    expect(haversineKm(p.lat!, p.lon!, 31.4, 34.38)).toBeLessThan(25);
    expect(p.lat!).toBeGreaterThan(31.4);
  });
});

describe("places: article context and homonyms", () => {
  it("a small foreign namesake far from the story is not a place (Lido, Fano)", () => {
    const places = run(
      "Al-Shabaab fighters stormed a hotel at Lido beach in Mogadishu. Somali forces retook towns in Middle Shabelle. " +
        "Fano militias clashed with federal troops near Gondar and Bahir Dar in Ethiopia.",
    );
    expect(places.some((p) => p.country === "ITA")).toBe(false);
    expect(find(places, "Mogadishu")?.country).toBe("SOM");
    expect(find(places, "Gondar")?.country).toBe("ETH");
  });

  it("nearby places pull an ambiguous name to their country (Kaya, not Kayah State)", () => {
    const places = run("Gunmen killed civilians in Barsalogho, about 40 km north of Kaya, in the Centre-Nord region of Burkina Faso.");
    expect(find(places, "Kaya")?.country).toBe("BFA");
  });

  it("a bare name shared by a province and its seat is the town; 'X State' is the province", () => {
    expect(find(run("Refugees reached Kassala on foot."), "Kassala")?.precision).toBe("city");
    expect(find(run("Fighting spread in Kassala State."), "Kassala State")?.precision).toBe("admin1");
  });

  it("a list ending in 'regions' names the regions; a list of areas is not a qualifier", () => {
    const places = run("Drones were downed over the Mykolaiv, Zaporizhzhia and Dnipropetrovsk regions.");
    expect(places.map((p) => p.precision)).toEqual(["admin1", "admin1", "admin1"]);
    const iraq = run("Attacks continued in Mosul, Anbar and Diyala.");
    expect(find(iraq, "Mosul")?.precision).toBe("city");
    expect(find(iraq, "Anbar")?.precision).toBe("admin1");
  });

  it("a possessive with a place noun is a place (Sanaa's airport)", () => {
    const text = "Jets struck Sanaa's airport.";
    const places = run(text, mentionsFor(text, [["Sanaa", "country", "YEM"]]));
    expect(find(places, "Sanaa")?.country).toBe("YEM");
  });

  it("places satisfy the public schema", () => {
    for (const p of run("Strikes hit eastern Baghdad, 30 km south of Kirkuk, and Allendale, N.J., and the Red Sea."))
      expect(PlaceSchema.safeParse(p).success).toBe(true);
  });

  it("eastern Congo is the DR Congo", () => {
    expect(run("M23 rebels advanced in eastern Congo near Goma.")[0].country).toBe("COD");
  });

  it("'in neighbouring X' is inside X, not near it", () => {
    const p = run("Refugees arrived in neighbouring Chad.")[0];
    expect(p.country).toBe("TCD");
    expect(p.relation).not.toBe("near");
  });

  it("a qualified sense holds for the whole article (Riverdale, N.J.)", () => {
    const places = run("A ticket was sold in Riverdale, New Jersey. Riverdale officials said the store would get a bonus.");
    const r = places.filter((p) => p.text === "Riverdale");
    expect(r.length).toBe(2);
    expect(new Set(r.map((p) => p.id)).size).toBe(1);
    expect(r[0].country).toBe("USA");
  });

  it("datelines are places, whatever follows", () => {
    expect(find(run("WASHINGTON, April 5 (Reuters) - Officials met."), "WASHINGTON")?.country).toBe("USA");
    expect(find(run("MEXICO CITY (AP) — Protesters marched."), "MEXICO CITY")?.country).toBe("MEX");
  });

  it("'X-based' locates X", () => {
    expect(find(run("The Britain-based Syrian Observatory for Human Rights said so."), "Britain")?.country).toBe("GBR");
  });

  it("the same surname later in the article is still the person", () => {
    const places = run("General John Allen spoke on Monday. Allen said the war was not over.");
    expect(places).toEqual([]);
  });
});

describe("places: whole articles (written for these tests)", () => {
  it("a Ukraine war report", () => {
    const text =
      "KYIV, Ukraine (AP) — Russian forces launched missiles at Ukraine overnight, striking energy facilities in the Kharkiv and Odesa regions, officials said Saturday.\n\n" +
      "In Kharkiv, a missile hit a residential building, Mayor Ihor Terekhov said. Zelenskyy urged allies to send more air defence. " +
      "Moscow said its forces had captured a village near Zaporizhzhia and were advancing west of Avdiivka in the Donetsk region. " +
      "In Belgorod, across the border in Russia, the governor said shelling killed two civilians.";
    const places = run(text);
    const summary = places.map((p) => `${p.text}|${p.country}|${p.precision}${p.relation ? "|" + p.relation : ""}`);
    expect(summary).toContain("KYIV|UKR|city");
    expect(summary).toContain("Kharkiv|UKR|admin1|in");
    expect(summary).toContain("Odesa|UKR|admin1");
    expect(summary).toContain("Kharkiv|UKR|city|in");
    expect(summary).toContain("near Zaporizhzhia|UKR|city|near");
    expect(summary).toContain("west of Avdiivka|UKR|city|near");
    expect(summary).toContain("Donetsk region|UKR|admin1|in");
    expect(summary).toContain("Belgorod|RUS|city|in");
    expect(places.some((p) => p.text === "Moscow" || p.text.includes("Terekhov") || p.text.includes("Zelenskyy"))).toBe(false);
  });

  it("a Sudan war report", () => {
    const text =
      "The paramilitary Rapid Support Forces attacked El Fasher, the capital of North Darfur state, for a third day, as the army bombed positions east of the city. " +
      "Fighting has spread from Khartoum to Darfur and Kordofan. Many fled to Chad and South Sudan. " +
      "Aid agencies said the Zamzam camp, 15 km south of El Fasher, faces famine. The army chief, who moved his government to Port Sudan on the Red Sea, rejected talks in Jeddah.";
    const places = run(text);
    const by = (t: string) => find(places, t);
    expect(by("El Fasher")?.country).toBe("SDN");
    expect(by("North Darfur state")?.precision).toBe("admin1");
    expect(by("Darfur")?.precision).toBe("region");
    expect(by("Chad")?.country).toBe("TCD");
    expect(by("South Sudan")?.country).toBe("SSD");
    expect(by("15 km south of El Fasher")?.relation).toBe("near");
    expect(by("Port Sudan")?.country).toBe("SDN");
    expect(by("Red Sea")?.precision).toBe("region");
    expect(by("Jeddah")?.country).toBe("SAU");
  });
});

describe("places: seed article", () => {
  it("finds Baghdad, Iraq, Syria and Afghanistan with the right countries", () => {
    const text = readFileSync(join(DATA_DIR, "..", "..", "shared", "corpus", "seed-article.txt"), "utf8");
    const places = run(text);
    const by = (name: string) => places.filter((p) => p.text.endsWith(name));
    expect(by("Baghdad").every((p) => p.country === "IRQ")).toBe(true);
    expect(by("Baghdad").length).toBe(2);
    expect(by("Iraq").length).toBeGreaterThan(10);
    expect(by("Iraq").every((p) => p.country === "IRQ")).toBe(true);
    expect(by("Syria").every((p) => p.country === "SYR")).toBe(true);
    expect(by("Syria").length).toBeGreaterThanOrEqual(4);
    expect(by("Afghanistan").map((p) => p.country)).toEqual(["AFG"]);
    // "Iraq and the United States launched ..." is the actor, not a place
    expect(places.some((p) => p.start === 0)).toBe(false);
    expect(places.some((p) => p.country === "ALB")).toBe(false);
  });
});

describe("places: headlines", () => {
  it("a Title Case headline still yields its places", () => {
    const places = run("Drone Strike Kills Three In Eastern Baghdad\n\nA drone struck a headquarters on Thursday.");
    const p = find(places, "Eastern Baghdad");
    expect(p?.country).toBe("IRQ");
    expect(p?.relation).toBe("part");
  });
});

describe("places: notes", () => {
  it("an unknown name after 'in' is a note, not an error or a place", () => {
    const d0 = createDoc({ text: "Gunmen killed 20 people in Zorgholand on Sunday." });
    const doc: Doc = { ...d0, layers: { ...segment.run(d0), mentions: [] } };
    const out = createPlacesStage(resources).run(doc);
    expect(out.places).toEqual([]);
    expect(out.notes?.map((n) => n.message)).toEqual(['unknown place name "Zorgholand" (not in the gazetteer)']);
  });
});

describe("places: pathological input", () => {
  it("finishes on long repeated and capitalised input", () => {
    const inputs = [
      "A".repeat(100_000),
      "Al-".repeat(20_000) + "Tanf",
      "Baghdad ".repeat(10_000),
      "in ".repeat(30_000) + "Mosul",
      "((((".repeat(10_000),
    ];
    for (const text of inputs) {
      run(text);
    }
  });
});
