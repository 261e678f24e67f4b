import { describe, expect, it } from "vitest";
import { lastStartingAtOrBefore } from "./search.js";

describe("lastStartingAtOrBefore", () => {
  const items = [{ start: 0 }, { start: 10 }, { start: 20 }];
  it.each([
    [-1, -1],
    [0, 0],
    [9, 0],
    [10, 1],
    [25, 2],
  ])("offset %i -> index %i", (offset, index) => {
    expect(lastStartingAtOrBefore(items, offset)).toBe(index);
  });
  it("an empty list has none", () => {
    expect(lastStartingAtOrBefore([], 5)).toBe(-1);
  });
});
