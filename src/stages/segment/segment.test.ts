import { describe, expect, it } from "vitest";
import { createDoc } from "../../model/document.js";
import { createSegmentStage } from "./index.js";

const stage = createSegmentStage();
const split = (text: string) => {
  const out = stage.run(createDoc({ text }));
  return { ...out, sentenceTexts: out.sentences.map((s) => text.slice(s.start, s.end)) };
};

describe("segment.v1", () => {
  it.each([
    [
      "The U.S. military said it struck two sites. Iraq condemned the strike.",
      ["The U.S. military said it struck two sites.", "Iraq condemned the strike."],
    ],
    ["Gen. Smith arrived in Baghdad on Jan. 4. He met officials.", ["Gen. Smith arrived in Baghdad on Jan. 4.", "He met officials."]],
    ['"We will respond," he said. The talks ended.', ['"We will respond," he said.', "The talks ended."]],
    ["Troops left at 3 p.m. on Monday.", ["Troops left at 3 p.m. on Monday."]],
    [
      "Maj. Gen. Mohamed Dagalo spoke. Sgt. Maj. Jones left. The war ended.",
      ["Maj. Gen. Mohamed Dagalo spoke.", "Sgt. Maj. Jones left.", "The war ended."],
    ],
  ])("splits %j", (text, expected) => {
    expect(split(text).sentenceTexts).toEqual(expected);
  });

  it("keeps offsets into the original text for every token", () => {
    const text = "  Iraq\u00a0and the U.S.   held talks —\n\nagain.  ";
    const { tokens } = split(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toContain("U.S.");
  });

  it("gives POS tags and lemmas", () => {
    const { tokens } = split("Militias attacked the bases.");
    const attacked = tokens.find((t) => t.text === "attacked");
    expect(attacked?.pos).toBe("VERB");
    expect(attacked?.lemma).toBe("attack");
  });

  it("makes no sentence of trailing whitespace", () => {
    const { sentences, tokens } = split("Talks began on Monday.\n\n");
    expect(sentences).toHaveLength(1);
    expect(Math.max(...tokens.map((t) => t.sentence))).toBe(0);
  });

  it("returns nothing for empty text and one sentence without a final stop", () => {
    expect(split("").sentences).toEqual([]);
    expect(split("No full stop here").sentences).toHaveLength(1);
  });

  it("finishes on pathological input", () => {
    const text = "a".repeat(100_000) + " " + "(".repeat(5_000) + '"'.repeat(5_000) + ".";
    const { sentences, tokens } = split(text);
    expect(sentences.length).toBeGreaterThan(0);
    expect(tokens[tokens.length - 1].end).toBeLessThanOrEqual(text.length);
  });
});

describe("segment: tagging fixes", () => {
  it("an irregular past tense before a particle is a verb ('units shot down helicopters'), not elsewhere ('a shot in the dark')", () => {
    const tokens = (text: string) => stage.run(createDoc({ text })).tokens;
    const shot = tokens("Wagner units shot down several helicopters.").find((t) => t.text === "shot");
    expect([shot?.pos, shot?.lemma]).toEqual(["VERB", "shoot"]);
    expect(tokens("It was a shot in the dark.").find((t) => t.text === "shot")?.pos).not.toBe("VERB");
  });
});
