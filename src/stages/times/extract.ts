import { lastStartingAtOrBefore } from "../../model/search.js";
import type { Note, Span, TimeExpression, TimeModifier, TimePrecision } from "../../model/annotations.js";
import {
  addDays,
  addMonths,
  addYears,
  dateString,
  diffDays,
  monthString,
  pad,
  parseIsoDate,
  weekday as weekdayOf,
  weekString,
  yearString,
  type Ymd,
} from "./calendar.js";
import { chronoCandidates } from "./chrono.js";
import { positionMod, recognise, type Candidate } from "./recognise.js";

export const TIMES_STAGE = "times.v1";

/**
 * Finds and normalises the time expressions of a text.
 *
 * - Candidates come from our grammar (recognise.ts) and, for formats it does not cover
 *   (numeric dates like 5/12/2023 or 30.01.2024, with a clock time), from chrono-node,
 *   filtered and normalised by us (chrono.ts explains why chrono is not the first source).
 * - Overlaps are settled longest-first; then modifiers ("early", "the end of") widen a
 *   span and signals ("since", "by", "until", "before", "after") set `modifier` (a signal
 *   wins over a position: "by the end of March" is modifier "by"); adjacent pieces are
 *   joined ("Sunday, January 28", "10:30 pm on Jan. 3", "the morning of April 19").
 * - Values are computed in document order. A year-less date ("January 4", "in August",
 *   "the summer") takes its year from: a month-year right after it ("April and June
 *   1955"); in a narrative (>= 6 stated years, at least one from before the publication
 *   date, and hardly any deixis such as "yesterday" or "on Sunday") the year in context;
 *   in news, an explicit year in the same or previous sentence; else the publication
 *   year, or the year before when the date would fall more than 45 days after
 *   publication and the clause does not speak of the future.
 * - Weekdays resolve to the past occurrence unless a future cue ("will", "next",
 *   "scheduled") stands in the same clause; "the next day", "three days later" count
 *   from the last day named (or the publication date).
 * - Without a publication date, expressions that need one get TIMEX placeholders
 *   ("XXXX-01-04", "XXXX-XX-XX", "XXXX-WXX-7") and the stage adds a note for each;
 *   fully stated ones keep their value.
 * - Vague references get TIMEX reference values: "now", "currently" -> PRESENT_REF,
 *   "recently" -> PAST_REF, "the future" -> FUTURE_REF (precision null). Sets: "every
 *   week" -> P1W, "daily" -> XXXX-XX-XX (type "set").
 */
export function extractTimes(
  text: string,
  sentences: readonly Span[],
  published: string | null,
): { times: TimeExpression[]; notes: Note[] } {
  const dct = parseIsoDate(published);
  const raw = recognise(text);
  const chosen = select(text, [...raw, ...chronoCandidates(text, raw)]);
  applyModifiers(text, chosen);
  const merged = mergeAdjacent(text, chosen);
  return resolveAll(text, sentences, dct, merged);
}

// ---------------------------------------------------------------- selection

const RULE_RANK: Readonly<Record<string, number>> = { chrono: -1, "part-of-day": 0, reference: 0, "vague-duration": 0 };

function select(text: string, cands: Candidate[]): Candidate[] {
  const sorted = cands
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || (RULE_RANK[b.rule] ?? 1) - (RULE_RANK[a.rule] ?? 1) || a.start - b.start);
  const used = new Uint8Array(text.length + 1);
  const out: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (used[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) used[i] = 1;
    out.push({ ...c });
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- modifiers and signals

const POSITION_PREFIX =
  /(?:\b(early|late|mid|middle)[\s-]{1,2}(?:in\s+)?|\b(?:the\s+|at\s+the\s+)?(end|beginning|start|middle|close|turn|first\s+half|second\s+half|latter\s+part|early\s+part|first\s+days|last\s+days|final\s+days)\s+of\s+(?:the\s+)?)$/i;
const SIGNAL_PREFIX =
  /\b(since|by|before|after|until|till|up\s+until|up\s+to|through|around|about|circa|c\.|approximately|roughly|no\s+later\s+than|not\s+before|prior\s+to|ahead\s+of|following)\s+(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]{1,2})?(?:the\s+)?$/i;

function applyModifiers(text: string, cands: Candidate[]): void {
  let prevEnd = 0;
  for (const c of cands) {
    if (c.kind === "date") {
      const before = text.slice(Math.max(prevEnd, c.start - 40), c.start);
      const pos = POSITION_PREFIX.exec(before);
      if (pos && !c.mod) {
        c.start -= pos[0].length;
        const w = (pos[1] ?? pos[2]).toLowerCase().replace(/\s+/g, " ");
        c.mod =
          w === "early" || w === "beginning" || w === "start" || w === "early part" || w === "first half" || w === "first days"
            ? w === "early" || w === "early part" || w === "first half"
              ? "early"
              : "start"
            : w === "late" || w === "latter part" || w === "second half"
              ? "late"
              : w === "end" || w === "close" || w === "turn" || w === "last days" || w === "final days"
                ? "end"
                : positionMod(w);
      }
      const sig = SIGNAL_PREFIX.exec(text.slice(Math.max(prevEnd, c.start - 40), c.start));
      if (sig) {
        const s = sig[1].toLowerCase().replace(/\s+/g, " ");
        const mod: TimeModifier | undefined =
          s === "since"
            ? "since"
            : s === "by" || s === "no later than"
              ? "by"
              : s === "before" || s === "prior to" || s === "ahead of"
                ? "before"
                : s === "after" || s === "not before" || s === "following"
                  ? "after"
                  : s === "until" || s === "till" || s === "up until" || s === "up to" || s === "through"
                    ? "until"
                    : "approx";
        if (mod !== "approx" || !c.mod) c.mod = mod;
      }
    }
    prevEnd = c.end;
  }
}

// ---------------------------------------------------------------- joining adjacent pieces

function isDayDate(c: Candidate): boolean {
  return (
    c.kind === "date" &&
    c.clock === undefined &&
    ((c.m !== undefined && c.d !== undefined) ||
      (c.rel?.unit === "day" && c.part === undefined) ||
      (c.weekday !== undefined && c.part === undefined))
  );
}

function mergeAdjacent(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    if (prev) {
      const gap = text.slice(prev.end, c.start);
      // "Sunday, January 28" / "Sunday (January 28)": the weekday adds nothing to the value.
      if (
        prev.rule === "weekday" &&
        prev.kind === "date" &&
        prev.part === undefined &&
        c.m !== undefined &&
        c.d !== undefined &&
        /^[\s,(]{1,3}$/.test(gap)
      ) {
        out[out.length - 1] = { ...c, start: prev.start, end: c.end, weekday: undefined };
        continue;
      }
      // "10:30 pm on Jan. 3" / "Jan. 3 at 10:30 pm" / "Sunday at 3 p.m."
      if (
        prev.clock &&
        !prev.m &&
        !prev.rel &&
        prev.weekday === undefined &&
        isDayDate(c) &&
        /^\s{0,2}(?:on\s+|,\s*)?(?:\S{0,3}\s*)?$/.test(gap) &&
        gap.length <= 6
      ) {
        out[out.length - 1] = { ...c, start: prev.start, clock: prev.clock };
        continue;
      }
      if (
        c.clock &&
        !c.m &&
        !c.rel &&
        c.weekday === undefined &&
        c.part === undefined &&
        isDayDate(prev) &&
        /^(?:,?\s{1,2}(?:at\s+|around\s+|about\s+)?|,\s*)$/.test(gap)
      ) {
        out[out.length - 1] = { ...prev, end: c.end, clock: c.clock };
        continue;
      }
      // "the morning of April 19", "the night of 9 November"
      if (prev.rule === "part-of-day" && prev.kind === "date" && !prev.rel && isDayDate(c) && /^\s+of\s+$/.test(gap)) {
        out[out.length - 1] = { ...c, start: prev.start, part: prev.part };
        continue;
      }
      // "April 19 morning" is rare; "January 4 night" likewise: join a bare part of day after a day date.
      if (c.rule === "part-of-day" && c.kind === "date" && !c.rel && isDayDate(prev) && /^\s{1,2}$/.test(gap)) {
        out[out.length - 1] = { ...prev, end: c.end, part: c.part };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------- resolution

interface Context {
  year?: number;
  month?: { y: number; m: number };
  day?: Ymd;
  daySentence?: number;
  explicitYear?: { y: number; sentence: number };
  /** The last month named with its year, kept when a bare year follows. */
  lastMonth?: { y: number; m: number };
}

const OUTLIER_YEARS = 25;

// ("next" only of time: "next week", not "to discuss the next steps".)
const FUTURE_CUE =
  /\b(?:will|shall|next\s+(?:week|weekend|month|year|day|days|few|round|session|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter)|upcoming|scheduled|plans?\s+to|planned|expected\s+to|to\s+be\s+held|going\s+to|due\s+to)\b/i;

function sentenceIndexer(sentences: readonly Span[]): (pos: number) => number {
  return (pos) => Math.max(0, lastStartingAtOrBefore(sentences, pos));
}

function isHistorical(cands: readonly Candidate[], dct: Ymd | null): boolean {
  if (!dct) return true;
  let old = 0;
  let years = 0;
  let deictic = 0;
  for (const c of cands) {
    if (c.explicitYear && c.y !== undefined) {
      years++;
      if (c.y < dct.y - 2) old++;
    }
    if ((c.rel?.base === "dct" && c.kind === "date") || (c.rule === "weekday" && c.kind === "date")) deictic++;
  }
  // A narrative (encyclopaedia, history) states its years and hardly ever says "yesterday" or "on Sunday".
  // News with a background paragraph ("In January 2020 ...") has a few stated years and deictic
  // language; an encyclopaedic narrative states many years (every WikiWars text has >= 8; 6 after overlaps are settled) and almost no deixis.
  return years >= 6 && years >= 8 * deictic && old > 0;
}

interface Resolved {
  value: string;
  precision: TimePrecision | null;
  anchor: "absolute" | "relative";
  /** The calendar point the value names (for context), if any. */
  point?: { y: number; m?: number; d?: number };
  unresolved?: boolean;
}

export function resolveAll(
  text: string,
  sentences: readonly Span[],
  dct: Ymd | null,
  cands: readonly Candidate[],
): { times: TimeExpression[]; notes: Note[] } {
  const sentenceOf = sentenceIndexer(sentences);
  const historical = isHistorical(cands, dct);
  const ctx: Context = {};
  const times: TimeExpression[] = [];
  const notes: Note[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    const si = sentences.length > 0 ? sentenceOf(c.start) : 0;
    const sentence = sentences.length > 0 ? sentences[si] : { start: 0, end: text.length };
    // The future only when a cue is near, in the same clause: "will meet on Monday", "on Monday, talks will".
    const future =
      FUTURE_CUE.test(text.slice(Math.max(sentence.start, c.start - 60), c.start)) ||
      FUTURE_CUE.test(text.slice(c.end, Math.min(sentence.end, c.end + 30)).split(/\bthat\b|[;:]/)[0]);
    const next = cands[i + 1];
    const forwardYear =
      c.y === undefined &&
      (c.m !== undefined || c.season !== undefined) &&
      !c.rel &&
      next &&
      next.explicitYear &&
      next.y !== undefined &&
      (next.m !== undefined || next.season !== undefined) &&
      /^\s{0,2}(?:,|and|or|to|until|till|through|-|–|—)\s{0,2}(?:early\s+|late\s+|mid-?)?$/i.test(text.slice(c.end, next.start))
        ? next.y
        : undefined;
    const r = resolveOne(c, { dct, ctx, historical, sentence: si, future, forwardYear });
    if (!r) continue;
    if (r.unresolved)
      notes.push({
        stage: TIMES_STAGE,
        message: `no publication date: "${text.slice(c.start, c.end)}" left as ${r.value}`,
        start: c.start,
        end: c.end,
      });
    const type = c.kind === "duration" ? "duration" : c.kind === "set" ? "set" : c.clock && c.clock !== "WE" ? "time" : "date";
    const t: TimeExpression = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      rule: `${TIMES_STAGE}:${c.rule}`,
      type,
      value: r.value,
      precision: r.precision,
      ...(c.mod ? { modifier: c.mod } : {}),
      anchor: r.anchor,
    };
    times.push(t);
    // Limits ("until 2011", "since 1991") and asides in brackets do not move the narrative
    // ("by 1940" does: measured on WikiWars).
    const aside =
      c.mod === "until" ||
      c.mod === "before" ||
      c.mod === "since" ||
      /\(\s*$/.test(text.slice(Math.max(0, c.start - 3), c.start)) ||
      // In a narrative, a bare year far from the story's ("declassified in 2005" in an account of 1964) is an aside.
      (historical &&
        r.point !== undefined &&
        r.point.m === undefined &&
        ctx.year !== undefined &&
        Math.abs(r.point.y - ctx.year) > OUTLIER_YEARS);
    if (r.point && !aside) updateContext(ctx, r.point, si, !!c.explicitYear);
    else if (r.point && c.explicitYear && ctx.year === undefined) updateContext(ctx, r.point, si, true);
  }
  return { times, notes };
}

function updateContext(ctx: Context, p: { y: number; m?: number; d?: number }, sentence: number, explicit: boolean): void {
  if (ctx.year !== p.y) {
    if (ctx.month && ctx.month.y !== p.y) ctx.month = undefined;
    if (ctx.day && ctx.day.y !== p.y) ctx.day = undefined;
  }
  ctx.year = p.y;
  if (p.m !== undefined) {
    if (ctx.month && ctx.month.m !== p.m) ctx.day = undefined;
    ctx.month = { y: p.y, m: p.m };
    ctx.lastMonth = ctx.month;
    if (p.d !== undefined) {
      ctx.day = { y: p.y, m: p.m, d: p.d };
      ctx.daySentence = sentence;
    }
  }
  if (explicit) ctx.explicitYear = { y: p.y, sentence };
}

interface Env {
  dct: Ymd | null;
  ctx: Context;
  historical: boolean;
  sentence: number;
  future: boolean;
  /** "In April and June 1955": the year stated just after, for a year-less month before it. */
  forwardYear?: number;
}

const SEASON_MONTH: Readonly<Record<string, number>> = { SP: 4, SU: 7, FA: 10, WI: 1 };

function withPart(value: string, c: Candidate): string {
  if (c.clock && c.clock !== "WE") return `${value}T${c.clock}`;
  if (c.part) return `${value}T${c.part}`;
  return value;
}

function dayPrecision(c: Candidate): TimePrecision {
  if (c.clock && c.clock !== "WE") return c.clock.endsWith(":00") ? "hour" : "minute";
  return "day";
}

/** The year a year-less month (and day) belongs to. */
function governingYear(env: Env, m: number, d: number | undefined): { y: number; fromContext: boolean } | null {
  const { ctx, dct } = env;
  if (env.forwardYear !== undefined) return { y: env.forwardYear, fromContext: true };
  // A narrative: the year in context. (Measured on WikiWars: rolling over to the next year
  // when the month goes backwards, or preferring the last month's year, both scored lower.)
  if (env.historical && ctx.year !== undefined) return { y: ctx.year, fromContext: true };
  if (ctx.explicitYear && ctx.explicitYear.sentence >= env.sentence - 1) return { y: ctx.year ?? ctx.explicitYear.y, fromContext: true };
  if (!dct) return ctx.year !== undefined ? { y: ctx.year, fromContext: true } : null;
  const cand: Ymd = { y: dct.y, m, d: d ?? 1 };
  if (!env.future && diffDays(dct, cand) > 45) return { y: dct.y - 1, fromContext: false };
  if (env.future && diffDays(dct, { y: dct.y, m, d: d ?? 28 }) < -200) return { y: dct.y + 1, fromContext: false };
  return { y: dct.y, fromContext: false };
}

function resolveOne(c: Candidate, env: Env): Resolved | null {
  const { dct, ctx } = env;
  if (c.kind === "duration") return { value: c.duration ?? "PXD", precision: null, anchor: "relative" };
  if (c.kind === "ref") return { value: c.ref ?? "PRESENT_REF", precision: null, anchor: "relative" };
  if (c.kind === "set") {
    if (c.weekday !== undefined) return { value: `XXXX-WXX-${c.weekday === 0 ? 7 : c.weekday}`, precision: "day", anchor: "relative" };
    if (c.part) return { value: `XXXX-XX-XXT${c.part}`, precision: null, anchor: "relative" };
    return { value: setValue(c), precision: null, anchor: "relative" };
  }

  // Decades and centuries are stated in full.
  if (c.decade !== undefined)
    return { value: c.decade < 0 ? `BC${pad(-c.decade, 3)}` : pad(c.decade, 3), precision: "decade", anchor: "absolute" };
  if (c.century !== undefined)
    return {
      value: c.century < 0 || Object.is(c.century, -0) ? `BC${pad(-c.century, 2)}` : pad(c.century, 2),
      precision: "century",
      anchor: "absolute",
    };

  // Fully stated year.
  if (c.y !== undefined) {
    const y = c.y;
    if (c.season) return { value: `${yearString(y)}-${c.season}`, precision: "season", anchor: "absolute", point: { y } };
    if (c.m !== undefined && c.d !== undefined)
      return {
        value: withPart(dateString({ y, m: c.m, d: c.d }), c),
        precision: dayPrecision(c),
        anchor: "absolute",
        point: { y, m: c.m, d: c.d },
      };
    if (c.m !== undefined) return { value: monthString(y, c.m), precision: "month", anchor: "absolute", point: { y, m: c.m } };
    return { value: yearString(y), precision: "year", anchor: "absolute", point: { y } };
  }

  // Offsets from the publication date or from the context.
  if (c.rel) {
    const rel = c.rel;
    let base: Ymd | null;
    // In a historical narrative "this year", "next summer", "two years ago" speak from the narrative's time.
    const fromDct = rel.base === "dct" && !(env.historical && ctx.year !== undefined && rel.unit !== "day" && rel.unit !== "week");
    if (fromDct) base = dct;
    else if (
      (rel.unit === "day" || rel.unit === "week") &&
      !ctx.day &&
      ctx.year !== undefined &&
      c.m === undefined &&
      c.weekday === undefined &&
      c.season === undefined
    ) {
      // "three days later" when the context names only a month or a year: the day is unknown.
      const prefix = ctx.month ? monthString(ctx.month.y, ctx.month.m) : `${yearString(ctx.year)}-XX`;
      return {
        value: rel.unit === "day" ? withPart(`${prefix}-XX`, c) : `${yearString(ctx.year)}-WXX`,
        precision: rel.unit === "day" ? "day" : "week",
        anchor: "relative",
      };
    } else if (rel.unit === "day" || rel.unit === "week") base = ctx.day ?? dct;
    else if (rel.unit === "month") base = ctx.month ? { ...ctx.month, d: 1 } : (ctx.day ?? dct);
    else base = ctx.year !== undefined ? { y: ctx.year, m: ctx.month?.m ?? 1, d: 1 } : dct;
    if (rel.base === "context" && rel.unit === "year" && ctx.year === undefined && !dct) base = null;
    if (!base) return placeholder(c);

    // "on the 20th": a day of the month in context
    if (c.d !== undefined && c.m === undefined) {
      if (!ctx.month) return null;
      const day = { y: ctx.month.y, m: ctx.month.m, d: c.d };
      return { value: dateString(day), precision: "day", anchor: "relative", point: day };
    }
    // In a narrative, "today" or "tomorrow" is the narrative's (usually quoted) day, not the publication's.
    if (env.historical && c.rule === "deictic-day" && ctx.year !== undefined)
      return { value: withPart("XXXX-XX-XX", c), precision: null, anchor: "relative" };

    // "October last year", "January 4 the following year"
    if (c.m !== undefined) {
      const y = addYears(base.y, c.yearOffset ?? 0);
      let yy = y;
      if (c.occurrence !== undefined && c.yearOffset === undefined) {
        if (c.occurrence < 0) yy = c.m < base.m || (c.m === base.m && false) ? base.y : base.y - 1;
        else if (c.occurrence > 0) yy = c.m > base.m ? base.y : base.y + 1;
        else yy = base.y;
      }
      if (c.d !== undefined)
        return { value: dateString({ y: yy, m: c.m, d: c.d }), precision: "day", anchor: "relative", point: { y: yy, m: c.m, d: c.d } };
      return { value: monthString(yy, c.m), precision: "month", anchor: "relative", point: { y: yy, m: c.m } };
    }
    if (c.season) {
      let yy = addYears(base.y, rel.unit === "year" ? rel.n : 0);
      if (c.occurrence !== undefined) {
        const sm = SEASON_MONTH[c.season];
        if (c.occurrence < 0) yy = sm + 2 < base.m ? base.y : base.y - 1;
        else if (c.occurrence > 0) yy = sm > base.m ? base.y : base.y + 1;
      }
      return { value: `${yearString(yy)}-${c.season}`, precision: "season", anchor: "relative", point: { y: yy } };
    }
    if (c.weekday !== undefined) {
      // "last Sunday" / "next Sunday" / "this Sunday"
      const wd = weekdayOf(base);
      let delta: number;
      if (c.occurrence === 1) delta = (c.weekday - wd + 7) % 7 || 7;
      else if (c.occurrence === -1) delta = -((wd - c.weekday + 7) % 7 || 7);
      else delta = env.future ? (c.weekday - wd + 7) % 7 : -((wd - c.weekday + 7) % 7);
      const day = addDays(base, delta);
      return { value: withPart(dateString(day), c), precision: dayPrecision(c), anchor: "relative", point: day };
    }
    switch (rel.unit) {
      case "day": {
        const day = addDays(base, rel.n);
        return { value: withPart(dateString(day), c), precision: c.part ? "day" : dayPrecision(c), anchor: "relative", point: day };
      }
      case "week": {
        const day = addDays(base, 7 * rel.n);
        return { value: weekString(day) + (c.clock === "WE" ? "-WE" : ""), precision: "week", anchor: "relative", point: { y: day.y } };
      }
      case "month": {
        const mo = addMonths({ ...base, d: 1 }, rel.n);
        return { value: monthString(mo.y, mo.m), precision: "month", anchor: "relative", point: { y: mo.y, m: mo.m } };
      }
      case "year": {
        const y = addYears(base.y, rel.n);
        return { value: yearString(y), precision: "year", anchor: "relative", point: { y } };
      }
      case "decade": {
        const dec = base.y < 0 ? -Math.floor(-base.y / 10) + rel.n : Math.floor(base.y / 10) + rel.n;
        return { value: dec < 0 ? `BC${pad(-dec, 3)}` : pad(dec, 3), precision: "decade", anchor: "relative" };
      }
      case "century": {
        const cen = base.y < 0 ? -Math.floor(-base.y / 100) + rel.n : Math.floor(base.y / 100) + rel.n;
        return { value: cen < 0 ? `BC${pad(-cen, 2)}` : pad(cen, 2), precision: "century", anchor: "relative" };
      }
    }
  }

  // Year-less month / month-day / season.
  if (c.m !== undefined || c.season) {
    const m = c.m ?? SEASON_MONTH[c.season!];
    const g = governingYear(env, m, c.d);
    if (!g) return placeholder(c);
    const y = g.y;
    if (c.season) return { value: `${yearString(y)}-${c.season}`, precision: "season", anchor: "relative", point: { y } };
    if (c.d !== undefined)
      return { value: withPart(dateString({ y, m, d: c.d }), c), precision: dayPrecision(c), anchor: "relative", point: { y, m, d: c.d } };
    return { value: monthString(y, m), precision: "month", anchor: "relative", point: { y, m } };
  }

  if (c.weekendNear) {
    if (!dct) return { value: "XXXX-WXX-WE", precision: "week", anchor: "relative", unresolved: true };
    const wd = weekdayOf(dct);
    let day: Ymd;
    if (wd === 0 || wd === 6) day = dct;
    else day = env.future ? addDays(dct, 6 - wd) : addDays(dct, -wd);
    return { value: `${weekString(day)}-WE`, precision: "week", anchor: "relative" };
  }

  // Weekdays: the past occurrence in reports, the next one when the sentence speaks of the future.
  if (c.weekday !== undefined) {
    const base = env.historical && ctx.day && ctx.daySentence !== undefined && ctx.daySentence >= env.sentence - 2 ? ctx.day : dct;
    if (!base) return placeholder(c);
    const wd = weekdayOf(base);
    const delta = env.future ? (c.weekday - wd + 7) % 7 : -((wd - c.weekday + 7) % 7);
    const day = addDays(base, delta);
    return { value: withPart(dateString(day), c), precision: dayPrecision(c), anchor: "relative", point: day };
  }

  // A clock time or part of day alone: the day in focus in this sentence, else unknown.
  if (c.clock || c.part) {
    const reach = env.historical ? 5 : 1;
    const day = ctx.day && ctx.daySentence !== undefined && ctx.daySentence >= env.sentence - reach ? ctx.day : null;
    if (day) return { value: withPart(dateString(day), c), precision: c.clock ? dayPrecision(c) : "day", anchor: "relative" };
    return { value: withPart("XXXX-XX-XX", c), precision: null, anchor: "relative" };
  }
  return null;
}

/** "per day" / "every week" -> P1D / P1W; "daily", "weekly", "monthly", "annually" -> XXXX-XX-XX, XXXX-WXX, XXXX-XX, XXXX. */
function setValue(c: Candidate): string {
  return c.duration ?? "XXXX-XX-XX";
}

/** Without a reference date: keep what is stated, mark the rest with X. */
function placeholder(c: Candidate): Resolved {
  const y = "XXXX";
  if (c.m !== undefined && c.d !== undefined)
    return { value: withPart(`${y}-${pad(c.m, 2)}-${pad(c.d, 2)}`, c), precision: "day", anchor: "relative", unresolved: true };
  if (c.m !== undefined) return { value: `${y}-${pad(c.m, 2)}`, precision: "month", anchor: "relative", unresolved: true };
  if (c.season) return { value: `${y}-${c.season}`, precision: "season", anchor: "relative", unresolved: true };
  if (c.weekday !== undefined)
    return { value: `${y}-WXX-${c.weekday === 0 ? 7 : c.weekday}`, precision: "day", anchor: "relative", unresolved: true };
  const unit = c.rel?.unit ?? "day";
  const v = unit === "day" ? "XXXX-XX-XX" : unit === "week" ? "XXXX-WXX" : unit === "month" ? "XXXX-XX" : unit === "year" ? "XXXX" : "XXX";
  return { value: withPart(v, c), precision: unit === "day" ? "day" : (unit as TimePrecision), anchor: "relative", unresolved: true };
}
