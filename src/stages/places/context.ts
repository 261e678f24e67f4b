import { directionVector } from "./geometry.js";

/** The words before a name: part and vicinity modifiers ("eastern", "30 km south of", "near") and locative prepositions. */

// Context before a name, matched against a short window of text that ends where the name starts.
// All quantifiers are bounded, so the scan is linear in the window length.
export const DIST_DIR =
  /\b(\d{1,4}(?:[.,]\d{1,3})?)[\s-]{0,2}(km|kms|kilometers?|kilometres?|miles?|mi)\s{1,3}(?:\([^()]{0,24}\)\s{1,3})?((?:north|south)[\s-]?(?:east|west)|north|south|east|west)(?:wards?)?\s{1,3}of\s{1,3}(?:the\s{1,3})?$/i;

export const DIR_OF =
  /\b(the\s{1,3})?((?:north|south)[\s-]?(?:east|west)|north|south|east|west)(?:ern\s{1,3}(?:part|outskirts|edge|side|suburbs?))?\s{1,3}of\s{1,3}(?:the\s{1,3})?$/i;

export const DIR_ADJ =
  /\b((?:north|south)[\s-]?(?:east|west)(?:ern)?|northern|southern|eastern|western|central|north|south|east|west)\s{1,3}$/i;

export const NEAR =
  /\b(near|nearby|outside|around|close\s{1,3}to|next\s{1,3}to|(?:on\s{1,3}the\s{1,3})?(?:outskirts|suburbs|vicinity|edge|environs|periphery|fringes)\s{1,3}of)\s{1,3}(?:the\s{1,3})?$/i;

export const LOCATIVE =
  /\b(in|at|near|from|to|across|into|inside|throughout|within|towards?|outside|around|over|through|via|off|along|beyond|entered|enter|visited|visit|visiting|left|leave|leaving|reached|reach|fled|flee|toured|deployed|stationed|based|returned|travelled|traveled|arrived|headed|(?:bound|leaving|left|leave|headed|heading|departed|departing|sailed|flew|fly|flying)\s{1,3}for|all\s{1,3}over)\s{1,3}(?:the\s{1,3})?(?:(?:occupied|neighbou?ring|war-torn|war-ravaged|besieged|embattled|rebel-held|government-held)\s{1,3})?$/i;

export const GEO_OF =
  /\b(capital|parts?|outskirts|cit(?:y|ies)|provinces?|regions?|borders?|territor(?:y|ies)|soil|airspace|areas?|coast|cent(?:re|er)|heart|interior|streets|towns?|villages?|skies|waters|countryside|suburbs|corners?|north|south|east|west|rest|map|governorates?|districts?|outside|side)\s{1,3}of\s{1,3}(?:the\s{1,3})?$/i;

/** "Sanaa's airport", "Gaza's southern border", "Ukraine's second-largest city": the name is a place. */
export const POSSESSIVE_PLACE =
  /^['’]s\s{1,3}(?:(?:main|international|old|new|southern|northern|eastern|western|central|second|third|largest|biggest|second-largest|capital)\s{1,3}){0,2}(?:airport|port|harbou?r|outskirts|suburbs|streets|cent(?:re|er)|north|south|east|west|borders?|coast(?:line)?|capital|provinces?|regions?|city|cities|districts?|neighbou?rhoods?|territory|airspace|waters|skies|soil|countryside|villages?|towns?|frontline|front\s{1,3}line)\b/i;

/** "invaded Ukraine", "struck Iran": the object of an attack is where it happened (but "attacked US troops" is not a place). */
export const ATTACK_VERB =
  /\b(?:invaded|invade|invading|bombed|bombarded|shelled|struck|raided|occupied|annexed|attacked)\s{1,3}(?:the\s{1,3})?$/i;

/** "Britain-based", "a London-based group": the name locates something. */
export const BASED = /^-(?:based|born|headquartered)\b/i;

/** "according to X", "a letter to X", "ambassador to X": "to" without motion or location. */
export const NOT_LOCATIVE_TO =
  /\b(?:according|thanks|due|compared|belonging|belongs|pointed|listen(?:ed)?|talk(?:ed|ing)?|sp[eo]ak(?:ing)?|spoke|said|told|wrote|write|writing|letter|message|ambassador|envoy|answer|repl(?:y|ied)|respond(?:ed)?|referring|refers|similar|opposed|related|committed|loyal|allegiance|support|threats?|apolog(?:y|ized|ised)|addressed|handed|sent|gave|given|sold|delivered|offered|owed|to)\s{1,3}to\s{1,3}(?:the\s{1,3})?$/i;

/** "countries such as Greece, Italy or Spain": a list of places. */
export const PLACE_LIST =
  /\b(?:countries|nations|states|cities|towns|villages|places|regions|provinces|areas|destinations|capitals|islands)\s{1,3}(?:such\s{1,3}as|like|including|as\s{1,3}well\s{1,3}as)\s{1,3}(?:the\s{1,3})?$/i;

export const IN_WORDS = /\b(in|at|inside|within)\s{1,3}(?:the\s{1,3})?$/i;

export const COORD = /^\s{0,3}(?:,\s{0,3}(?:and|or)?|and|or|&)\s{1,3}(?:the\s{1,3})?(?:(?:north|south|east|west)(?:ern)?\s{1,3})?$/i;

export const QUALIFIER_GAP = /^\s{0,2}(?:,|\()\s{0,2}$/;

export interface Context {
  relation?: "part" | "near" | "in";
  vector?: readonly [number, number];
  distanceKm?: number;
  /** Start of the place phrase (before the name when a modifier precedes it). */
  start: number;
  /** Locative only as the object of an attack verb ("struck Iran"): a following noun makes it a modifier ("attacked US troops"). */
  viaVerb?: boolean;
  /** End of the place phrase when a modifier follows the name ("Kyiv's outskirts"). */
  end?: number;
  locative: boolean;
}

const COMPASS_ADJ = "(?:north|south)[\\s-]?(?:east|west)(?:ern)?|northern|southern|eastern|western|central";
/** "Kyiv's outskirts", "Khartoum's northern suburbs": the vicinity of the place. */
const POSSESSIVE_NEAR = new RegExp(
  `^['’]s\\s{1,3}(?:(${COMPASS_ADJ})\\s{1,3})?(outskirts|suburbs|environs|periphery|outer\\s{1,3}suburbs)\\b`,
  "i",
);
/** "Gaza's northern part", "Syria's eastern regions": a part of the place. */
const POSSESSIVE_PART = new RegExp(
  `^['’]s\\s{1,3}(${COMPASS_ADJ})\\s{1,3}(?:parts?|districts?|neighbou?rhoods?|areas?|regions?|provinces?|half|side|edge)\\b`,
  "i",
);

/** Reads the words after a name: "'s outskirts", "'s eastern districts". Only when nothing before the name said it. */
export function readContextAfter(text: string, end: number, ctx: Context): Context {
  if (ctx.relation === "part" || ctx.relation === "near") return ctx;
  const after = text.slice(end, end + 48);
  let mm = POSSESSIVE_NEAR.exec(after);
  if (mm)
    return {
      ...ctx,
      relation: "near",
      locative: true,
      end: end + mm[0].length,
      ...(mm[1] ? { vector: directionVector(mm[1]) ?? undefined } : {}),
    };
  mm = POSSESSIVE_PART.exec(after);
  if (mm) return { ...ctx, relation: "part", locative: true, end: end + mm[0].length, vector: directionVector(mm[1]) ?? undefined };
  return ctx;
}

/** Reads the words before a name: part/vicinity modifiers and locative prepositions. */
export function readContext(text: string, start: number, sentenceStart: number): Context {
  const from = Math.max(sentenceStart, start - 80);
  let window = text.slice(from, start);
  const ctx: Context = { start, locative: false };
  let mm: RegExpExecArray | null;
  if ((mm = DIST_DIR.exec(window))) {
    const value = Number(mm[1].replace(",", "."));
    const unit = mm[2].toLowerCase();
    ctx.relation = "near";
    ctx.vector = directionVector(mm[3]) ?? undefined;
    ctx.distanceKm = unit.startsWith("mi") ? value * 1.609 : value;
    ctx.start = from + mm.index;
  } else if ((mm = DIR_OF.exec(window))) {
    ctx.relation = mm[1] ? "part" : "near";
    ctx.vector = directionVector(mm[2]) ?? undefined;
    ctx.start = from + mm.index + (mm[1] ? mm[1].length : 0);
  } else if ((mm = DIR_ADJ.exec(window)) && !/[A-Z]/.test(mm[1].slice(1))) {
    ctx.relation = "part";
    ctx.vector = directionVector(mm[1]) ?? undefined;
    ctx.start = from + mm.index;
  } else if ((mm = NEAR.exec(window))) {
    ctx.relation = "near";
    ctx.start = from + mm.index;
  }
  // Locative words before the modifier (or before the name).
  window = text.slice(from, ctx.start);
  if (ctx.relation === "near") ctx.locative = true;
  else if ((LOCATIVE.test(window) && !NOT_LOCATIVE_TO.test(window)) || GEO_OF.test(window) || PLACE_LIST.test(window)) ctx.locative = true;
  else if (ATTACK_VERB.test(window)) {
    ctx.locative = true;
    ctx.viaVerb = true;
  }
  if (!ctx.relation && IN_WORDS.test(window)) ctx.relation = "in";
  if (ctx.relation === "part") ctx.locative = true;
  return ctx;
}
