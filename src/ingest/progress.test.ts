import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, columns: 100, write: (x: string) => out.push(x) } };
}

describe("progress", () => {
  it("redraws one bar with rate and ETA on a terminal", () => {
    const { out, s } = stream(true);
    let t = 0;
    const p = createProgress("ingest", s, { intervalMs: 0, now: () => t });
    p.setTotal(4);
    t = 1000;
    p.tick();
    t = 2000;
    p.tick(true);
    p.failure("x.txt: the input is empty");
    t = 3000;
    p.tick();
    t = 4000;
    p.tick();
    p.done();
    const text = out.join("");
    // 2 documents in 2 s: 1.0 docs/s, 2 left: ETA 2 s.
    expect(text).toMatch(/\ringest \[#{15}-{15}\] 50% 2\/4 1\.0 docs\/s ETA 2s 1 failed/);
    expect(text).toMatch(/\ringest \[#{30}\] 100% 4\/4/);
    expect(text).toContain("failed: x.txt: the input is empty\n");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("prints plain lines, not a bar, when not on a terminal", () => {
    const { out, s } = stream(false);
    let t = 0;
    const p = createProgress("ingest", s, { intervalMs: 0, now: () => t });
    p.setTotal(2);
    p.failure("not shown live: listed at the end by the command");
    t = 500;
    p.tick();
    t = 1000;
    p.tick();
    p.done();
    expect(out.every((l) => !l.includes("\r") && l.endsWith("\n"))).toBe(true);
    expect(out.join("")).toMatch(/^ingest: 0\/2 \(0%\) .*\ningest: 1\/2 \(50%\) 2\.0 docs\/s ETA 1s\ningest: 2\/2 \(100%\)/);
    expect(out.join("")).not.toContain("not shown live");
  });

  it("shows a provisional total without an ETA while inputs are still being read", () => {
    const { out, s } = stream(false);
    let t = 0;
    const p = createProgress("ingest", s, { intervalMs: 0, now: () => t });
    p.setTotal(3, false);
    t = 1000;
    p.tick();
    p.setTotal(5, true);
    const text = out.join("");
    expect(text).toMatch(/ingest: 1\/3\+ \(33%\) 1\.0 docs\/s ETA \?/);
    expect(text).toMatch(/ingest: 1\/5 \(20%\) 1\.0 docs\/s ETA 4s/);
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
