/**
 * Cases that need every stage together (actors' rules feed the events stage's coreference): short texts in our own
 * words, each with an explicit publication date.
 */
import { describe, expect, it } from "vitest";
import type { Event } from "../../src/model/annotations.js";
import { createExtractor } from "../../src/runtime/extractor.js";

const extractor = createExtractor();
const events = (text: string, published: string): readonly Event[] => extractor.extract({ text, published }).events;
const countries = (e: Event | undefined, side: "sources" | "targets") => e?.[side].map((a) => a.country);

describe("whole pipeline: who did what to whom across sentences", () => {
  it("'He also said India was behind ...' after a titled spokesman: the spokesman's country accuses", () => {
    const text =
      "QUETTA, Pakistan, March 13 - Pakistan's army said it had freed the hostages. Foreign Office spokesman Shafqat Ali Khan on Thursday called on Kabul to act. He also said India was behind a wave of violence in the province.";
    const accusation = events(text, "2025-03-13").find((e) => e.type === "ACCUSE" && e.trigger.text === "was");
    expect(countries(accusation, "sources")).toEqual(["PAK"]);
    expect(countries(accusation, "targets")).toEqual(["IND"]);
  });
  it("'It said ...' after a committee does not take a person's pronoun", () => {
    const text =
      "ISLAMABAD, April 24 - India expelled Pakistani diplomats on Wednesday. Pakistan accused India of aggression. Pakistan's National Security Committee met on Thursday. It said any attempt to divert water would be answered with full force.";
    const threat = events(text, "2025-04-24").find((e) => e.type === "THREATEN");
    expect(countries(threat, "sources")).toEqual(["PAK"]);
    expect(countries(threat, "targets")).toEqual(["IND"]);
  });
  it("'the government accused Algeria' after Mali's authorities spoke is Mali's government", () => {
    const text =
      "ALGIERS, April 8 - Algeria recalled its ambassador to Mali on Monday. Algeria said its army downed a drone. Algeria closed its airspace. Mali's transitional authorities gave a different account. They said the drone was found inside Mali. On Sunday, the government accused Algeria of sponsoring terrorism.";
    const accusation = events(text, "2025-04-08").find((e) => e.type === "ACCUSE" && e.trigger.text === "accused");
    expect(countries(accusation, "sources")).toEqual(["MLI"]);
    expect(countries(accusation, "targets")).toEqual(["DZA"]);
  });
});
