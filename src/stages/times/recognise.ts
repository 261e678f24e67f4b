import type { TimeModifier } from "../../model/annotations.js";
import { NUMBER_WORDS_SOURCE, parseNumber } from "../quantities/numbers.js";

/**
 * The grammar of time expressions: small regular-expression rules that each produce a
 * candidate with the fields the text states (year, month, day, season...) or a relative
 * offset. Values are computed later (resolve.ts) against the publication date and the
 * document's context. All quantifiers are bounded; every rule runs once over the text.
 */

export type Season = "SP" | "SU" | "FA" | "WI";
export type PartOfDay = "MO" | "AF" | "EV" | "NI" | "DT";
export type RelUnit = "day" | "week" | "month" | "year" | "decade" | "century";

export interface Candidate {
  start: number;
  end: number;
  rule: string;
  kind: "date" | "duration" | "ref" | "set";
  /** Stated fields. Years before 1 AD are negative. */
  y?: number;
  m?: number;
  d?: number;
  season?: Season;
  /** Decade as its first three digits (199 for the 1990s). */
  decade?: number;
  /** Century as TIMEX writes it (19th century = 18). */
  century?: number;
  weekday?: number;
  part?: PartOfDay;
  /** "HH:MM". */
  clock?: string;
  /** Year relative to its base: "October last year" (y offset -1). */
  yearOffset?: number;
  /** Offset from a base date: "yesterday" (dct, day, -1), "the next day" (context, day, +1). */
  rel?: { base: "dct" | "context"; unit: RelUnit; n: number };
  /** "last October": the previous (-1) or next (+1) occurrence of the month or season relative to the base. */
  occurrence?: -1 | 0 | 1;
  /** Durations: "P20Y". */
  duration?: string;
  ref?: "PRESENT_REF" | "PAST_REF" | "FUTURE_REF";
  /** "over the weekend": the nearest weekend, past unless the sentence speaks of the future. */
  weekendNear?: boolean;
  mod?: TimeModifier;
  /** The year was written in the text (governs later year-less dates). */
  explicitYear?: boolean;
}

const MONTH_NUM: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const WEEKDAY_NUM: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

export function monthNumber(name: string): number | undefined {
  return MONTH_NUM[name.toLowerCase().replace(/\.$/, "")];
}

const MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_ANY = `${MONTH_FULL}|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?`;
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const ERA = String.raw`(?:\s?(BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE)(?![A-Za-z]))?`;
/** "the March 23 Movement", "6 April Youth Movement": a date inside a name. */
const NAMED_AFTER = String.raw`\s+(?:Movement|Alliance|Coalition|Brigade|Battalion|Group|Front|Revolution|Uprising|Square|Street|Avenue|Bridge|Stadium|University|Party|Youth|Organi[sz]ation)\b`;
const REL_YEAR = String.raw`(?:,?\s+(last|this|next|the\s+previous|the\s+following|the\s+same)\s+year)?`;
const NUM = `(?:\\d{1,3}(?:,\\d{3}){0,2}(?:\\.\\d{1,3})?|${NUMBER_WORDS_SOURCE}|a\\s+few|a\\s+couple\\s+of|a\\s+couple|several|many|some|few|dozens\\s+of|hundreds\\s+of|a\\s+dozen)`;
const UNIT = "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries|fortnights?";
const QUAL = String.raw`more\s+than|over|nearly|almost|about|around|roughly|approximately|some|at\s+least|less\s+than|fewer\s+than|under|up\s+to|close\s+to|just\s+over|just\s+under|only`;

/** Words that, right after a 4-digit number, show it counts things rather than naming a year. */
const COUNT_AFTER = new Set(
  (
    "troops soldiers people civilians men women children members fighters militants police officers deaths dead killed casualties " +
    "refugees prisoners hostages votes km kilometres kilometers miles meters metres feet tons tonnes dollars euros pounds units vehicles " +
    "tanks aircraft planes rockets missiles drones strikes attacks cases workers students families homes houses buildings rounds times " +
    "others more additional new personnel advisers advisors residents inhabitants villagers protesters demonstrators persons individuals " +
    "years days hours months weeks minutes seconds marines sailors airmen guards staff employees jobs seats bombs shells acres hectares " +
    "square sq barrels rifles weapons guns votes ballots pages words calories degrees percent per cent %"
  ).split(" "),
);
/** Lower-case words ending in "s" that may follow a year ("in 2020 was", "1939 as"). */
const S_WORDS_OK = new Set(
  "was is has as its his this thus always towards besides plus across unless whereas perhaps yes does hers ours news less".split(" "),
);
/** Words that, right before a number, show it is a label rather than a year. */
const LABEL_BEFORE = new Set(
  (
    "section article resolution no no. number nos route flight page pages room chapter model code version brigade division regiment battalion " +
    "unit highway hill paragraph item bill rule squad platoon company corps fleet group lot kilometre kilometer km mile exit gate " +
    "district ward precinct building block level floor grade type class series mark mk channel box apartment suite pier lane road street " +
    "avenue quota battery wing square line bus tanker vessel boeing airbus f model cell"
  ).split(" "),
);

/** A 4-digit number at [start, end) names a year (not a count, label or amount). */
export function yearLooksValid(text: string, start: number, end: number): boolean {
  const y = Number(text.slice(start, end));
  if (!(y >= 1000 && y <= 2100)) return false;
  const before = text.slice(Math.max(0, start - 24), start);
  if (/[$£€¥#]\s?$|[\d.,:/]$|\d-$|\bUS\s?$/.test(before)) return false;
  const prevWord = /([A-Za-z.]+)\s+$/.exec(before);
  if (prevWord && LABEL_BEFORE.has(prevWord[1].toLowerCase())) return false;
  const after = text.slice(end, end + 30);
  if (/^[.,]\d|^\d|^\s?%|^(?:st|nd|rd|th)\b|^:\d/.test(after)) return false;
  const next = /^\s{1,3}([a-z][a-z-]*|%)/.exec(after);
  if (next) {
    const w = next[1];
    if (COUNT_AFTER.has(w)) return false;
    if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !S_WORDS_OK.has(w)) return false;
  }
  const hyphen = /^-([a-z]+)/.exec(after);
  if (hyphen && !/^(?:era|style|present|born|election|elections)$/.test(hyphen[1])) {
    return false;
  }
  return true;
}

function eraYear(raw: string, era: string | undefined): number {
  const y = Number(raw);
  if (era && /^B/i.test(era)) return -y;
  return y;
}

type Handler = (m: RegExpExecArray, text: string) => Candidate | Candidate[] | null;

interface Rule {
  id: string;
  re: RegExp;
  /**
   * A cheap keyword every match contains. When set, `re` runs only on a short window
   * around each keyword hit (its optional leading groups make a whole-text scan slow).
   */
  key?: RegExp;
  /** Lower-case substrings one of which every match contains: the rule is skipped when none is in the text. */
  gate?: readonly string[];
  handle: Handler;
}

const UNIT_KEY = /\b(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie)|fortnight)s?\b/gi;
const PART_KEY = /\b(?:morning|afternoon|evening|night|overnight|dawn|dusk|daytime|midday)s?\b/gi;
const KEY_BEFORE = 80;
const KEY_AFTER = 40;

/** A full date ("4 January 2024", "January 4, 2024"): groups 3 and 4 are the year and its era; yStart is where the year stands. */
function fullDateMatch(
  m: RegExpExecArray,
  text: string,
  rule: string,
  mo: number | null | undefined,
  d: number,
  yStart: number,
): Candidate | null {
  if (!mo || d < 1 || d > 31) return null;
  if (!m[4] && (m[3].length < 4 || !yearLooksValid(text, yStart, yStart + m[3].length))) return null;
  return { start: m.index, end: m.index + m[0].length, rule, kind: "date", y: eraYear(m[3], m[4]), m: mo, d, explicitYear: true };
}

/** A day-and-month match ("4 January", "January 4"), with an optional relative year ("last year"). */
function monthDayMatch(m: RegExpExecArray, rule: string, mo: number | null | undefined, d: number): Candidate | null {
  if (!mo || d < 1 || d > 31) return null;
  const ry = relYear(m[3]);
  return {
    start: m.index,
    end: m.index + m[0].length,
    rule,
    kind: "date",
    m: mo,
    d,
    ...(ry.yearOffset !== undefined ? { yearOffset: ry.yearOffset, rel: { base: ry.base!, unit: "year", n: ry.yearOffset } } : {}),
  };
}

function relYear(word: string | undefined): { yearOffset?: number; base?: "dct" | "context" } {
  if (!word) return {};
  const w = word.toLowerCase().replace(/\s+/g, " ");
  if (w === "last") return { yearOffset: -1, base: "dct" };
  if (w === "this") return { yearOffset: 0, base: "dct" };
  if (w === "next") return { yearOffset: 1, base: "dct" };
  if (w === "the previous") return { yearOffset: -1, base: "context" };
  if (w === "the following") return { yearOffset: 1, base: "context" };
  return { yearOffset: 0, base: "context" };
}

const UNIT_CODE: Readonly<Record<string, string>> = {
  second: "TS",
  minute: "TM",
  hour: "TH",
  day: "D",
  week: "W",
  fortnight: "W",
  month: "M",
  year: "Y",
  decade: "DE",
  century: "CE",
  centurie: "CE",
};

function unitBase(u: string): string {
  const l = u.toLowerCase();
  if (l === "centuries") return "century";
  return l.endsWith("s") ? l.slice(0, -1) : l;
}

/** "P20Y", "PT3H", "P2W"; "PXD" when the number is vague. */
export function durationValue(n: number | null, unit: string): string {
  const base = unitBase(unit);
  let code = UNIT_CODE[base] ?? "D";
  let amount: number | null = n;
  if (base === "fortnight" && amount !== null) amount *= 2;
  const time = code.startsWith("T");
  if (time) code = code.slice(1);
  const num = amount === null ? "X" : String(amount);
  return time ? `PT${num}${code}` : `P${num}${code}`;
}

function qualifierMod(q: string | undefined): TimeModifier | undefined {
  if (!q) return undefined;
  const w = q.toLowerCase().replace(/\s+/g, " ");
  if (w === "more than" || w === "over" || w === "just over" || w === "at least") return "more_than";
  if (w === "nearly" || w === "almost" || w === "less than" || w === "fewer than" || w === "under" || w === "up to" || w === "just under")
    return "less_than";
  if (w === "only") return undefined;
  return "approx";
}

function vagueNumber(raw: string): number | null {
  const w = raw.toLowerCase().replace(/\s+/g, " ");
  if (/^(?:a few|a couple of|a couple|several|many|some|few|dozens of|hundreds of)$/.test(w)) return null;
  if (w === "a couple" || w === "a couple of") return 2;
  if (w === "a dozen") return 12;
  return parseNumber(w);
}

const PART: Readonly<Record<string, PartOfDay>> = {
  morning: "MO",
  dawn: "MO",
  afternoon: "AF",
  evening: "EV",
  dusk: "EV",
  night: "NI",
  overnight: "NI",
  tonight: "NI",
  midday: "AF",
  daytime: "DT",
};

function clockValue(h: number, min: number, ampm: string | undefined): string | null {
  let hh = h;
  if (ampm) {
    const p = ampm.toLowerCase().startsWith("p");
    if (hh < 1 || hh > 12) return null;
    if (p && hh !== 12) hh += 12;
    if (!p && hh === 12) hh = 0;
  }
  if (hh > 24 || min > 59) return null;
  return `${String(hh).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

const ORDINAL_VALUE: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  "twenty-first": 21,
};
const ORDINAL_WORDS = Object.keys(ORDINAL_VALUE)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace("-", "[\\s-]"))
  .join("|");

const SEASON: Readonly<Record<string, Season>> = { spring: "SP", summer: "SU", autumn: "FA", fall: "FA", winter: "WI" };

const RULES: Rule[] = [
  {
    id: "day-month-year",
    re: new RegExp(String.raw`\b${DAY}(?:\s+of)?\s+(${MONTH_ANY}),?\s+(\d{3,4})${ERA}(?![\d,]\d)`, "g"),
    handle(m, text) {
      const yStart = m.index + m[0].indexOf(m[3], m[0].length - m[3].length - (m[4]?.length ?? 0) - 2);
      return fullDateMatch(m, text, "day-month-year", monthNumber(m[2]), Number(m[1]), yStart);
    },
  },
  {
    id: "month-day-year",
    re: new RegExp(String.raw`\b(${MONTH_ANY})\s+${DAY},?\s+(\d{3,4})${ERA}(?![\d,]\d)`, "g"),
    handle(m, text) {
      return fullDateMatch(m, text, "month-day-year", monthNumber(m[1]), Number(m[2]), m.index + m[0].lastIndexOf(m[3]));
    },
  },
  {
    id: "day-month",
    re: new RegExp(String.raw`\b${DAY}(?:\s+of)?\s+(${MONTH_ANY})(?![A-Za-z]|${NAMED_AFTER})${REL_YEAR}`, "g"),
    handle(m) {
      return monthDayMatch(m, "day-month", monthNumber(m[2]), Number(m[1]));
    },
  },
  {
    id: "month-day",
    re: new RegExp(String.raw`\b(${MONTH_ANY})\s+${DAY}(?![\d:]|[.,]\d|\s?(?:%|percent)|${NAMED_AFTER})${REL_YEAR}`, "g"),
    handle(m) {
      return monthDayMatch(m, "month-day", monthNumber(m[1]), Number(m[2]));
    },
  },
  {
    id: "month-year",
    re: new RegExp(String.raw`\b(${MONTH_ANY}),?\s+(?:of\s+)?(\d{3,4})${ERA}(?![\d,]\d)`, "g"),
    handle(m, text) {
      const mo = monthNumber(m[1]);
      if (!mo) return null;
      const yStart = m.index + m[0].lastIndexOf(m[2]);
      if (!m[3] && (m[2].length < 4 || !yearLooksValid(text, yStart, yStart + m[2].length))) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        rule: "month-year",
        kind: "date",
        y: eraYear(m[2], m[3]),
        m: mo,
        explicitYear: true,
      };
    },
  },
  {
    id: "month-relative",
    gate: ["last", "this", "next", "past", "coming", "that"],
    re: new RegExp(
      String.raw`\b(?:(last|this|next|past|coming|that)\s+(${MONTH_FULL})\b|(${MONTH_FULL})\s+(?:of\s+)?(last|this|next|the\s+previous|the\s+following|the\s+same|that)\s+year\b)`,
      "g",
    ),
    handle(m) {
      if (m[2]) {
        const mo = monthNumber(m[2])!;
        const w = m[1].toLowerCase();
        const occ = w === "last" || w === "past" ? -1 : w === "next" || w === "coming" ? 1 : 0;
        if (w === "that") return { start: m.index, end: m.index + m[0].length, rule: "month-relative", kind: "date", m: mo };
        return {
          start: m.index,
          end: m.index + m[0].length,
          rule: "month-relative",
          kind: "date",
          m: mo,
          occurrence: occ,
          rel: { base: "dct", unit: "month", n: 0 },
        };
      }
      const mo = monthNumber(m[3])!;
      const ry = relYear(m[4].toLowerCase() === "that" ? "the same" : m[4]);
      return {
        start: m.index,
        end: m.index + m[0].length,
        rule: "month-relative",
        kind: "date",
        m: mo,
        yearOffset: ry.yearOffset,
        rel: { base: ry.base!, unit: "year", n: ry.yearOffset ?? 0 },
      };
    },
  },
  {
    id: "month",
    re: new RegExp(String.raw`\b(${MONTH_FULL})\b(?!\s+\d)`, "g"),
    handle(m, text) {
      const name = m[1];
      if (name === "May" || name === "March" || name === "August" || name === "June") {
        const prev = /([A-Za-z]+)[\s-]+$/.exec(text.slice(Math.max(0, m.index - 20), m.index));
        const ok =
          prev &&
          /^(?:in|of|since|until|till|by|early|late|mid|end|from|to|through|during|last|next|this|that|before|after|between|and|or|until|throughout|beginning|start|middle)$/i.test(
            prev[1],
          );
        if (!ok) return null;
      }
      return { start: m.index, end: m.index + m[0].length, rule: "month", kind: "date", m: monthNumber(name)! };
    },
  },
  {
    id: "year-era",
    gate: ["bc", "b.c", "ad", "a.d"],
    re: /\b(\d{1,4})\s?(BC|B\.C\.|BCE|B\.C\.E\.)(?![A-Za-z])|\b(?:AD|A\.D\.)\s?(\d{1,4})\b/g,
    handle(m) {
      if (m[3]) return { start: m.index, end: m.index + m[0].length, rule: "year-era", kind: "date", y: Number(m[3]), explicitYear: true };
      return { start: m.index, end: m.index + m[0].length, rule: "year-era", kind: "date", y: -Number(m[1]), explicitYear: true };
    },
  },
  {
    id: "year",
    re: /(?<![\d,.$£€#/:]|\d-)\b(\d{4})(?:\s?[–—-]\s?(\d{4}|\d{2}))?\b/g,
    handle(m, text) {
      const start = m.index;
      if (!yearLooksValid(text, start, start + 4)) {
        // "1939-45" is checked whole below; a failing first year rejects the pair.
        return null;
      }
      const out: Candidate[] = [{ start, end: start + 4, rule: "year", kind: "date", y: Number(m[1]), explicitYear: true }];
      if (m[2]) {
        const second = m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]);
        if (second > Number(m[1]) && second - Number(m[1]) < 100) {
          const s2 = start + m[0].lastIndexOf(m[2]);
          out.push({ start: s2, end: s2 + m[2].length, rule: "year", kind: "date", y: second, explicitYear: true });
        } else if (m[2].length === 2) {
          return null; // "1939-12" is not a year range
        }
      }
      return out;
    },
  },
  {
    id: "decade",
    gate: ["0s", "0's"],
    re: /\b(?:the\s+)?(?:(early|mid|late)[\s-]{1,2})?(\d{2,3})0'?s\b(?:\s?(BC|B\.C\.|BCE)(?![A-Za-z]))?/g,
    handle(m) {
      let dec = Number(m[2]);
      if (m[3]) dec = -dec;
      else if (dec < 100 || dec > 210) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        rule: "decade",
        kind: "date",
        decade: dec,
        ...(m[1] ? { mod: positionMod(m[1]) } : {}),
      };
    },
  },
  {
    id: "century",
    gate: ["centur"],
    re: new RegExp(
      String.raw`\b(?:the\s+)?(?:(early|mid|late)[\s-]{1,2})?(\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS})[\s-]century\b(?:\s?(BC|B\.C\.|BCE)(?![A-Za-z]))?`,
      "gi",
    ),
    handle(m) {
      const raw = m[2].toLowerCase();
      const c = /^\d/.test(raw) ? parseInt(raw, 10) : ORDINAL_VALUE[raw.replace(/\s+/g, "-")];
      if (!c || c < 1 || c > 22) return null;
      if (m[3])
        return {
          start: m.index,
          end: m.index + m[0].length,
          rule: "century",
          kind: "date",
          century: -(c - 1),
          ...(m[1] ? { mod: positionMod(m[1]) } : {}),
        };
      return {
        start: m.index,
        end: m.index + m[0].length,
        rule: "century",
        kind: "date",
        century: c - 1,
        ...(m[1] ? { mod: positionMod(m[1]) } : {}),
      };
    },
  },
  {
    id: "season",
    gate: ["spring", "summer", "autumn", "winter", "fall"],
    re: /\b(?:(?:the|this|that|last|next|(the\s+)?(?:same|following|previous))\s+)?(?:(early|late|mid)[\s-]{1,2})?(spring|summer|autumn|winter|fall)\b(?:\s+(?:of\s+)?(\d{4})\b)?/gi,
    handle(m, text) {
      const word = m[3].toLowerCase();
      const whole = m[0];
      const lead = /^(the|this|that|last|next|(?:the\s+)?(?:same|following|previous))\s/i
        .exec(whole)?.[1]
        ?.toLowerCase()
        .replace(/^the\s+/, "");
      if (word === "fall") {
        // "the fall of Saigon" is an event, not a season.
        if (!m[4] && (/^\s+of\b/.test(text.slice(m.index + whole.length, m.index + whole.length + 5)) || !lead)) return null;
      }
      if (/^[A-Z]/.test(m[3]) && !m[4]) {
        // "Arab Spring", "Prague Spring", "Winter Olympics", "Spring Offensive": names, not seasons
        const prevCap = /[A-Z][\w'-]*\s+$/.test(text.slice(Math.max(0, m.index - 30), m.index + whole.length - m[3].length));
        const nextCap = /^\s+[A-Z]/.test(text.slice(m.index + whole.length, m.index + whole.length + 3));
        if (prevCap || nextCap) return null;
      }
      const season = SEASON[word];
      const c: Candidate = { start: m.index, end: m.index + whole.length, rule: "season", kind: "date", season };
      if (m[2]) c.mod = positionMod(m[2]);
      if (m[4]) {
        if (!yearLooksValid(text, m.index + whole.length - 4, m.index + whole.length)) return null;
        c.y = Number(m[4]);
        c.explicitYear = true;
      } else if (lead === "last" || lead === "this" || lead === "next") {
        c.rel = { base: "dct", unit: "year", n: 0 };
        c.occurrence = lead === "last" ? -1 : lead === "next" ? 1 : 0;
      } else if (lead === "following" || lead === "previous") {
        c.rel = { base: "context", unit: "year", n: lead === "following" ? 1 : -1 };
      }
      return c;
    },
  },
  {
    id: "deictic-day",
    gate: ["yesterday", "today", "tomorrow", "tonight"],
    re: /\b(?:(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)|(yesterday|today|tomorrow|tonight))(?:\s+(morning|afternoon|evening|night))?\b/gi,
    handle(m) {
      const w = (m[1] ?? m[2]).toLowerCase().replace(/\s+/g, " ");
      const n =
        w === "yesterday" ? -1 : w === "tomorrow" ? 1 : w === "the day before yesterday" ? -2 : w === "the day after tomorrow" ? 2 : 0;
      const c: Candidate = {
        start: m.index,
        end: m.index + m[0].length,
        rule: "deictic-day",
        kind: "date",
        rel: { base: "dct", unit: "day", n },
      };
      if (w === "tonight") c.part = "NI";
      if (m[3]) c.part = PART[m[3].toLowerCase()];
      return c;
    },
  },
  {
    id: "deictic-unit",
    gate: ["last", "this", "next", "coming", "past"],
    re: new RegExp(
      String.raw`\b(last|this|next|coming|past)\s+(week|weekend|month|year|decade|century|(?:${WEEKDAYS})|(?:morning|afternoon|evening|night))\b`,
      "gi",
    ),
    handle(m, text) {
      const w = m[1].toLowerCase();
      const unit = m[2].toLowerCase();
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      const start = m.index;
      const end = m.index + m[0].length;
      // "the past year", "the last month": a duration (TIMEX2 convention).
      if (
        /\bthe\s+$/i.test(before) &&
        (w === "past" || w === "last" || w === "coming") &&
        /^(?:week|month|year|decade|century)$/.test(unit)
      ) {
        return {
          start: start - before.length + before.search(/the\s+$/i),
          end,
          rule: "deictic-unit",
          kind: "duration",
          duration: durationValue(1, unit),
        };
      }
      if (w === "past" || w === "coming") return null;
      if (w === "next" && /\bthe\s+$/i.test(before)) return null; // "the next year": anaphoric, see below
      const n = w === "last" ? -1 : w === "next" ? 1 : 0;
      if (unit in WEEKDAY_NUM) {
        if (!/^[A-Z]/.test(m[2])) return null;
        return {
          start,
          end,
          rule: "deictic-unit",
          kind: "date",
          weekday: WEEKDAY_NUM[unit],
          occurrence: n as -1 | 0 | 1,
          rel: { base: "dct", unit: "day", n: 0 },
        };
      }
      if (unit in PART) {
        const dayShift = w === "last" ? -1 : w === "next" ? 1 : 0;
        return { start, end, rule: "deictic-unit", kind: "date", part: PART[unit], rel: { base: "dct", unit: "day", n: dayShift } };
      }
      if (unit === "weekend")
        return { start, end, rule: "deictic-unit", kind: "date", rel: { base: "dct", unit: "week", n }, part: undefined, clock: "WE" };
      return { start, end, rule: "deictic-unit", kind: "date", rel: { base: "dct", unit: unit as RelUnit, n } };
    },
  },
  {
    id: "weekend",
    gate: ["weekend"],
    re: /\b(?:over|during|at|on|through|throughout)\s+(the\s+weekend)\b/gi,
    handle(m) {
      const start = m.index + m[0].length - m[1].length;
      return { start, end: m.index + m[0].length, rule: "weekend", kind: "date", weekendNear: true };
    },
  },
  {
    id: "anaphoric-unit",
    gate: ["next", "following", "previous", "preceding", "same", "prior", "subsequent", "that", "very", "before", "after"],
    re: /\b(?:the\s+(next|following|previous|preceding|same|prior|subsequent)|that|(?:that|the)\s+very|(?:that|the)\s+same|the\s+same)\s+(day|week|month|year|morning|afternoon|evening|night|weekend|decade)\b|\b(the\s+)?(day|week|month|year)\s+(before|after)\b(?!\s+(?:the|a|an|his|her|its|their|last|next|this)\b)/gi,
    handle(m) {
      const start = m.index;
      const end = m.index + m[0].length;
      let unit: string;
      let n: number;
      if (m[4]) {
        unit = m[4].toLowerCase();
        n = m[5].toLowerCase() === "before" ? -1 : 1;
      } else {
        const w = (m[1] ?? "same").toLowerCase();
        unit = m[2].toLowerCase();
        n = w === "next" || w === "following" ? 1 : w === "previous" || w === "preceding" || w === "prior" ? -1 : 0;
      }
      if (unit in PART)
        return { start, end, rule: "anaphoric-unit", kind: "date", part: PART[unit], rel: { base: "context", unit: "day", n } };
      if (unit === "weekend") return { start, end, rule: "anaphoric-unit", kind: "date", rel: { base: "context", unit: "week", n } };
      return { start, end, rule: "anaphoric-unit", kind: "date", rel: { base: "context", unit: unit as RelUnit, n } };
    },
  },
  {
    id: "holiday",
    gate: ["christmas", "new year", "independence day", "bastille", "armistice", "halloween"],
    re: /\b(Christmas(?:\s+Day|\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|Bastille\s+Day|Armistice\s+Day|Halloween)\b(?:,?\s+(\d{4})\b)?/g,
    handle(m, text) {
      const name = m[1].replace(/\s+/g, " ");
      const md: Record<string, [number, number]> = {
        Christmas: [12, 25],
        "Christmas Day": [12, 25],
        "Christmas Eve": [12, 24],
        "New Year's Day": [1, 1],
        "New Year's Eve": [12, 31],
        "Independence Day": [7, 4],
        "Bastille Day": [7, 14],
        "Armistice Day": [11, 11],
        Halloween: [10, 31],
      };
      const [mo, d] = md[name] ?? [0, 0];
      if (!mo) return null;
      // "Independence Day" is the 4th of July only in U.S. usage; other countries' days differ.
      if (name === "Independence Day" && !/\b(?:U\.?S\.?|American|America)\b/.test(text.slice(Math.max(0, m.index - 80), m.index + 80)))
        return null;
      const c: Candidate = { start: m.index, end: m.index + m[0].length, rule: "holiday", kind: "date", m: mo, d };
      if (m[2] && yearLooksValid(text, m.index + m[0].length - 4, m.index + m[0].length)) {
        c.y = Number(m[2]);
        c.explicitYear = true;
      } else if (m[2]) c.end = m.index + m[1].length;
      return c;
    },
  },
  {
    id: "position-anaphoric",
    gate: [" of the", " of that", " of this", " in the", " in that", " that year", " that month", "'s end"],
    re: /\b(?:(?:the\s+)?(end|beginning|start|middle|close|latter\s+part|rest|remainder|first\s+half|second\s+half)\s+of\s+(?:the|that|this)\s+(year|month|week|decade|century)|(later|late|early|earlier)\s+(?:in|that)\s+(?:the\s+|that\s+)?(year|month)|(?:the\s+|that\s+)?(month|year|week)'s\s+(end))\b/gi,
    handle(m) {
      if (m[3]) {
        const w3 = m[3].toLowerCase();
        const c3: Candidate = {
          start: m.index,
          end: m.index + m[0].length,
          rule: "position-anaphoric",
          kind: "date",
          rel: { base: "context", unit: m[4].toLowerCase() as RelUnit, n: 0 },
        };
        if (w3 === "early") c3.mod = "early";
        else if (w3 === "late") c3.mod = "late";
        return c3;
      }
      if (m[5])
        return {
          start: m.index,
          end: m.index + m[0].length,
          rule: "position-anaphoric",
          kind: "date",
          rel: { base: "context", unit: m[5].toLowerCase() as RelUnit, n: 0 },
          mod: "end",
        };
      const w = m[1].toLowerCase().replace(/\s+/g, " ");
      const mod: TimeModifier | undefined =
        w === "end" || w === "close"
          ? "end"
          : w === "beginning" || w === "start"
            ? "start"
            : w === "middle"
              ? "mid"
              : w === "first half"
                ? "early"
                : w === "latter part" || w === "second half"
                  ? "late"
                  : undefined;
      const c: Candidate = {
        start: m.index,
        end: m.index + m[0].length,
        rule: "position-anaphoric",
        kind: "date",
        rel: { base: "context", unit: m[2].toLowerCase() as RelUnit, n: 0 },
      };
      if (mod) c.mod = mod;
      return c;
    },
  },
  {
    id: "day-of-month",
    gate: ["st", "nd", "rd", "th"],
    re: /\b(?:on|by|until|till|from|to|of|since|before|after)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;)]|and\b|to\b|of\s+(?:that|the\s+same)\s+month))(?:\s+of\s+(?:that|the\s+same)\s+month)?/gi,
    handle(m) {
      const d = Number(m[1]);
      if (d < 1 || d > 31) return null;
      const start = m.index + m[0].toLowerCase().indexOf("the");
      return { start, end: m.index + m[0].length, rule: "day-of-month", kind: "date", d, rel: { base: "context", unit: "month", n: 0 } };
    },
  },
  {
    id: "offset",
    key: UNIT_KEY,
    re: new RegExp(
      String.raw`\b(?:(${QUAL})\s+)?(${NUM})[\s-]{1,2}(${UNIT})\s+(ago|later|earlier|afterwards?|previously|from\s+now|hence|before(?!\s+(?:the|a|an|his|her|its|their|this|that)\b))\b`,
      "gi",
    ),
    handle(m) {
      const n = vagueNumber(m[2]);
      const unit = unitBase(m[3]);
      const dir = m[4].toLowerCase();
      const sign = dir === "ago" || dir === "earlier" || dir === "previously" || dir === "before" ? -1 : 1;
      const base = dir === "ago" || dir.startsWith("from") || dir === "hence" ? "dct" : "context";
      const start = m.index;
      const end = m.index + m[0].length;
      if (n === null) {
        return { start, end, rule: "offset", kind: "ref", ref: sign < 0 ? "PAST_REF" : "FUTURE_REF" };
      }
      if (!/^(?:day|week|month|year|decade|century|fortnight)$/.test(unit)) {
        return { start, end, rule: "offset", kind: "ref", ref: sign < 0 ? "PAST_REF" : "FUTURE_REF" };
      }
      const u = unit === "fortnight" ? "week" : unit;
      const k = unit === "fortnight" ? 2 * n : n;
      if (!Number.isInteger(k)) return null;
      return {
        start,
        end,
        rule: "offset",
        kind: "date",
        rel: { base, unit: u as RelUnit, n: sign * k },
        ...(qualifierMod(m[1]) ? { mod: "approx" as const } : {}),
      };
    },
  },
  {
    id: "duration",
    key: UNIT_KEY,
    re: new RegExp(
      String.raw`\b(?:(${QUAL})\s+)?(?:(?:the|a)\s+(?:past|last|next|first|following|coming|previous|final|same|further|additional|other)\s+)?(${NUM})[\s-]{1,2}(${UNIT})\b(?:[\s-]long\b)?`,
      "gi",
    ),
    handle(m, text) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      if (/^[\s-]old\b/.test(after)) return null; // ages: "a 20-year-old man"
      const raw = m[2];
      const n = vagueNumber(raw);
      if (n !== null && !Number.isFinite(n)) return null;
      if (n === null && !/^(?:a\s+few|a\s+couple|several|many|some|few|dozens|hundreds)/i.test(raw)) return null;
      // "a second battle", "one second-hand": ordinals, not durations
      if (/^seconds?$/i.test(m[3]) && !/^\d/.test(raw)) return null;
      const c: Candidate = {
        start: m.index,
        end: m.index + m[0].length,
        rule: "duration",
        kind: "duration",
        duration: durationValue(n, m[3]),
      };
      const mod = qualifierMod(m[1]);
      if (mod) c.mod = mod;
      // "a year" alone is fine; "one of the years" never reaches here.
      return c;
    },
  },
  {
    id: "vague-duration",
    re: /\b(for|over|within|in|after|during|throughout|of)\s+(?:(?:the\s+)?(?:past|last|coming|next|recent|following|intervening|succeeding|subsequent|previous|early|final|first|last)\s+)?(days|weeks|months|years|decades|centuries|hours)\b/gi,
    handle(m) {
      const unitStart = m.index + m[0].length - m[2].length;
      const lead = m[0].slice(m[1].length).trimStart();
      const start = lead.length > m[2].length ? m.index + m[1].length + (m[0].length - m[1].length - lead.length) : unitStart;
      return { start, end: m.index + m[0].length, rule: "vague-duration", kind: "duration", duration: durationValue(null, m[2]) };
    },
  },
  {
    id: "reference",
    re: /\b(right\s+now|now|currently|current|presently|nowadays|at\s+present|present[\s-]day|modern[\s-]day|these\s+days|at\s+this\s+time|for\s+the\s+time\s+being|recently|lately|recent|in\s+the\s+past|the\s+past|formerly|(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|future)\b/gi,
    handle(m, text) {
      const w = m[1].toLowerCase().replace(/\s+/g, " ");
      let ref: Candidate["ref"];
      if (/now|current|present|modern|these days|this time|time being/.test(w)) ref = "PRESENT_REF";
      else if (/future/.test(w)) ref = "FUTURE_REF";
      else ref = "PAST_REF";
      if (
        w === "the past" &&
        /^\s+(?:\d|[a-z]+\s+(?:days|weeks|months|years))/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))
      )
        return null;
      if (w === "now" && /\bknow$/i.test(text.slice(Math.max(0, m.index - 1), m.index + 3))) return null;
      let start = m.index;
      if (w.startsWith("in the")) start += m[0].toLowerCase().indexOf("the");
      return { start, end: m.index + m[0].length, rule: "reference", kind: "ref", ref };
    },
  },
  {
    id: "weekday",
    re: new RegExp(String.raw`\b(${WEEKDAYS})(s)?\b(?:\s+(morning|afternoon|evening|night))?`, "g"),
    handle(m) {
      const wd = WEEKDAY_NUM[m[1].toLowerCase()];
      const c: Candidate = { start: m.index, end: m.index + m[0].length, rule: "weekday", kind: m[2] ? "set" : "date", weekday: wd };
      if (m[3]) c.part = PART[m[3].toLowerCase()];
      return c;
    },
  },
  {
    id: "part-of-day",
    key: PART_KEY,
    re: /\b(?:(?:early|late)\s+)?(?:in\s+)?(?:(?:the|that|this|same)\s+)?(?:(?:early|late)\s+)?(morning|afternoon|evening|night|overnight|dawn|dusk|daytime|midday)(s)?\b/gi,
    handle(m) {
      const word = m[1].toLowerCase();
      if (/^[A-Z]/.test(m[1]) && /^(?:dawn|dusk)$/.test(word)) return null; // "Operation Dawn", "Dawn" the newspaper
      const lead = m[0].slice(0, m[0].length - m[1].length - (m[2]?.length ?? 0)).toLowerCase();
      let start = m.index;
      if (/^(?:(?:early|late)\s+)?in\s+/.test(lead)) start += m[0].toLowerCase().indexOf("in ") + 3;
      const anaphoric = /\b(?:that|same)\s/.test(lead) ? { rel: { base: "context" as const, unit: "day" as RelUnit, n: 0 } } : {};
      const thisOne = /\bthis\s/.test(lead) ? { rel: { base: "dct" as const, unit: "day" as RelUnit, n: 0 } } : {};
      return {
        start,
        end: m.index + m[0].length,
        rule: "part-of-day",
        kind: m[2] ? "set" : "date",
        part: PART[word],
        ...anaphoric,
        ...thisOne,
      };
    },
  },
  {
    id: "clock",
    gate: [":", ".", "am", "pm", "o'clock", "noon", "midnight"],
    re: /\b(?:at\s+)?(?:(\d{1,2})[:.](\d{2})\s?(a\.m\.|p\.m\.|am|pm)?|(\d{1,2})\s?(a\.m\.|p\.m\.|am|pm)|(\d{1,2})\s+o'clock|(noon|midnight))(?![A-Za-z])(?:\s+(?:local\s+time|GMT|UTC|[A-Z]{2,4}T))?/gi,
    handle(m, text) {
      let value: string | null = null;
      if (m[1]) {
        if (m[2] && m[0].includes(".") && !m[3]) return null; // "3.25" is a decimal unless am/pm follows
        value = clockValue(Number(m[1]), Number(m[2]), m[3]);
      } else if (m[4]) value = clockValue(Number(m[4]), 0, m[5]);
      else if (m[6]) value = clockValue(Number(m[6]), 0, undefined);
      else if (m[7]) value = m[7].toLowerCase() === "noon" ? "12:00" : "24:00";
      if (!value) return null;
      const bef = text.slice(Math.max(0, m.index - 1), m.index);
      if (/[\d,]/.test(bef)) return null;
      let start = m.index;
      if (/^at\s/i.test(m[0])) start += m[0].search(/\s/) + 1;
      return { start, end: m.index + m[0].length, rule: "clock", kind: "date", clock: value };
    },
  },
  {
    id: "iso-date",
    gate: ["-"],
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    handle(m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000) return null;
      return { start: m.index, end: m.index + m[0].length, rule: "iso-date", kind: "date", y, m: mo, d, explicitYear: true };
    },
  },
  {
    id: "sets",
    gate: ["daily", "weekly", "monthly", "yearly", "annually", "every ", "each ", "per "],
    re: /\b(daily|weekly|monthly|yearly|annually|every\s+(?:day|week|month|year|morning|night)|each\s+(?:day|week|month|year)|per\s+(?:day|week|month|year))\b/gi,
    handle(m) {
      const w = m[1].toLowerCase().replace(/\s+/g, " ");
      const unit = /day|night|morning/.test(w) ? "day" : /week/.test(w) ? "week" : /month/.test(w) ? "month" : "year";
      const value = /^(?:every|each|per) /.test(w)
        ? durationValue(1, unit)
        : unit === "day"
          ? "XXXX-XX-XX"
          : unit === "week"
            ? "XXXX-WXX"
            : unit === "month"
              ? "XXXX-XX"
              : "XXXX";
      return { start: m.index, end: m.index + m[0].length, rule: "sets", kind: "set", duration: value };
    },
  },
];

export function positionMod(word: string): TimeModifier {
  const w = word.toLowerCase();
  if (w === "early") return "early";
  if (w === "late") return "late";
  return "mid";
}

/** A cheap test: can this text hold a time expression at all? */
const PRECHECK =
  /\d|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Sept?\.|Oct\.|Nov\.|Dec\.|Aug\.|day|week|month|year|decade|centur|now|current|present|recent|past|future|tonight|spring|summer|autumn|fall|winter|morning|afternoon|evening|night|noon|dawn|dusk|formerly|daily|hour|annually/i;

/** All rule matches over `text` (overlapping; selection happens later). */
export function recognise(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!PRECHECK.test(text)) return out;
  const lower = text.toLowerCase();
  const pairs = charPairs(lower);
  /** Keyword matches per key (two rules share a key). */
  const keyed = new Map<RegExp, (readonly [number, number])[]>();
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.some((g) => mayContain(pairs, g) && lower.includes(g))) continue;
    if (rule.key) {
      let keys = keyed.get(rule.key);
      if (!keys) keyed.set(rule.key, (keys = keywordSpans(rule.key, text)));
      runKeyed(rule, keys, text, out);
      continue;
    }
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const got = rule.handle(m, text);
      if (!got) continue;
      if (Array.isArray(got)) out.push(...got);
      else out.push(got);
    }
  }
  return out;
}

/** Which pairs of adjacent characters occur in `s` (character codes below 256; other pairs are not recorded). */
function charPairs(s: string): Uint8Array {
  const seen = new Uint8Array(1 << 16);
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if (a < 256 && b < 256) seen[(a << 8) | b] = 1;
  }
  return seen;
}

/** False when `g` cannot occur in the text (a pair of its characters never does): a cheap test before a full search. */
function mayContain(pairs: Uint8Array, g: string): boolean {
  for (let i = 0; i + 1 < g.length; i++) {
    const a = g.charCodeAt(i);
    const b = g.charCodeAt(i + 1);
    if (a < 256 && b < 256 && pairs[(a << 8) | b] === 0) return false;
  }
  return true;
}

/** [start, end) of every match of the (global) keyword regex. */
function keywordSpans(key: RegExp, text: string): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  key.lastIndex = 0;
  let k: RegExpExecArray | null;
  while ((k = key.exec(text)) !== null) spans.push([k.index, k.index + k[0].length]);
  return spans;
}

function runKeyed(rule: Rule, keys: readonly (readonly [number, number])[], text: string, out: Candidate[]): void {
  let doneUpTo = -1;
  for (const [keyStart, keyEnd] of keys) {
    if (keyEnd <= doneUpTo) continue;
    const from = Math.max(0, keyStart - KEY_BEFORE);
    const window = text.slice(from, Math.min(text.length, keyEnd + KEY_AFTER));
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(window)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const start = from + m.index;
      const end = start + m[0].length;
      // A match cut by the window's edge is found again from the next keyword, or not at all.
      if (end <= doneUpTo || end <= keyStart || start >= keyEnd) continue;
      if ((m.index === 0 && from > 0) || (end === from + window.length && end < text.length)) continue;
      m.index = start;
      doneUpTo = end;
      const got = rule.handle(m, text);
      if (!got) continue;
      if (Array.isArray(got)) out.push(...got);
      else out.push(got);
    }
  }
}
