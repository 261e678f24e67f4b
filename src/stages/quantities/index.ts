import { layer } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import { extractQuantities, indexLexicon, QUANTITIES_STAGE } from "./extract.js";
import type { QuantitiesLexicon } from "./schema.js";

export { QUANTITIES_STAGE } from "./extract.js";

export interface QuantitiesResources {
  /** data/quantities/lexicon.json: counted nouns and verbs per role, label words. */
  readonly lexicon: QuantitiesLexicon;
}

/**
 * Counts in the text: digits and words ("three", "twenty-five", "1.5 million", "5,200"),
 * ranges ("20 to 30", "20-30", "between 20 and 30", "two or three"), vague amounts
 * ("dozens of" 12, "hundreds of" 100, "thousands of" 1000, "several" 3), qualifiers
 * ("about", "more than", "at least", "up to"...), and changes: "reduce ... from 5,200 to
 * about 3,500" is ONE quantity, value 3500 (qualifier of the new figure), from 5200.
 *
 * The counted noun (`unit`) is read after the number, skipping adjectives and names
 * ("5,200 U.S. troops"), or before it ("the number of attacks ... has exceeded 150",
 * "the death toll rose to 30"). `role` comes from that noun and from a role verb next to
 * the number ("killing three people" killed, "wounding five others" injured, "three
 * soldiers were killed" killed); a verb naming what happened wins over the noun.
 *
 * Not counts: numbers inside time expressions (the times layer: years, dates, clock
 * times, durations), ordinals ("12th Brigade"), labels ("Section 301", "F-16"),
 * percentages, money, "one of the".
 */
export function createQuantitiesStage(resources: QuantitiesResources): Stage<"quantities"> {
  const idx = indexLexicon(resources.lexicon);
  return {
    name: QUANTITIES_STAGE,
    requires: ["sentences", "tokens", "times"],
    provides: ["quantities"],
    run(doc) {
      return {
        quantities: extractQuantities(doc.text, layer(doc, "sentences"), layer(doc, "tokens"), layer(doc, "times"), idx),
      };
    },
  };
}
