import { describe, expect, it } from "vitest";
import { dateInterval, formatDate, isoDay } from "../../web/src/format.js";

/** The UI's date helpers (pure functions, no DOM): a date covers the whole period its precision says. */
describe("web date helpers", () => {
  const iv = (v: string, p?: string) => {
    const r = dateInterval(v, p);
    return r ? [isoDay(r.start), isoDay(r.end - 1)] : null;
  };
  it.each([
    ["2024-03-03", "day", ["2024-03-03", "2024-03-03"]],
    ["2024-03", "month", ["2024-03-01", "2024-03-31"]],
    ["2024-02", "month", ["2024-02-01", "2024-02-29"]],
    ["2024-12", "month", ["2024-12-01", "2024-12-31"]],
    ["2024", "year", ["2024-01-01", "2024-12-31"]],
    ["2024-W05", "week", ["2024-01-29", "2024-02-04"]],
    ["2024-W04-WE", "week", ["2024-01-27", "2024-01-28"]],
    ["2024-Q2", "quarter", ["2024-04-01", "2024-06-30"]],
    ["2023-WI", "season", ["2023-12-01", "2024-02-29"]],
    ["1990", "decade", ["1990-01-01", "1999-12-31"]],
  ])("%s (%s) covers %j", (value, precision, expected) => {
    expect(iv(value, precision)).toEqual(expected);
  });

  it("returns null for what is not a date", () => {
    expect(dateInterval("PXY")).toBeNull();
    expect(dateInterval("soon")).toBeNull();
  });

  it("formats a date no more precisely than it is known", () => {
    expect(formatDate("2024-03-03", "day")).toBe("3 Mar 2024");
    expect(formatDate("2024-03", "month")).toBe("Mar 2024");
    expect(formatDate("2024", "year")).toBe("2024");
    expect(formatDate("2024-W04-WE", "week")).toBe("weekend of week 4, 2024");
    expect(formatDate(null)).toBe("undated");
  });
});
