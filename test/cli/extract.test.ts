import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExtractionSchema } from "../../src/model/schema.js";
import { PROJECT_ROOT } from "../../src/runtime/paths.js";

const tmp = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
function sitrep(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src", "cli", "main.ts"), ...args], {
    input,
    encoding: "utf8",
    cwd: PROJECT_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe("sitrep extract", () => {
  it("prints a schema-valid extraction for a file", () => {
    const r = sitrep(["extract", file("a.txt", "Iraq and the United States began talks on Saturday."), "--published", "2024-01-28"]);
    expect(r.code).toBe(0);
    const x = ExtractionSchema.parse(JSON.parse(r.stdout));
    expect(x.document.published).toEqual({ value: "2024-01-28", source: "argument" });
    expect(x.sentences).toHaveLength(1);
  });

  it("reads standard input and prints a table", () => {
    const r = sitrep(["extract", "-", "--format", "table"], "BAGHDAD, Jan. 5, 2024 -- Talks began.");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Published: 2024-01-05 \(dateline\)/);
  });

  it.each([
    ["empty", "", /empty/],
    ["whitespace", "  \n\t ", /no text/],
    ["binary", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff]), /binary/],
    ["latin1", Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6e, 0x20, 0x66, 0x69, 0x72, 0x65]), /UTF-8/],
  ])("exits 2 with a clear message on %s input", (name, content, message) => {
    const r = sitrep(["extract", file(`${name}.bin`, content)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("exits 2 on a missing file, a directory, a bad date and a bad format", () => {
    expect(sitrep(["extract", join(tmp, "nope.txt")]).stderr).toMatch(/cannot be read \(ENOENT\)/);
    expect(sitrep(["extract", tmp]).code).toBe(2);
    const ok = file("ok.txt", "Talks began.");
    expect(sitrep(["extract", ok, "--published", "2024-02-30"]).code).toBe(2);
    expect(sitrep(["extract", ok, "--format", "xml"]).code).toBe(2);
    expect(sitrep(["extract"]).code).toBe(2);
  });

  it("processes a JSONL corpus line by line, keeping ids and reporting bad lines", () => {
    const lines = [
      JSON.stringify({ id: "a", text: "Iraq and Iran held talks.", published: "2024-01-02" }),
      "{not json",
      JSON.stringify({ id: 7, text: "" }),
      "",
      JSON.stringify({ id: "b", text: "Militias attacked a base.", published: "2024-13-01" }),
      JSON.stringify({ text: "No id here." }),
    ].join("\n");
    const r = sitrep(["extract", "--jsonl", "-"], lines);
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    expect(out[0].id).toBe("a");
    expect(ExtractionSchema.safeParse(out[0]).success).toBe(true);
    expect(out[1]).toEqual({ line: 2, error: "line is not valid JSON" });
    expect(out[2]).toMatchObject({ id: 7, line: 3 });
    expect(out[3]).toMatchObject({ id: "b", line: 5 });
    expect(out[4].sentences).toBeDefined();
  });
});
