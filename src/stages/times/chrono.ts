import { createRequire } from "node:module";
import type * as ChronoEn from "chrono-node/en";
import type { Candidate } from "./recognise.js";

/**
 * chrono-node's English locale (only it: the whole package loads every locale, ~95 ms), loaded on first
 * use: most texts have no numeric date, and loading it takes ~70 ms of `sitrep extract`'s start-up.
 */
let chrono: typeof ChronoEn | undefined;
function en(): typeof ChronoEn {
  chrono ??= createRequire(import.meta.url)("chrono-node/en") as typeof ChronoEn;
  return chrono;
}

/**
 * chrono-node as a second source, for formats our grammar does not cover (numeric dates
 * such as "5/12/2023" or "12.05.2023", with or without a clock time). Measured pitfalls
 * make it unsafe as the first source on news text: it reads "On 13 January, 88" as 1988,
 * "from 5,200" as 5 o'clock and turns "more than 20 years" into a date. So it runs only
 * on a short window around a numeric-date cue (a whole-text or per-sentence run costs
 * 0.5-4 ms per article), its result must cover the cue, only components chrono says were
 * stated are kept, and our own candidates win any overlap.
 */

const CUE = /\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b/g;
const WINDOW = 40;
/** A fixed instant: chrono needs a reference, but only stated components are used. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

export function chronoCandidates(text: string, own: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = -1;
  while ((m = CUE.exec(text)) !== null) {
    const cueStart = m.index;
    const cueEnd = m.index + m[0].length;
    if (cueStart < lastEnd) continue;
    if (own.some((c) => c.start < cueEnd && cueStart < c.end)) continue;
    const from = Math.max(0, cueStart - WINDOW);
    const window = text.slice(from, Math.min(text.length, cueEnd + WINDOW));
    const results = en().strict.parse(window, REFERENCE);
    for (const r of results) {
      const start = from + r.index;
      const end = start + r.text.length;
      if (!(start <= cueStart && end >= cueEnd)) continue;
      const s = r.start;
      if (!s.isCertain("month") || !s.isCertain("day")) continue;
      const c: Candidate = { start, end, rule: "chrono", kind: "date", m: s.get("month") ?? undefined, d: s.get("day") ?? undefined };
      if (s.isCertain("year")) {
        c.y = s.get("year") ?? undefined;
        c.explicitYear = true;
      }
      if (s.isCertain("hour") && /\d[:.]\d\d|\d\s?[ap]\.?m\b|o'clock/i.test(r.text)) {
        c.clock = `${String(s.get("hour")).padStart(2, "0")}:${String(s.get("minute") ?? 0).padStart(2, "0")}`;
      }
      out.push(c);
      lastEnd = end;
    }
  }
  return out;
}
