import { PLOVER_TYPES, type PloverType, type TimePrecision } from "../../src/model/annotations.js";

/** PLOVER types in the order of the scale: cooperation first, material conflict last (the model's own list; the model file is plain data). */
export const TYPES: readonly PloverType[] = PLOVER_TYPES;

/** Greens/blues for cooperation, yellows/oranges for verbal conflict, reds/purples for material conflict. */
const COLOURS: Record<string, string> = {
  AGREE: "#1b7837",
  CONSULT: "#5aae61",
  SUPPORT: "#7fbf7b",
  CONCEDE: "#35978f",
  COOPERATE: "#2166ac",
  AID: "#4393c3",
  RETREAT: "#92c5de",
  REQUEST: "#8c96c6",
  ACCUSE: "#dfc27d",
  REJECT: "#bf812d",
  THREATEN: "#f46d43",
  PROTEST: "#e08214",
  SANCTION: "#8c510a",
  MOBILIZE: "#b2182b",
  COERCE: "#762a83",
  ASSAULT: "#d6001c",
};

export function typeColour(type: string): string {
  return COLOURS[type] ?? "#777";
}

const DAY = 86_400_000;

function utc(y: number, m = 1, d = 1): number {
  return Date.UTC(y, m - 1, d);
}

/**
 * The interval [start, end) a date value covers at its precision: "2024-03" is the whole
 * of March, "2024" the whole year, "2024-W05" that ISO week, "2024-SU" the summer.
 * Returns null for values that are not dates.
 */
export function dateInterval(value: string, precision?: TimePrecision | string | null): { start: number; end: number } | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const start = utc(+m[1], +m[2], +m[3]);
    return { start, end: start + DAY };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const y = +m[1];
    const jan4 = new Date(utc(y, 1, 4));
    const monday = utc(y, 1, 4) - ((jan4.getUTCDay() + 6) % 7) * DAY;
    const start = monday + (+m[2] - 1) * 7 * DAY;
    return { start, end: start + 7 * DAY };
  }
  if ((m = /^(\d{4})-W(\d{2})-WE$/.exec(value))) {
    const week = dateInterval(`${m[1]}-W${m[2]}`);
    return week ? { start: week.start + 5 * DAY, end: week.start + 7 * DAY } : null;
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = +m[2];
    return { start: utc(+m[1], (q - 1) * 3 + 1), end: utc(+m[1], q * 3 + 1) };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) {
    const y = +m[1];
    const season: Record<string, [number, number]> = { SP: [3, 6], SU: [6, 9], FA: [9, 12], AU: [9, 12], WI: [12, 15] };
    const [a, b] = season[m[2]];
    return { start: utc(y, a), end: b > 12 ? utc(y + 1, b - 12) : utc(y, b) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const y = +m[1];
    const mo = +m[2];
    return { start: utc(y, mo), end: mo === 12 ? utc(y + 1, 1) : utc(y, mo + 1) };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    const y = +m[1];
    if (precision === "decade") return { start: utc(y), end: utc(y + 10) };
    if (precision === "century") return { start: utc(y), end: utc(y + 100) };
    return { start: utc(y), end: utc(y + 1) };
  }
  if ((m = /^(\d{3})X?$/.exec(value))) return { start: utc(+m[1] * 10), end: utc(+m[1] * 10 + 10) };
  return null;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date as precise as it is known: "3 Mar 2024", "Mar 2024", "2024", "week 5 of 2024". */
export function formatDate(value: string | null | undefined, precision?: string | null): string {
  if (!value) return "undated";
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${+m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})-WE$/.exec(value))) return `weekend of week ${+m[2]}, ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `Q${m[2]} ${m[1]}`;
  if (/^\d{4}$/.test(value) && precision === "decade") return `${value}s`;
  return value;
}

export function formatCount(c: { min?: number | null; max?: number | null } | null | undefined): string {
  if (!c || c.min === null || c.min === undefined) return "";
  if (c.max !== null && c.max !== undefined && c.max !== c.min) return `${c.min}–${c.max}`;
  return String(c.min);
}
