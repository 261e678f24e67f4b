/** Pure calendar arithmetic on proleptic Gregorian dates (UTC, no clock, no time zone). */

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function parseIsoDate(value: string | null | undefined): Ymd | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function toDate(x: Ymd): Date {
  const dt = new Date(Date.UTC(2000, x.m - 1, x.d));
  dt.setUTCFullYear(x.y);
  return dt;
}

function fromDate(dt: Date): Ymd {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(x: Ymd, n: number): Ymd {
  const dt = toDate(x);
  dt.setUTCDate(dt.getUTCDate() + n);
  return fromDate(dt);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(x: Ymd, n: number): Ymd {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(2000 + (((y % 400) + 400) % 400), m, 0)).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(x: Ymd): number {
  return toDate(x).getUTCDay();
}

/** Days from a to b (b - a). */
export function diffDays(a: Ymd, b: Ymd): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}

/** ISO 8601 week: the week's year and number. */
export function isoWeek(x: Ymd): { year: number; week: number } {
  const dt = toDate(x);
  const day = dt.getUTCDay() || 7;
  dt.setUTCDate(dt.getUTCDate() + 4 - day); // Thursday of this week
  const year = dt.getUTCFullYear();
  const jan1 = new Date(Date.UTC(2000, 0, 1));
  jan1.setUTCFullYear(year);
  const week = Math.ceil(((dt.getTime() - jan1.getTime()) / 86_400_000 + 1) / 7);
  return { year, week };
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** TIMEX year: "2024", "0490"; years before 1 AD are stored as negative numbers (490 BC = -490) and written "BC0490". */
export function yearString(y: number): string {
  return y < 0 ? `BC${pad(-y, 4)}` : pad(y, 4);
}

export function dateString(x: Ymd): string {
  return `${yearString(x.y)}-${pad(x.m, 2)}-${pad(x.d, 2)}`;
}

export function monthString(y: number, m: number): string {
  return `${yearString(y)}-${pad(m, 2)}`;
}

export function weekString(x: Ymd): string {
  const w = isoWeek(x);
  return `${yearString(w.year)}-W${pad(w.week, 2)}`;
}

/** Adds years on the BC/AD number line used here (no year 0: 1 BC + 1 = 1 AD). */
export function addYears(y: number, n: number): number {
  if (y < 0 && y + n >= 0) return y + n + 1;
  if (y > 0 && y + n <= 0) return y + n - 1;
  return y + n;
}
