import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, columns: 100, write: (x: string) => out.push(x) } };
}

describe("progress", () => {
  it("redraws one bar with rate and ETA on a terminal", () => {
    const { out, s } = stream(true);
    const p = createProgress("ingest", s, { intervalMs: 0 });
    p.setTotal(4);
    p.tick();
    p.tick(true);
    p.failure("x.txt: the input is empty");
    p.tick();
    p.tick();
    p.done();
    const text = out.join("");
    expect(text).toMatch(/\ringest \[#+-*\] 50% 2\/4 [\d.]+ docs\/s ETA \d+s 1 failed/);
    expect(text).toMatch(/\ringest \[#{30}\] 100% 4\/4/);
    expect(text).toContain("failed: x.txt: the input is empty\n");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("prints plain lines, not a bar, when not on a terminal", () => {
    const { out, s } = stream(false);
    const p = createProgress("ingest", s, { intervalMs: 0 });
    p.setTotal(2);
    p.failure("not shown live: listed at the end by the command");
    p.tick();
    p.tick();
    p.done();
    expect(out.every((l) => !l.includes("\r") && l.endsWith("\n"))).toBe(true);
    expect(out.join("")).toMatch(/^ingest: 0\/2 \(0%\) .*\ningest: 1\/2 \(50%\) [\d.]+ docs\/s ETA .*\ningest: 2\/2 \(100%\)/);
    expect(out.join("")).not.toContain("not shown live");
  });

  it("stays quiet when asked", () => {
    const { out, s } = stream(true);
    const p = createProgress("ingest", s, { quiet: true });
    p.setTotal(1);
    p.tick();
    p.done();
    expect(out).toEqual([]);
  });
});
