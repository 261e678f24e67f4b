import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gazetteerToData } from "../stages/places/gazetteer.js";
import { createExtractor } from "./extractor.js";
import { loadEventsResources } from "./load-events.js";
import { loadPlacesResources } from "./load-places.js";
import { DATA_DIR, PROJECT_ROOT } from "./paths.js";
import type { ResourceCacheOptions } from "./resource-cache.js";

const tmp = mkdtempSync(join(tmpdir(), "sitrep-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const off: ResourceCacheOptions = { mode: "off" };

describe("resource cache", () => {
  const dir = join(tmp, "cache");
  const write: ResourceCacheOptions = { mode: "write", dir };
  const use: ResourceCacheOptions = { mode: "use", dir };

  it("reads back what was loaded from the sources", () => {
    const places = loadPlacesResources(DATA_DIR, write);
    const events = loadEventsResources(DATA_DIR, write);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^events-\w+\.json$/), expect.stringMatching(/^places-\w+\.json$/)]);
    const cachedPlaces = loadPlacesResources(DATA_DIR, use).gazetteer;
    const g = places.gazetteer;
    for (const key of ["baghdad", "iraq", "us", "gaza", "anbar province", "el fasher", "washington", "no such place"])
      expect(cachedPlaces.lookup(key)).toStrictEqual(g.lookup(key));
    expect(cachedPlaces.lookup("baghdad")).toBe(cachedPlaces.lookup("baghdad"));
    expect(cachedPlaces.countries).toStrictEqual(g.countries);
    expect(cachedPlaces.countries.get("IRQ")).toBe(cachedPlaces.lookup("iraq")?.[0].entry);
    expect(gazetteerToData(cachedPlaces)).toStrictEqual(gazetteerToData(g));
    expect({ ...cachedPlaces, lookup: null }).toStrictEqual({ ...g, lookup: null });
    expect(loadEventsResources(DATA_DIR, use)).toStrictEqual(events);
  });

  it("gives the same extractions as the sources", () => {
    const fresh = createExtractor({ resourceCache: off });
    const cached = createExtractor({ resourceCache: use });
    const golden = join(PROJECT_ROOT, "test", "golden");
    const texts = readdirSync(golden, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(golden, d.name))
          .filter((f) => f === "input.txt")
          .map((f) => join(golden, d.name, f)),
      );
    const dev = join(PROJECT_ROOT, "test", "articles", "dev");
    texts.push(
      ...readdirSync(dev)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .slice(0, 20)
        .map((f) => join(dev, f)),
    );
    expect(texts.length).toBeGreaterThan(10);
    for (const path of texts) {
      const input = { text: readFileSync(path, "utf8"), published: "2024-01-28" };
      expect(JSON.stringify(cached.extract(input))).toBe(JSON.stringify(fresh.extract(input)));
    }
  });

  it("is not read when a data file changed, nor when it is unreadable", () => {
    const data = join(tmp, "data");
    cpSync(join(DATA_DIR, "places"), join(data, "places"), { recursive: true });
    const own: ResourceCacheOptions = { mode: "write", dir: join(tmp, "cache2") };
    expect(loadPlacesResources(data, own).gazetteer.lookup("freedonia")).toBeUndefined();
    const countries = join(data, "places", "countries.tsv");
    writeFileSync(countries, readFileSync(countries, "utf8").replace(/^(IRQ\tIQ\tIraq\t[^\t]*\t[^\t]*\t)/m, "$1Freedonia"));
    const changed = loadPlacesResources(data, { mode: "use", dir: own.dir });
    expect(changed.gazetteer.lookup("freedonia")?.[0].entry.id).toBe("country:IRQ");
    // Any file of the directory counts, also one no loader reads (yet).
    const cached = (): string[] => readdirSync(own.dir!);
    loadPlacesResources(data, own);
    const before = cached();
    writeFileSync(join(data, "places", "notes.txt"), "x");
    loadPlacesResources(data, own);
    expect(cached()).toHaveLength(1);
    expect(cached()).not.toEqual(before);
    // A corrupt file under the new name is ignored too.
    loadPlacesResources(data, own);
    const [file] = readdirSync(own.dir!);
    writeFileSync(join(own.dir!, file), "{ not json");
    expect(loadPlacesResources(data, { mode: "use", dir: own.dir }).gazetteer.lookup("freedonia")?.[0].entry.id).toBe("country:IRQ");
  });
});
