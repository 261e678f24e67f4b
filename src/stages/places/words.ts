import type { Mention, Token } from "../../model/annotations.js";
import type { Gazetteer } from "./gazetteer.js";
import { placeKey } from "./normalize.js";

/** Token-level tests for place names: capitalisation, connectors, function and date words, what follows a name. */

/** Lower-case words that may sit inside a multi-word place name. */
export const CONNECTORS = new Set([
  "of",
  "and",
  "the",
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "el",
  "al",
  "ad",
  "ar",
  "as",
  "an",
  "ash",
  "at",
  "az",
  "ez",
  "es",
  "en",
  "bin",
  "ibn",
  "bint",
  "upon",
  "on",
  "sur",
  "am",
  "im",
  "del",
  "da",
  "do",
  "dos",
  "das",
  "di",
  "van",
  "der",
  "von",
  "y",
]);

/** Lower-case Arabic articles that may start a name when hyphenated ("al-Tanf"). */
export const ARTICLES = new Set(["al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ez", "es", "ed"]);

/** Capitalised words after a place name that keep it a place ("Mosul Dam", "Kirkuk Airport"). */
export const FACILITY_WORDS = new Set([
  "airport",
  "airbase",
  "air",
  "base",
  "camp",
  "dam",
  "port",
  "crossing",
  "border",
  "bridge",
  "square",
  "refinery",
  "field",
  "valley",
  "river",
  "province",
  "governorate",
  "district",
  "region",
  "oblast",
  "city",
  "prison",
  "hospital",
  "checkpoint",
  "highway",
  "road",
  "mountains",
  "mountain",
  "plain",
  "plains",
  "desert",
  "lake",
  "island",
  "islands",
  "coast",
  "cathedral",
  "mosque",
  "church",
  "museum",
  "stadium",
  "palace",
  "hotel",
  "market",
  "bazaar",
  "citadel",
  "gate",
  "harbour",
  "harbor",
  "station",
  "terminal",
]);

/** Words before a name that are not part of it ("Northern Syria", "Iraqi Kurdistan", "Monday"). */
export const COMPASS =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|upper|lower|greater|occupied)$/i;

export const SAY_VERBS = new Set([
  "say",
  "said",
  "says",
  "warn",
  "warned",
  "warns",
  "claim",
  "claimed",
  "announce",
  "announced",
  "accuse",
  "accused",
  "deny",
  "denied",
  "demand",
  "demanded",
  "urge",
  "urged",
  "insist",
  "insisted",
  "reject",
  "rejected",
  "condemn",
  "condemned",
  "respond",
  "responded",
  "threaten",
  "threatened",
  "want",
  "wants",
  "hope",
  "hopes",
  "argue",
  "argued",
  "confirm",
  "confirmed",
  "agree",
  "agreed",
  "plan",
  "plans",
  "seek",
  "seeks",
  "believe",
  "believes",
  "blamed",
  "blames",
  "sees",
  "views",
  "pledged",
  "vowed",
  "signed",
  "imposed",
  "sanctioned",
]);

export const AUX = new Set([
  "has",
  "have",
  "had",
  "is",
  "was",
  "will",
  "would",
  "could",
  "may",
  "might",
  "should",
  "must",
  "also",
  "has",
  "did",
  "does",
  "'s",
]);

export function markMentions(tokens: readonly Token[], mentions: readonly Mention[], blocked: Uint8Array, blockSpan: Int32Array): void {
  if (mentions.length === 0) return;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let k = 0;
  for (let i = 0; i < tokens.length && k < sorted.length; i++) {
    const t = tokens[i];
    while (k < sorted.length && sorted[k].end <= t.start) k++;
    for (let x = k; x < sorted.length && sorted[x].start < t.end; x++) {
      const m = sorted[x];
      if (m.end <= t.start) continue;
      // Unknown names are left to this stage (many are places); country and actor mentions
      // ("Iraq", "US forces") are places only in locative context; people and organisations never.
      if (m.kind === "unknown") continue;
      const kind = m.kind === "country" || m.kind === "actor" ? 2 : 1;
      if (kind === 1 || blocked[i] === 0) {
        blocked[i] = kind;
        blockSpan[2 * i] = m.start;
        blockSpan[2 * i + 1] = m.end;
      }
    }
  }
}

/** Capitalised function words that may stand before a name at the start of a sentence ("In Baghdad, ..."). */
export const FUNCTION_WORDS = new Set(
  "in at on from to the of by for with since during after before near across into inside outside and or but as while when where if then once around over under between throughout within towards toward via a an this that these those its their his her our".split(
    " ",
  ),
);

/** First word of its sentence (after any opening quotes or brackets). */
export function sentenceInitial(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && tokens[j].sentence === tokens[i].sentence; j--)
    if (tokens[j].kind === "word" || tokens[j].kind === "number") return false;
  return true;
}

export const TEMPORAL =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

export const UPPER_START = /^\p{Lu}/u;

export const ODD_CASE = /\p{Ll}\p{Lu}/u;

export function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  // ASCII: only A-Z are upper-case letters.
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(s);
}

export function isAllCapsWord(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function attached(tokens: readonly Token[], a: number, b: number): boolean {
  return tokens[a].end === tokens[b].start;
}

/** Hyphen characters that join the parts of a name ("al-Tanf", "Deir el\u2011Balah"). */
export const HYPHENS = new Set(["-", "\u2010", "\u2011", "\u2012", "\u2013"]);

/** A token that can start a name: a capitalised word, or "al-"/"el-" before a capitalised word. */
export function canStart(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== "word" || t.text.length > MAX_WORD) return false;
  if (isCapitalised(t.text)) return true;
  return (
    ARTICLES.has(t.norm) &&
    i + 2 < tokens.length &&
    HYPHENS.has(tokens[i + 1].text) &&
    attached(tokens, i, i + 1) &&
    attached(tokens, i + 1, i + 2) &&
    isCapitalised(tokens[i + 2].text)
  );
}

/** No place-name word is longer than this; longer tokens are noise (and would slow key building). */
export const MAX_WORD = 40;

/** Lower-case words that may end a name ("Kandahar province", "Rafah crossing", "Jenin refugee camp"). */
export const TRAILING_WORDS = new Set([
  ...FACILITY_WORDS,
  "county",
  "state",
  "refugee",
  "displacement",
  "nuclear",
  "power",
  "plant",
  "corridor",
  "strait",
  "straits",
  "sea",
  "oil",
  "gas",
  "heights",
  "strip",
  "peninsula",
  "airfield",
  "garrison",
  "compound",
  "gulf",
  "ocean",
  "canal",
  "envelope",
  "pocket",
  "enclave",
  "salient",
]);

/** A token that can continue a name started before it. */
export function nameish(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (t.text.length > MAX_WORD) return false;
  if (TRAILING_WORDS.has(t.norm)) return true;
  if (HYPHENS.has(t.text)) return attached(tokens, j - 1, j) && j + 1 < tokens.length && attached(tokens, j, j + 1);
  if (t.text === "." || t.text === "'" || t.text === "’" || t.norm === "'s" || t.norm === "’s") return attached(tokens, j - 1, j);
  if (t.kind === "number") return /^\d{1,3}$/.test(t.text);
  if (t.kind !== "word") return false;
  return isCapitalised(t.text) || CONNECTORS.has(t.norm) || (attached(tokens, j - 1, j) && HYPHENS.has(tokens[j - 1].text));
}

export const TEMPORAL_NEXT = new Set([
  "today",
  "yesterday",
  "tonight",
  "now",
  "last",
  "this",
  "next",
  "earlier",
  "later",
  "recently",
  "since",
  "until",
]);

/** "US troops", "Iraq war": a country name used as a modifier of the next noun, not as a place. */
export function attributive(tokens: readonly Token[], last: number): boolean {
  const n = tokens[last + 1];
  if (!n || n.sentence !== tokens[last].sentence || n.start > tokens[last].end + 1) return false;
  if (n.kind !== "word" || isCapitalised(n.text) || TEMPORAL_NEXT.has(n.norm)) return false;
  return n.pos === "NOUN" || n.pos === "ADJ" || n.pos === "PROPN";
}

/**
 * A coordinated name ends its conjunct when what follows is punctuation, a conjunction or
 * a preposition, not a verb ("..., and Israel struck") or a noun/demonym it modifies
 * ("..., and U.S. and British forces").
 */
export function endsConjunct(tokens: readonly Token[], last: number, gz: Gazetteer): boolean {
  const n = tokens[last + 1];
  if (!n || n.sentence !== tokens[last].sentence) return true;
  if (n.kind === "punctuation") return true;
  if (n.pos === "CCONJ") {
    const after = tokens[last + 2];
    return !(after && gz.demonyms.has(placeKey(after.text)));
  }
  return n.pos === "ADP" || n.pos === "SCONJ";
}

/** What may follow a qualifier: the end of the phrase, a possessive ("Ukraine's second city") or a date word. */
export function endsQualifier(tokens: readonly Token[], last: number): boolean {
  const n = tokens[last + 1];
  if (!n || n.sentence !== tokens[last].sentence) return true;
  if (n.norm === "'s" || n.norm === "’s" || TEMPORAL.test(n.text)) return true;
  if (n.kind === "punctuation") return n.text !== "-";
  // "Baghdad, Iraq and beyond" ends the phrase; "Mosul, Anbar and Diyala" is a list.
  if (n.pos === "CCONJ") {
    const after = tokens[last + 2];
    return !after || after.sentence !== n.sentence || !isCapitalised(after.text);
  }
  return n.pos === "ADP" || n.pos === "SCONJ";
}

/** "Washington said", "Moscow has warned": a capital standing for its government. */
export function saysNext(tokens: readonly Token[], last: number): boolean {
  let j = last + 1;
  if (j < tokens.length && AUX.has(tokens[j].norm)) j++;
  if (j < tokens.length && AUX.has(tokens[j].norm)) j++;
  return j < tokens.length && SAY_VERBS.has(tokens[j].norm);
}

/**
 * Headlines in Title Case: at least 4 words, 70% or more of them capitalised (function words
 * included), and no full stop at the end (a capitalised list of names ends with one).
 */
export function titleCaseSentences(tokens: readonly Token[], count: number): boolean[] {
  const words = new Array<number>(count).fill(0);
  const caps = new Array<number>(count).fill(0);
  const lastText = new Array<string>(count).fill("");
  for (const t of tokens) {
    if (t.sentence >= count) continue;
    lastText[t.sentence] = t.text;
    if (t.kind !== "word") continue;
    words[t.sentence]++;
    if (isCapitalised(t.text)) caps[t.sentence]++;
  }
  return words.map((w, i) => w >= 4 && caps[i] >= 0.7 * w && lastText[i] !== ".");
}
