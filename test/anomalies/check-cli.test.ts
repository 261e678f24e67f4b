import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkCommand } from "../../src/cli/commands/check.js";
import { ARTICLES } from "./harness.js";

function capture(): { text: () => string } {
  let out = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  return { text: () => out };
}

afterEach(() => vi.restoreAllMocks());

describe("sitrep check", () => {
  const planted = join(ARTICLES, "planted", "germany-sejm-mismatch.txt");
  const clean = join(ARTICLES, "clean", "austria-gas.txt");

  it("prints only the anomalies, with line:column and suggestion, and exits 0", async () => {
    const out = capture();
    expect(await checkCommand.run([planted])).toBe(0);
    expect(out.text()).toMatch(/^1 anomaly:\n1:\d+ +institution-mismatch "Sejm" -> Bundestag/);
    expect(out.text()).not.toMatch(/CONSULT|AGREE|ASSAULT/);
  });

  it("prints JSON with --format json", async () => {
    const out = capture();
    await checkCommand.run([planted, "--format", "json"]);
    const json = JSON.parse(out.text()) as { anomalies: { kind: string; suggestion?: string }[] };
    expect(json.anomalies.map((a) => [a.kind, a.suggestion])).toEqual([["institution-mismatch", "Bundestag"]]);
  });

  it("exits 1 with --fail-on-anomaly only when something is found", async () => {
    capture();
    expect(await checkCommand.run([planted, "--fail-on-anomaly"])).toBe(1);
    expect(await checkCommand.run([clean, "--fail-on-anomaly"])).toBe(0);
  });

  it("says so when nothing is found, and rejects bad options", async () => {
    const out = capture();
    await checkCommand.run([clean]);
    expect(out.text()).toBe("No anomalies found.\n");
    expect(() => checkCommand.run([clean, "--format", "xml"])).toThrow(/--format/);
    expect(() => checkCommand.run([clean, "--published", "2024-13-45"])).toThrow(/--published/);
  });
});
