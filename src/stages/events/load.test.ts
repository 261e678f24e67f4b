import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEventsResources } from "../../runtime/load-events.js";
import { DATA_DIR } from "../../runtime/paths.js";

/** The events data files load, and a broken one fails with the file and the entry named. */
let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function brokenCopy(file: string, edit: (json: Record<string, unknown>) => void): string {
  dir = mkdtempSync(join(tmpdir(), "sitrep-events-"));
  cpSync(join(DATA_DIR, "events"), join(dir, "events"), { recursive: true });
  const path = join(dir, "events", file);
  const json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
  return dir;
}

describe("events data", () => {
  it("loads the shipped files", () => {
    const r = loadEventsResources(DATA_DIR);
    expect(r.plover.types).toHaveLength(16);
    expect(Object.keys(r.cameo.codes).length).toBeGreaterThan(250);
    expect(r.verbs.verbs.length).toBeGreaterThan(1000);
    expect(r.cameo.codes["190"].type).toBe("ASSAULT");
    expect(r.cameo.codes["020"].type).toBe("REQUEST");
    expect(r.cameo.codes["010"].type).toBeNull();
  });

  it("rejects an unknown PLOVER type with the file named", () => {
    const d = brokenCopy("nouns.json", (j) => {
      (j.nouns as Record<string, unknown>[])[0].type = "FIGHT";
    });
    expect(() => loadEventsResources(d)).toThrow(/nouns\.json/);
  });

  it("rejects a CAMEO code that cameo.json does not know", () => {
    const d = brokenCopy("phrases.json", (j) => {
      (j.phrases as Record<string, unknown>[]).push({ verb: "frobnicate", type: "ASSAULT", cameo: "999" });
    });
    expect(() => loadEventsResources(d)).toThrow(/CAMEO code 999/);
  });

  it("rejects a mode that is not a mode of the type", () => {
    const d = brokenCopy("phrases.json", (j) => {
      (j.phrases as Record<string, unknown>[]).push({ verb: "frobnicate", type: "PROTEST", mode: "drone", cameo: "141" });
    });
    expect(() => loadEventsResources(d)).toThrow(/mode "drone"/);
  });
});
