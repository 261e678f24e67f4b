import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Place } from "../model/annotations.js";
import { SHARED_BENCH_DIR } from "../runtime/paths.js";
import { placesGeocoder } from "./geowebnews-run.js";
import { readGeoWebNews, scoreGeoWebNews, scoreGeoWebNewsArticles, type GwnArticle } from "./geowebnews.js";

const place = (start: number, end: number, lat: number, lon: number, name = "x"): Place => ({
  id: name,
  name,
  country: null,
  lat,
  lon,
  precision: "city",
  text: name,
  start,
  end,
  rule: "test:place",
});

const text = "Paris and Lyon and Syrian troops and Nice.";
const article: GwnArticle = {
  id: "t1",
  text,
  toponyms: [
    { name: "Paris", type: "Literal", start: 0, end: 5, lat: 48.85, lon: 2.35, geonameId: 2988507 },
    { name: "Lyon", type: "Literal", start: 10, end: 14, lat: 45.75, lon: 4.85, geonameId: 2996944 },
    { name: "Syrian", type: "Non_Literal_Modifier", start: 19, end: 25, lat: 35, lon: 38, geonameId: 163843 },
    { name: "troops", type: "Non_Lit_Expression", start: 26, end: 32, lat: null, lon: null, geonameId: null },
    { name: "Nice", type: "Homonym", start: 37, end: 41, lat: null, lon: null, geonameId: null },
  ],
};

describe("GeoWebNews scorer", () => {
  it("counts overlap matches, ignores neutral types and measures distance", () => {
    const s = scoreGeoWebNewsArticles([article], () => [
      place(0, 5, 48.85, 2.35, "Paris"), // exact
      place(10, 14, 40.0, -3.7, "Lyon"), // found, but ~1000 km off
      place(19, 25, 35, 38, "Syria"), // neutral: neither hit nor false positive
      place(26, 32, 0, 0, "troops"), // an expression word: false positive
    ]);
    expect(s.gold).toBe(2);
    expect(s.tp).toBe(2);
    expect(s.predicted).toBe(3);
    expect(s.precision).toBeCloseTo(2 / 3, 3);
    expect(s.recall).toBe(1);
    expect(s.accuracyAt161km).toBe(0.5);
    expect(s.meanErrorKm).toBeGreaterThan(400);
    expect(s.falsePositives.length).toBe(1);
  });

  it("pairs one prediction with one gold toponym", () => {
    const s = scoreGeoWebNewsArticles([article], () => [place(0, 3, 48.85, 2.35), place(2, 5, 48.85, 2.35)]);
    expect(s.tp).toBe(1);
    expect(s.predicted).toBe(2);
    expect(s.misses).toEqual(["t1\tLyon\tLiteral"]);
  });

  it("scores nothing found as zero recall, not an error", () => {
    const s = scoreGeoWebNewsArticles([article], () => []);
    expect(s.recall).toBe(0);
    expect(s.precision).toBe(0);
    expect(s.f1).toBe(0);
  });
});

const gwn = join(SHARED_BENCH_DIR, "geo", "GWN.xml");
describe.skipIf(!existsSync(gwn))("GeoWebNews gold (shared bench)", () => {
  it("reads 200 articles whose offsets point at the toponyms", () => {
    const articles = readGeoWebNews(SHARED_BENCH_DIR);
    expect(articles.length).toBe(200);
    let total = 0;
    let aligned = 0;
    for (const a of articles)
      for (const t of a.toponyms) {
        total++;
        if (a.text.slice(t.start, t.end) === t.name) aligned++;
      }
    expect(total).toBeGreaterThan(6000);
    expect(aligned / total).toBeGreaterThan(0.99);
  });

  it("the places stage keeps its measured level (regression floor)", () => {
    const s = scoreGeoWebNews(SHARED_BENCH_DIR, placesGeocoder());
    // Measured 2026-11-27 (with the actors stage of that day): P 0.978, R 0.489, acc@161km 0.899.
    // Floors leave room for small trade-offs.
    expect(s.precision).toBeGreaterThan(0.93);
    expect(s.recall).toBeGreaterThan(0.44);
    expect(s.accuracyAt161km).toBeGreaterThan(0.8);
  });
});
