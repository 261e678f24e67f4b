import { describe, expect, it } from "vitest";
import { clusterEvents, compareEvents, dateInterval, summarizeCluster, type MergeActor, type MergeCandidate } from "./merge.js";

const usa: MergeActor = { role: "source", entityId: "USA", name: "United States", country: "USA", sector: "MIL" };
const nujaba: MergeActor = { role: "target", entityId: "nujaba", name: "Harakat al-Nujaba", country: "IRQ", sector: "REB" };
const pmf: MergeActor = { role: "target", entityId: null, name: "Popular Mobilization Forces", country: "IRQ", sector: "REB" };
const baghdad = { id: "place:baghdad", name: "Baghdad", country: "IRQ", lat: 33.34, lon: 44.4, precision: "city" };
const basra = { id: "place:basra", name: "Basra", country: "IRQ", lat: 30.5, lon: 47.78, precision: "city" };

function ev(over: Partial<MergeCandidate> & Pick<MergeCandidate, "id" | "docId">): MergeCandidate {
  return {
    localId: over.id.split(":")[1] ?? "e1",
    published: "2024-01-04",
    outlet: null,
    type: "ASSAULT",
    mode: null,
    cameo: "19",
    acled: "Explosions/Remote violence",
    date: "2024-01-04",
    datePrecision: "day",
    dateBasis: "explicit",
    dateStart: "2024-01-04",
    dateEnd: "2024-01-04",
    place: baghdad,
    actors: [usa, nujaba],
    killed: null,
    killedMax: null,
    injured: null,
    injuredMax: null,
    modality: "asserted",
    historical: false,
    confidence: 0.8,
    evidence: "A drone strike hit a militia headquarters in Baghdad.",
    ...over,
  };
}

describe("dateInterval", () => {
  it("covers the days of the stated precision", () => {
    expect(dateInterval("2024-01-04", "day")).toEqual({ start: "2024-01-04", end: "2024-01-04" });
    expect(dateInterval("2024-02", "month")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(dateInterval("2023", "year")).toEqual({ start: "2023-01-01", end: "2023-12-31" });
    expect(dateInterval("2024-W05", "week")).toEqual({ start: "2024-01-29", end: "2024-02-04" });
    expect(dateInterval("PXY", null)).toBeNull();
    expect(dateInterval("2024-13", "month")).toBeNull();
  });
});

describe("merging reports of one strike", () => {
  const reports = [
    ev({ id: "d1:e1", docId: "d1", outlet: "Tigris Post", killed: 2, mode: "drone" }),
    ev({
      id: "d2:e3",
      docId: "d2",
      outlet: "Levant Wire",
      killed: 3,
      mode: "airstrike",
      actors: [usa, pmf],
      evidence: "Three people were killed when an American drone fired on a militia building.",
    }),
    ev({
      id: "d3:e2",
      docId: "d3",
      outlet: "Gulf Observer",
      published: "2024-01-05",
      killed: 2,
      // Reported a day later, dated only by the publication date.
      date: "2024-01-05",
      dateBasis: "publication",
      dateStart: "2024-01-03",
      dateEnd: "2024-01-05",
      place: { ...baghdad, id: "place:baghdad-east", name: "eastern Baghdad", lat: 33.33, lon: 44.45, precision: "district" },
    }),
  ];

  it("gives one event with three sources and the range of tolls", () => {
    const clusters = clusterEvents(reports);
    expect(clusters).toHaveLength(1);
    const s = summarizeCluster(clusters[0]);
    expect(s.sourceCount).toBe(3);
    expect(s.mentionCount).toBe(3);
    expect(s.killed).toMatchObject({ min: 2, max: 3 });
    expect(s.killed!.reports.map((r) => [r.outlet, r.value])).toEqual([
      ["Tigris Post", 2],
      ["Levant Wire", 3],
      ["Gulf Observer", 2],
    ]);
    expect(s.firstReport).toBe("2024-01-04");
    expect(s.lastReport).toBe("2024-01-05");
    // The most precise place wins; the explicit date wins over the publication fallback.
    expect(s.place?.name).toBe("eastern Baghdad");
    expect(s.date).toBe("2024-01-04");
  });

  it("does not depend on input order and gives stable ids", () => {
    const a = clusterEvents(reports);
    const b = clusterEvents([...reports].reverse());
    expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
    expect(a[0].id).toMatch(/^ev_[0-9a-f]{16}$/);
    // Named after the earliest report.
    expect(a[0].members[0].event.id).toBe("d1:e1");
  });

  it("explains which features matched", () => {
    const r = compareEvents(reports[0], reports[1]);
    expect(r.compatible).toBe(true);
    expect(r.features.type.match).toBe("partial");
    expect(r.features.date.match).toBe("yes");
    expect(r.features.place.match).toBe("yes");
    expect(r.features.actors.match).toBe("yes");
  });

  it("keeps the members apart once a user split them", () => {
    const split = new Set(["d1:e1|d2:e3"]);
    const clusters = clusterEvents(reports, (a, b) => split.has(a < b ? `${a}|${b}` : `${b}|${a}`));
    expect(clusters.length).toBe(2);
  });
});

describe("joining through the best-matching report", () => {
  it("lets a report without actors join through a report that has the place, and explains it", () => {
    const a = ev({ id: "d1:e1", docId: "d1", outlet: "A" });
    const b = ev({ id: "d2:e1", docId: "d2", outlet: "B", place: null });
    const c = ev({ id: "d3:e1", docId: "d3", outlet: "C", actors: [] });
    // b and c alone cannot confirm each other (no place in b, no actors in c) but do not conflict.
    expect(compareEvents(b, c)).toMatchObject({ compatible: false, conflict: false });
    const clusters = clusterEvents([a, b, c]);
    expect(clusters).toHaveLength(1);
    const viaC = clusters[0].members.find((m) => m.event.id === "d3:e1")!;
    expect(viaC.features.matched.detail).toBe("d1:e1 (A)");
    expect(viaC.features.place.match).toBe("yes");
  });
});

describe("keeping different events apart", () => {
  it("two strikes on the same day in different cities stay two events", () => {
    const clusters = clusterEvents([
      ev({ id: "d1:e1", docId: "d1" }),
      ev({ id: "d2:e1", docId: "d2", place: basra, evidence: "A rocket hit a base near Basra." }),
    ]);
    expect(clusters).toHaveLength(2);
    expect(compareEvents(ev({ id: "d1:e1", docId: "d1" }), ev({ id: "d2:e1", docId: "d2", place: basra })).reason).toMatch(
      /^place: .*km apart/,
    );
  });

  it("separates different dates, types, countries, actors and modalities", () => {
    const base = ev({ id: "d1:e1", docId: "d1" });
    const cases: [string, Partial<MergeCandidate>, RegExp][] = [
      ["a week later", { date: "2024-01-11", dateStart: "2024-01-11", dateEnd: "2024-01-11" }, /^date/],
      ["another type", { type: "PROTEST", cameo: "14" }, /^type/],
      [
        "another country",
        { place: { id: "place:amman", name: "Amman", country: "JOR", lat: 31.95, lon: 35.93, precision: "city" } },
        /^place/,
      ],
      [
        "different perpetrators",
        {
          actors: [
            { role: "source", entityId: "TUR", name: "Turkey", country: "TUR", sector: "MIL" },
            { role: "target", entityId: "pkk", name: "PKK", country: "TUR", sector: "REB" },
          ],
        },
        /^actors/,
      ],
      ["a threat, not an attack", { modality: "future" }, /^modality/],
    ];
    for (const [label, over, reason] of cases) {
      const other = ev({ id: "d2:e1", docId: "d2", ...over });
      const r = compareEvents(base, other);
      expect(r.compatible, label).toBe(false);
      expect(r.reason, label).toMatch(reason);
      expect(clusterEvents([base, other]), label).toHaveLength(2);
    }
  });

  it("tolerates unidentified or different participants when the place and day agree", () => {
    const a = ev({ id: "d1:e1", docId: "d1", actors: [{ role: "target", entityId: null, name: "people", country: null, sector: "CVL" }] });
    const b = ev({
      id: "d2:e1",
      docId: "d2",
      actors: [{ role: "source", entityId: null, name: "a commander", country: null, sector: null }],
    });
    expect(compareEvents(a, b).features.actors.match).toBe("neutral");
    expect(compareEvents(a, b).compatible).toBe(true);
    // One report names the victims (US troops), the other the host country: no common actor, no conflicting perpetrator.
    const c = ev({
      id: "d3:e1",
      docId: "d3",
      actors: [{ role: "target", entityId: "JOR", name: "Jordan", country: "JOR", sector: "GOV" }],
    });
    const d = ev({
      id: "d4:e1",
      docId: "d4",
      actors: [{ role: "target", entityId: "USA", name: "US soldiers", country: "USA", sector: "MIL" }],
    });
    expect(compareEvents(c, d).features.actors.match).toBe("weak");
    expect(compareEvents(c, d).compatible).toBe(true);
    // ... but not when the place does not confirm it either.
    expect(compareEvents({ ...c, place: null }, { ...d, place: null }).compatible).toBe(false);
  });

  it("needs a place or an actor to confirm a match", () => {
    const a = ev({ id: "d1:e1", docId: "d1", place: null, actors: [] });
    const b = ev({ id: "d2:e1", docId: "d2", place: null, actors: [] });
    expect(compareEvents(a, b).compatible).toBe(false);
    expect(clusterEvents([a, b])).toHaveLength(2);
  });

  it("does not chain: an event must match every member of the cluster", () => {
    // b is 20 km from a and from c, but a and c are 40 km apart.
    const a = ev({ id: "d1:e1", docId: "d1", place: { ...baghdad, id: "p:a", name: "A", lat: 33.0, lon: 44.0 } });
    const b = ev({ id: "d2:e1", docId: "d2", place: { ...baghdad, id: "p:b", name: "B", lat: 33.18, lon: 44.0 } });
    const c = ev({ id: "d3:e1", docId: "d3", place: { ...baghdad, id: "p:c", name: "C", lat: 33.36, lon: 44.0 } });
    const clusters = clusterEvents([a, b, c]);
    expect(clusters).toHaveLength(2);
    expect(clusters.flatMap((k) => k.members).length).toBe(3);
  });

  it("merges events dated only to a month or a year only with the same place and actors", () => {
    const month = { date: "2024-01", datePrecision: "month", dateStart: "2024-01-01", dateEnd: "2024-01-31" };
    const a = ev({ id: "d1:e1", docId: "d1", ...month });
    const sameEverything = ev({ id: "d2:e1", docId: "d2" });
    expect(compareEvents(a, sameEverything).compatible).toBe(true);
    const sameCountryOnly = ev({
      id: "d3:e1",
      docId: "d3",
      place: { id: "geo:iraq", name: "Iraq", country: "IRQ", lat: null, lon: null, precision: "country" },
    });
    expect(compareEvents(a, sameCountryOnly).reason).toMatch(/coarser than a week/);
    expect(compareEvents(ev({ id: "d4:e1", docId: "d4" }), sameCountryOnly).compatible).toBe(true);
  });

  it("leaves undated events alone", () => {
    const a = ev({ id: "d1:e1", docId: "d1", date: null, dateStart: null, dateEnd: null });
    const b = ev({ id: "d2:e1", docId: "d2", date: null, dateStart: null, dateEnd: null });
    expect(clusterEvents([a, b])).toHaveLength(2);
  });
});
