import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadActorsResources } from "./load-actors.js";
import { DATA_DIR } from "./paths.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function copyWith(file: string, edit: (text: string) => string): string {
  dir = mkdtempSync(join(tmpdir(), "sitrep-actors-"));
  cpSync(join(DATA_DIR, "actors"), join(dir, "actors"), { recursive: true });
  const p = join(dir, "actors", file);
  writeFileSync(p, edit(readFileSync(p, "utf8")));
  return dir;
}

describe("load-actors", () => {
  it("loads the project's actor data", () => {
    const r = loadActorsResources(DATA_DIR);
    expect(r.actors.length).toBeGreaterThan(400);
    expect(r.generated.length).toBeGreaterThan(10_000);
    expect(r.countries.find((c) => c.iso3 === "USA")?.capitals).toContain("Washington");
    expect(r.actors.find((a) => a.id === "sudani")?.roles[0]).toEqual({
      title: "prime minister",
      country: "IRQ",
      sector: "GOV",
      from: "2022-10-27",
    });
    expect(r.placeNames.get("goma")).toBe("COD");
  });
  it("drops Phoenix rows that hand-made rows replace", () => {
    const r = loadActorsResources(DATA_DIR);
    expect(r.generated.some((l) => l.startsWith("px.hamas\t"))).toBe(false);
  });
  it("rejects a hand-made row with a bad sector, naming file and line", () => {
    const d = copyWith("actors-update.tsv", (t) => t + "bad-row\tperson\tIRQ\tXXX\tSomeone\t\t\t\t\n");
    expect(() => loadActorsResources(d)).toThrow(/actors-update\.tsv:\d+/);
  });
  it("rejects a malformed role", () => {
    const d = copyWith("actors-update.tsv", (t) => t + "bad-role\tperson\tIRQ\tGOV\tSomeone\t\t\tpresident@IRQ/GOV:2020-13..\t\n");
    expect(() => loadActorsResources(d)).toThrow(/bad role/);
  });
  it("rejects a malformed generated row", () => {
    const d = copyWith("phoenix-actors.tsv", (t) => t + "px.broken\tperson\tIRQ\n");
    expect(() => loadActorsResources(d)).toThrow(/phoenix-actors\.tsv:\d+: malformed row/);
  });
  it("rejects an unknown agent flag", () => {
    const d = copyWith("agents.tsv", (t) => t + "warlords\tREB\tbogus\n");
    expect(() => loadActorsResources(d)).toThrow(/agents\.tsv:\d+/);
  });
});
