import type { Quantity, QuantityQualifier, QuantityRole, Sentence, TimeExpression, Token } from "../../model/annotations.js";
import { parseNumber, TENS, UNITS } from "./numbers.js";
import type { QuantitiesLexicon } from "./schema.js";

export const QUANTITIES_STAGE = "quantities.v1";

/** The lexicon in the shape the extractor looks things up. */
export interface QuantitiesIndex {
  readonly nounRole: ReadonlyMap<string, QuantityRole>;
  readonly verbRole: ReadonlyMap<string, QuantityRole>;
  readonly labels: ReadonlySet<string>;
}

export function indexLexicon(lex: QuantitiesLexicon): QuantitiesIndex {
  const nounRole = new Map<string, QuantityRole>();
  const verbRole = new Map<string, QuantityRole>();
  // Later roles never overwrite earlier ones: the file lists specific roles before "people".
  for (const [role, entry] of Object.entries(lex.roles) as [QuantityRole, { nouns: string[]; verbs: string[] }][]) {
    for (const n of entry.nouns) if (!nounRole.has(n)) nounRole.set(n, role);
    for (const v of entry.verbs) if (!verbRole.has(v)) verbRole.set(v, role);
  }
  return { nounRole, verbRole, labels: new Set(lex.labelsBefore.map((w) => w.toLowerCase())) };
}

const UNIT_ALT = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const TENS_ALT = Object.keys(TENS).join("|");
const WORD_NUM = `(?:(?:${TENS_ALT})(?:[- ](?:${UNIT_ALT}))?|${UNIT_ALT})`;
const SCALE = "hundred|thousand|million|billion";
const WORDS = `(?:${WORD_NUM}(?:[ -](?:${SCALE})(?:[ -](?:and[ -])?${WORD_NUM})?){0,3}|an?\\s(?:${SCALE})(?:[ -](?:and[ -])?${WORD_NUM})?)`;
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,3})?|\d{1,9}(?:\.\d{1,3})?)(?:\s(?:${SCALE}))?`;
const NUMX = `(?:${DIGITS}|${WORDS})`;
const QUAL = String.raw`about|around|approximately|roughly|nearly|almost|some|close\s+to|an\s+estimated|estimated|more\s+than|over|upwards\s+of|in\s+excess\s+of|at\s+least|no\s+fewer\s+than|no\s+less\s+than|fewer\s+than|less\s+than|under|up\s+to|no\s+more\s+than|as\s+many\s+as|at\s+most|just\s+over|just\s+under|well\s+over|nearly`;
const VAGUE = String.raw`(?:tens|hundreds)\s+of\s+thousands\s+of|dozens\s+of|scores\s+of|hundreds\s+of|thousands\s+of|millions\s+of|several|a\s+few|a\s+handful\s+of|a\s+dozen|(?:dozens|scores|hundreds|thousands|millions)(?=\s+(?:have|had|were|are|was|more|fled|died|remain|gathered|protested|marched|took)\b)`;

/** One number phrase: qualifier, "between"/"from", a number or a vague amount, and an optional second number (range or change). */
const NUMBER_RE = new RegExp(
  String.raw`(?<![\w.,$£€¥#/-])(?:(${QUAL})\s+)?(?:(between|from)\s+)?(?:(${VAGUE})|(${NUMX}))(?:\s{0,2}(-|–|to|and|or)\s{0,2}(?:(${QUAL})\s+)?(${NUMX}))?(?![\w%]|[.,]\d)`,
  "gi",
);

const CHANGE_BEFORE =
  /\b(?:reduc\w{0,5}|cut\w{0,4}|increas\w{0,4}|rais\w{0,4}|rose|ris(?:e|es|en|ing)|fell|fall\w{0,3}|dropp?\w{0,4}|decreas\w{0,4}|gr[eo]w\w{0,3}|boost\w{0,4}|expand\w{0,4}|lower\w{0,4}|slash\w{0,4}|trimm?\w{0,4}|shr[iau]nk\w{0,3}|climb\w{0,4}|jump\w{0,4}|swell\w{0,4}|swollen|doubl\w{0,4}|halv\w{0,4}|scal\w{0,4}\s+(?:back|down|up)|draw\w{0,3}\s+down)\b[^;]{0,100}$/i;

function qualifierOf(q: string | undefined): QuantityQualifier | undefined {
  if (!q) return undefined;
  const w = q.toLowerCase().replace(/\s+/g, " ");
  switch (w) {
    case "more than":
    case "over":
    case "upwards of":
    case "in excess of":
    case "just over":
    case "well over":
      return "more_than";
    case "at least":
    case "no fewer than":
    case "no less than":
      return "at_least";
    case "fewer than":
    case "less than":
    case "under":
    case "just under":
      return "less_than";
    case "up to":
    case "no more than":
    case "as many as":
    case "at most":
      return "at_most";
    default:
      return "about";
  }
}

function vagueValue(v: string): { value: number; qualifier: QuantityQualifier } {
  const w = v.toLowerCase().replace(/\s+/g, " ");
  if (w.startsWith("tens of thousands")) return { value: 10_000, qualifier: "thousands" };
  if (w.startsWith("hundreds of thousands")) return { value: 100_000, qualifier: "thousands" };
  if (w.startsWith("dozens")) return { value: 12, qualifier: "dozens" };
  if (w.startsWith("scores")) return { value: 20, qualifier: "dozens" };
  if (w.startsWith("hundreds")) return { value: 100, qualifier: "hundreds" };
  if (w.startsWith("thousands")) return { value: 1_000, qualifier: "thousands" };
  if (w.startsWith("millions")) return { value: 1_000_000, qualifier: "thousands" };
  if (w === "a dozen") return { value: 12, qualifier: "about" };
  return { value: 3, qualifier: "several" };
}

/** Verbs right before a number that say how it compares: "has exceeded 150", "rose to 30". */
const COMPARE_BEFORE =
  /\b(exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|top(?:ped|s)?|pass(?:ed|es)|reach(?:ed|es|ing)?|hit|st(?:ood|ands?)\s+at|(?:rose|risen|climbed|jumped|increased|grew)\s+to)\s+$/i;

/** "one" is a pronoun or an idiom far more often than a count. */
const ONE_SKIP_NEXT =
  /^\s*(?:of|another|day|time|side|hand|way|thing|point|by|or|another|more|less|after|too|in|on|at|could|can|would|should|will|must|may|might|is|was|has|had|who|that|which|,|\.)\b/i;
const ONE_SKIP_PREV = /\b(?:no|the|any|every|each|this|that|which|some|someone|anyone|no-one|one|little|only)\s+$/i;

const NOUN_POS = new Set(["NOUN", "PROPN"]);
const SKIP_POS = new Set(["ADJ", "PROPN", "NUM"]);

function tokenAfter(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface NounHit {
  unit: string;
  role?: QuantityRole;
  /** Index of the token after the noun phrase. */
  next: number;
}

/** The counted noun after a number: skips adjectives and names ("5,200 U.S. troops", "88 Iraqi parliamentarians"). */
function nounAfter(tokens: readonly Token[], from: number, sentence: number, idx: QuantitiesIndex, text: string): NounHit | null {
  let i = from;
  if (i < tokens.length && tokens[i].sentence === sentence && tokens[i].norm === "of") {
    i++;
    // partitives: "nine of the 20 hostages", "two of its soldiers"
    if (i < tokens.length && tokens[i].sentence === sentence && (tokens[i].pos === "DET" || tokens[i].pos === "PRON")) i++;
  } else if (i > 0 && i < tokens.length && tokens[i - 1].norm === "of" && tokens[i].sentence === sentence && tokens[i].pos === "DET") {
    i++; // "hundreds of the protesters"
  }
  const limit = Math.min(tokens.length, i + 6);
  let firstNoun = -1;
  for (let j = i; j < limit && tokens[j].sentence === sentence; j++) {
    const t = tokens[j];
    // A compound from the lexicon ("rocket attacks", "service members").
    if (j + 1 < tokens.length && tokens[j + 1].sentence === sentence) {
      const two = `${t.norm} ${tokens[j + 1].norm}`;
      const r2 = idx.nounRole.get(two);
      if (r2) return { unit: text.slice(t.start, tokens[j + 1].end), role: r2, next: j + 2 };
    }
    const r = idx.nounRole.get(t.norm);
    if (r) {
      // "three Iraqi militiamen", "five others", "12 dead"
      return { unit: text.slice((firstNoun >= 0 ? tokens[firstNoun] : t).start, t.end), role: r, next: j + 1 };
    }
    if (t.pos === "NOUN") {
      if (firstNoun < 0) firstNoun = j;
      // keep going through a compound: "drone attacks", "rocket launchers"
      const nxt = tokens[j + 1];
      if (nxt && nxt.sentence === sentence && nxt.pos === "NOUN") continue;
      return { unit: text.slice(tokens[firstNoun].start, t.end), next: j + 1 };
    }
    if (firstNoun >= 0) break;
    if (!(SKIP_POS.has(t.pos) || t.text === "-" || /^[A-Z][A-Za-z.]*$/.test(t.text))) break;
    if (NOUN_POS.has(t.pos) && j > i + 3) break;
  }
  if (firstNoun >= 0) {
    return { unit: text.slice(tokens[firstNoun].start, tokens[firstNoun].end), next: firstNoun + 1 };
  }
  return null;
}

/** A role verb near the number: before it ("killing three people") or after its noun ("three people were killed"). */
function verbRoleNear(
  tokens: readonly Token[],
  start: number,
  after: number,
  sentence: number,
  idx: QuantitiesIndex,
): { role: QuantityRole; distance: number } | null {
  let best: { role: QuantityRole; distance: number } | null = null;
  for (let j = start - 1, d = 1; j >= 0 && d <= 4 && tokens[j].sentence === sentence; j--, d++) {
    const t = tokens[j];
    if ((t.kind === "punctuation" && t.text !== "-") || t.pos === "CCONJ") break;
    const r = idx.verbRole.get(t.norm);
    if (r) {
      best = { role: r, distance: d };
      break;
    }
  }
  for (let j = after, d = 1; j < tokens.length && d <= 4 && tokens[j].sentence === sentence; j++, d++) {
    const t = tokens[j];
    // "91 people, including 14 police officers, were killed": step over a short parenthetical.
    if (t.text === "," && d === 1) {
      let close = -1;
      for (let x = j + 2; x < tokens.length && x <= j + 8 && tokens[x].sentence === sentence; x++) {
        if (tokens[x].text === ",") {
          close = x;
          break;
        }
        if (tokens[x].pos === "VERB" || tokens[x].pos === "AUX") break;
      }
      const opener = tokens[j + 1]?.norm;
      if (close > 0 && (opener === "including" || opener === "among" || opener === "mostly" || opener === "most")) {
        j = close;
        d = 0;
        continue;
      }
    }
    // "11 civilians and one soldier were killed": step over a coordinated count.
    if (t.norm === "and" && d === 1 && /^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a)\b/i.test(tokens[j + 1]?.text ?? "")) {
      let x = j + 2;
      while (x < tokens.length && x <= j + 4 && tokens[x].pos !== "AUX" && tokens[x].pos !== "VERB" && tokens[x].kind !== "punctuation")
        x++;
      j = x - 1;
      d = 0;
      continue;
    }
    if (t.kind === "punctuation" || t.kind === "number") break;
    const r = idx.verbRole.get(t.norm);
    if (r) {
      if (!best || d < best.distance) best = { role: r, distance: d };
      break;
    }
  }
  return best;
}

/** Verb roles that say what happened to the counted ("three soldiers were killed" counts the killed). */
const EVENT_ROLES = new Set<QuantityRole>(["killed", "injured", "arrested", "hostages", "missing", "displaced"]);

/** "the number of attacks ... has exceeded 150", "the death toll rose to 30": the counted noun comes first. */
function nounBefore(
  text: string,
  sentenceStart: number,
  at: number,
  tokens: readonly Token[],
  sentence: number,
  idx: QuantitiesIndex,
): NounHit | null {
  const before = text.slice(Math.max(sentenceStart, at - 200), at);
  if (/\bdeath\s+toll\b|\btoll\b/i.test(before)) return { unit: "death toll", role: "killed", next: -1 };
  const m =
    /\b(?:number|total|tally|count|numbers)\s+of\s+((?:[A-Za-z.'-]{1,30}\s+){0,3}?)([a-z][a-z-]{1,30})\b(?![\s\S]*\b(?:number|total)\s+of\b)/i.exec(
      before,
    );
  if (m) {
    const words = `${m[1]}${m[2]}`.trim().split(/\s+/);
    // the first lexicon noun after "of", else the last word of the phrase
    for (let k = 0; k < words.length; k++) {
      const w = words[k].toLowerCase();
      if (k + 1 < words.length) {
        const two = `${w} ${words[k + 1].toLowerCase()}`;
        if (idx.nounRole.has(two)) return { unit: `${words[k]} ${words[k + 1]}`, role: idx.nounRole.get(two), next: -1 };
      }
      if (idx.nounRole.has(w)) return { unit: words[k], role: idx.nounRole.get(w), next: -1 };
    }
    return { unit: m[2], next: -1 };
  }
  // "reduce the U.S. troops in Iraq from 5,200 to ...": a lexicon noun a few tokens back in the clause.
  const ti = tokenAfter(tokens, at);
  for (let j = ti - 1, d = 0; j >= 0 && d < 8 && tokens[j].sentence === sentence; j--, d++) {
    const t = tokens[j];
    if (t.kind === "punctuation" && t.text !== "." && t.text !== "-") break;
    const r = idx.nounRole.get(t.norm);
    if (r && t.pos === "NOUN") return { unit: t.text, role: r, next: -1 };
  }
  return null;
}

/** Finds the counts in a text's sentences (see index.ts for the rules). */
export function extractQuantities(
  text: string,
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  times: readonly TimeExpression[],
  idx: QuantitiesIndex,
): Quantity[] {
  const out: Quantity[] = [];
  const timeMask = new Uint8Array(text.length + 1);
  for (const t of times) for (let i = t.start; i < t.end && i < text.length; i++) timeMask[i] = 1;
  for (const s of sentences) {
    const stext = text.slice(s.start, s.end);
    if (
      !/\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty\b|ty-|hundred|thousand|million|dozen|several|few|handful|scores/i.test(
        stext,
      )
    )
      continue;
    NUMBER_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NUMBER_RE.exec(stext)) !== null) {
      if (m[0].length === 0) {
        NUMBER_RE.lastIndex++;
        continue;
      }
      const r = readMatch(m, s, text, tokens, timeMask, idx);
      if (r.q) out.push(r.q);
      if (r.resume !== undefined) NUMBER_RE.lastIndex = r.resume - s.start;
    }
  }
  return out;
}

interface Read {
  q: Quantity | null;
  /** Where to go on scanning when only the first number of a pair was used. */
  resume?: number;
}

function readMatch(
  m: RegExpExecArray,
  s: Sentence,
  text: string,
  tokens: readonly Token[],
  timeMask: Uint8Array,
  idx: QuantitiesIndex,
): Read {
  const r = readMatchInner(m, s, text, tokens, timeMask, idx);
  return r && "resume" in r ? r : { q: r as Quantity | null };
}

function readMatchInner(
  m: RegExpExecArray,
  s: Sentence,
  text: string,
  tokens: readonly Token[],
  timeMask: Uint8Array,
  idx: QuantitiesIndex,
): Quantity | Read | null {
  const start = s.start + m.index;
  const end = start + m[0].length;
  const [, qual1, lead, vague, num1, sep, qual2, num2] = m;
  // the core (numbers only) must not be part of a time expression ("13 January", "20 years", "2020")
  const coreStart = start + m[0].toLowerCase().indexOf((vague ?? num1).toLowerCase());
  const sepWord = sep?.toLowerCase();
  const firstEnd = num1 ? coreStart + num1.length : end;
  if (num2 && (sepWord === "and" || sepWord === "or") && lead?.toLowerCase() !== "between") {
    // "two or three" is a range; "three people ... and five" is not: read the first number alone
    if (sepWord === "and" || !/^[a-z]/i.test(num1 ?? "")) {
      if (hasTime(timeMask, coreStart, firstEnd)) return { q: null, resume: firstEnd };
      return { q: readSingle(text, s, start, firstEnd, qual1, num1, tokens, idx), resume: firstEnd };
    }
  }
  for (let i = coreStart; i < end; i++) if (timeMask[i]) return num2 ? { q: null, resume: firstEnd } : null;
  if (num2 && (sepWord === "-" || sepWord === "–") && (!/^\d/.test(num1 ?? "") || !/^\d/.test(num2))) return null;
  // labels ("Section 301", "Brigade 12", "No. 5")
  const prev = /([A-Za-z.]+)\s*$/.exec(text.slice(Math.max(s.start, start - 20), start));
  if (prev && idx.labels.has(prev[1].toLowerCase().replace(/\.$/, "")) && /^\d/.test(num1 ?? "")) return null;
  if (prev && idx.labels.has(prev[1].toLowerCase()) && /^\d/.test(num1 ?? "")) return null;
  const after = text.slice(end, end + 12);
  if (/^(?::\d|\/\d|\s?(?:a\.m|p\.m|am\b|pm\b|GMT|UTC))/i.test(after)) return null;
  if (/^\s?(?:%|percent|per\s+cent)/i.test(after)) {
    // percentages are shares, not counts of people or things
    return null;
  }
  if (num1 && /^one$/i.test(num1.trim()) && !num2) {
    if (ONE_SKIP_NEXT.test(after) || ONE_SKIP_PREV.test(text.slice(Math.max(s.start, start - 12), start))) return null;
  }

  const sentenceIdx = tokenSentence(tokens, start, s.index);
  const ti = tokenAfter(tokens, end);
  let noun = nounAfter(tokens, ti, sentenceIdx, idx, text);
  let qualifier: QuantityQualifier = "exact";
  let value: number;
  let max: number | undefined;
  let from: number | undefined;

  if (vague) {
    const v = vagueValue(vague);
    value = v.value;
    qualifier = v.qualifier;
  } else {
    const v1 = parseNumber(num1!);
    if (v1 === null) return null;
    value = v1;
    if (num2) {
      const v2 = parseNumber(num2);
      if (v2 === null) return null;
      const changeCue = lead?.toLowerCase() === "from" && CHANGE_BEFORE.test(text.slice(Math.max(s.start, start - 120), start));
      if (changeCue && sepWord === "to") {
        from = v1;
        value = v2;
        qualifier = qualifierOf(qual2) ?? "exact";
      } else if (v2 > v1) {
        max = v2;
        qualifier = "range";
      } else {
        return { q: readSingle(text, s, start, firstEnd, qual1, num1, tokens, idx), resume: firstEnd };
      }
    }
  }
  if (qualifier === "exact" || (qualifier === "about" && !qual1)) {
    const qq = qualifierOf(qual1);
    if (qq && max === undefined) qualifier = from !== undefined ? qualifier : qq;
    else if (!qual1) {
      const cmp = COMPARE_BEFORE.exec(text.slice(Math.max(s.start, start - 30), start));
      if (cmp && /^(?:exceed|surpass|top|pass)/i.test(cmp[1])) qualifier = "more_than";
    }
  }
  if (!noun) noun = nounBefore(text, s.start, start, tokens, sentenceIdx, idx);
  const firstTok = tokenAfter(tokens, start);
  const verb = verbRoleNear(tokens, firstTok, noun && noun.next >= 0 ? noun.next : ti, sentenceIdx, idx);
  let role: QuantityRole = noun?.role ?? "other";
  // "30 wounded": a noun that names what happened wins; else a verb that does ("killing three people").
  if (verb && !(noun?.role && EVENT_ROLES.has(noun.role)) && (EVENT_ROLES.has(verb.role) || !noun)) role = verb.role;
  if (!noun && !verb && (num1 ?? "").length > 0 && /^\d{4}$/.test(num1!) && !qual1) {
    // A bare four-digit number the times stage did not take is a year-like code, not a count.
    return null;
  }
  // "from several bases": "from" / "between" belong to the span only for a pair
  let spanStart = start;
  if (!num2 && lead) {
    const rel = m[0].toLowerCase().indexOf(lead.toLowerCase()) + lead.length;
    const rest = m[0].slice(rel);
    spanStart = start + rel + (rest.length - rest.trimStart().length);
  }
  return {
    start: spanStart,
    end,
    text: text.slice(spanStart, end),
    rule: `${QUANTITIES_STAGE}:${from !== undefined ? "change" : max !== undefined ? "range" : vague ? "vague" : /^\d/.test(num1!) ? "digits" : "words"}`,
    value,
    ...(max !== undefined ? { max } : {}),
    qualifier,
    role,
    ...(noun ? { unit: noun.unit } : {}),
    ...(from !== undefined ? { from } : {}),
  };
}

function hasTime(mask: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (mask[i]) return true;
  return false;
}

function tokenSentence(tokens: readonly Token[], pos: number, fallback: number): number {
  const i = tokenAfter(tokens, pos);
  return i < tokens.length ? tokens[i].sentence : fallback;
}

/** The first number of a failed range, alone ("three people, ... and five others" is two counts). */
function readSingle(
  text: string,
  s: Sentence,
  start: number,
  end: number,
  qual: string | undefined,
  num: string | undefined,
  tokens: readonly Token[],
  idx: QuantitiesIndex,
): Quantity | null {
  if (!num) return null;
  const value = parseNumber(num);
  if (value === null) return null;
  const sentenceIdx = tokenSentence(tokens, start, s.index);
  const noun = nounAfter(tokens, tokenAfter(tokens, end), sentenceIdx, idx, text);
  const verb = verbRoleNear(
    tokens,
    tokenAfter(tokens, start),
    noun && noun.next >= 0 ? noun.next : tokenAfter(tokens, end),
    sentenceIdx,
    idx,
  );
  let role: QuantityRole = noun?.role ?? "other";
  // "30 wounded": a noun that names what happened wins; else a verb that does ("killing three people").
  if (verb && !(noun?.role && EVENT_ROLES.has(noun.role)) && (EVENT_ROLES.has(verb.role) || !noun)) role = verb.role;
  return {
    start,
    end,
    text: text.slice(start, end),
    rule: `${QUANTITIES_STAGE}:${/^\d/.test(num) ? "digits" : "words"}`,
    value,
    qualifier: qualifierOf(qual) ?? "exact",
    role,
    ...(noun ? { unit: noun.unit } : {}),
  };
}
