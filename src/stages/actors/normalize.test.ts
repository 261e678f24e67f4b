import { describe, expect, it } from "vitest";
import { aliasKeys, normWord, skeleton } from "./normalize.js";

describe("actors: name keys", () => {
  it.each([
    ["Al-Sudani", ["sudani"]],
    ["al Sudani", ["sudani"]],
    ["U.S.", ["us"]],
    ["Kata'ib Hezbollah", ["kataib", "hezbollah"]],
    ["The Pentagon", ["pentagon"]],
    ["Popular Mobilisation Forces", ["popular", "mobilization", "forces"]],
    ["Erdoğan", ["erdogan"]],
    ["Port-au-Prince", ["port", "au", "prince"]],
  ])("%s -> %j", (alias, keys) => {
    expect(aliasKeys(alias)).toEqual(keys);
  });
  it("keeps a lone article (it is the whole name)", () => {
    expect(aliasKeys("Al")).toEqual(["al"]);
  });
  it("folds British spellings", () => {
    expect(normWord("Defence")).toBe("defense");
    expect(normWord("organisations")).toBe("organizations");
  });
});

describe("actors: transliteration skeletons", () => {
  it("variants of one name share a skeleton", () => {
    const groups = [
      ["Mohandis", "Muhandis", "Mohandes", "Muhandiss"],
      ["Kadhimi", "Kazimi"],
      ["Qassem", "Kassem", "Ghassem"],
      ["Soleimani", "Suleimani", "Sulaymani"],
    ];
    for (const g of groups) {
      const keys = g.map((n) => skeleton(normWord(n)));
      expect(new Set(keys).size, g.join("/")).toBe(1);
    }
  });
  it("different names keep different skeletons", () => {
    expect(skeleton("sudani")).not.toBe(skeleton("sadr"));
    expect(skeleton("maliki")).not.toBe(skeleton("muhandis"));
  });
});
