import type { Token } from "../../model/annotations.js";

/**
 * Clause structure without a parser: a left-to-right walk over a sentence's tokens
 * that opens a clause at subordinators, relative pronouns, reported-speech
 * complements and coordinated predicates, and returns to the outer clause after a
 * comma-delimited relative clause. Linear in the sentence length.
 */

export type ClauseKind = "main" | "content" | "relative" | "coord" | "sub";

export interface Clause {
  readonly id: number;
  readonly kind: ClauseKind;
  /** The clause this one depends on (-1 for a main clause). */
  readonly parent: number;
  /** For a "content" clause: local index of the speech verb that governs it. */
  readonly speechVerb: number;
  /** Local index of the first token. */
  readonly first: number;
}

export interface ClauseMap {
  /** Clause id of each local token. */
  readonly of: readonly number[];
  readonly clauses: readonly Clause[];
  /** Local index of a speech verb that reports the whole sentence ("..., officials said."), or -1. */
  readonly trailerSpeech: number;
}

const SUBORDINATORS = new Set([
  "because",
  "while",
  "although",
  "though",
  "whereas",
  "if",
  "unless",
  "when",
  "after",
  "before",
  "until",
  "since",
  "as",
  "once",
]);
const RELATIVE = new Set(["which", "who", "whom", "whose"]);
export function isVerbLike(t: Token): boolean {
  return t.pos === "VERB" || t.pos === "AUX";
}

/** A verb inside a hyphenated modifier ("Pakistan-administered", "Iran-backed") predicates nothing. */
function hyphenated(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return prev !== undefined && prev.norm === "-" && prev.end === tokens[k].start;
}

/** What a speaker speaks in: "said in a statement that ...", "told reporters in an interview that ...". */
const SPEECH_VEHICLES = new Set([
  "statement",
  "communique",
  "communiqué",
  "release",
  "address",
  "interview",
  "speech",
  "letter",
  "post",
  "briefing",
  "broadcast",
]);

/** "said that morning": a time after a demonstrative "that". */
const TIME_NOUNS = new Set(["morning", "afternoon", "evening", "night", "day", "week", "month", "year", "time", "weekend"]);

export function segmentClauses(tokens: readonly Token[], a: number, b: number, speechVerbs: ReadonlySet<string>): ClauseMap {
  const n = b - a;
  const of: number[] = new Array(n).fill(0);
  const clauses: Clause[] = [{ id: 0, kind: "main", parent: -1, speechVerb: -1, first: 0 }];
  let current = 0;
  /** Clause to return to at the next comma (after ", which ...,"). */
  const resume: number[] = [];
  const hasVerb: boolean[] = [false];
  let lastSpeech = -1;
  const open = (kind: ClauseKind, parent: number, first: number, speechVerb = -1): number => {
    const id = clauses.length;
    clauses.push({ id, kind, parent, speechVerb, first });
    hasVerb.push(false);
    return id;
  };
  for (let k = 0; k < n; k++) {
    const t = tokens[a + k];
    const w = t.norm;
    const prev = k > 0 ? tokens[a + k - 1] : undefined;
    if (w === ";" || (w === ":" && k > 2)) {
      of[k] = current;
      current = open("main", -1, k + 1);
      resume.length = 0;
      continue;
    }
    // "Hours before the summit ended, supporters marched": a fronted subordinate clause ends at its comma.
    if (
      w === "," &&
      clauses[current].kind === "sub" &&
      hasVerb[current] &&
      clauses[current].first <= 3 &&
      clauses[current].parent >= 0 &&
      !hasVerb[clauses[current].parent]
    ) {
      of[k] = current;
      current = clauses[current].parent;
      continue;
    }
    if (w === "," && resume.length > 0 && clauses[current].kind === "relative") {
      of[k] = current;
      current = resume.pop()!;
      continue;
    }
    // ("said in a joint statement that they were": after a speech verb, "that" + a subject opens what was said.)
    const next = tokens[a + k + 1];
    const reportedThat =
      lastSpeech >= 0 &&
      k - lastSpeech <= 12 &&
      prev !== undefined &&
      next !== undefined &&
      ((SPEECH_VEHICLES.has(prev.lemma) && (next.pos === "PRON" || next.pos === "DET" || next.pos === "PROPN")) ||
        // ("said on Thursday that ships would be targeted": "that" read as a determiner still opens what was said.)
        (w === "that" &&
          t.pos === "DET" &&
          (subjectAndVerbAhead(tokens, a + k + 1, b) || (next.pos === "NOUN" && !TIME_NOUNS.has(next.lemma) && next.norm !== next.lemma))));
    const relativeThat = w === "that" && t.pos === "PRON" && (prev?.pos === "NOUN" || prev?.pos === "PROPN") && !reportedThat;
    if ((RELATIVE.has(w) && (t.pos === "PRON" || t.pos === "DET") && k > 0) || relativeThat) {
      if (prev?.norm === "," || insideAppositive(tokens, a, k)) resume.push(current);
      current = open("relative", current, k);
    } else if (w === "that" && ((t.pos !== "DET" && t.pos !== "PRON") || reportedThat) && lastSpeech >= 0 && k - lastSpeech <= 12) {
      current = open("content", current, k, lastSpeech);
      lastSpeech = -1;
    } else if (w === "that" && t.pos === "SCONJ" && hasVerbAhead(tokens, a + k + 1, b)) {
      // ("rejected that description, saying": a determiner the tagger calls a conjunction opens nothing.)
      current = open("sub", current, k);
    } else if (
      SUBORDINATORS.has(w) &&
      (t.pos === "SCONJ" || ((t.pos === "ADP" || t.pos === "ADV") && k > 0 && subjectAndVerbAhead(tokens, a + k + 1, b)))
    ) {
      // ("as hundreds of protesters defied a curfew": the tagger calls "as" a preposition.)
      current = open("sub", current, k);
    } else if ((w === "and" || w === "but") && hasVerb[current] && !adjectivePair(tokens, a + k, b)) {
      // A new predicate after a finite verb: "X attacked Y and killed Z", "..., but the issue has existed".
      const next = nextContent(tokens, a + k + 1, b);
      // ", and repeatedly demanded" after a reported clause continues the speaker's clause.
      let h = current;
      // (... through a relative clause inside the reported one: "said that the jet that crashed had been hit, and accused".)
      while (h > 0 && (clauses[h].kind === "coord" || clauses[h].kind === "relative")) h = clauses[h].parent;
      const host = prev?.norm === "," && clauses[h].kind === "content" && clauses[h].parent >= 0 ? clauses[h].parent : current;
      // ("Polish and allied jets": a participle before a noun describes it; no new predicate.)
      const beforePrev = tokens[a + k - 2];
      const attributive =
        next >= 0 &&
        (prev?.pos === "PROPN" ||
          (prev?.pos === "ADJ" && beforePrev !== undefined && beforePrev.pos !== "AUX" && beforePrev.pos !== "ADV")) &&
        /ed$/.test(tokens[next].norm) &&
        tokens[next + 1]?.pos === "NOUN" &&
        next + 1 < b;
      if (attributive) {
        // (the subject goes on)
      } else if (next >= 0 && isVerbLike(tokens[next]) && !hyphenated(tokens, next)) current = open("coord", host, k);
      else if (next >= 0 && hasVerbAhead(tokens, next, b)) current = open("main", -1, k);
    } else if (
      prev &&
      lastSpeech >= 0 &&
      (lastSpeech === k - 1 || timeBetween(tokens, a + lastSpeech + 1, a + k)) &&
      startsContent(t) &&
      hasVerbAhead(tokens, a + k, b) &&
      !thatAhead(tokens, a + k, b)
    ) {
      // "advisers said Iraq was ...": a complement without "that".
      current = open("content", current, k, k - 1);
      lastSpeech = -1;
    }
    of[k] = current;
    if (isVerbLike(t) && !hyphenated(tokens, a + k)) {
      hasVerb[current] = true;
      if (speechVerbs.has(t.lemma) && t.pos === "VERB") lastSpeech = k;
    }
  }
  // "..., a senior police officer said Wednesday.": the last clause reports the rest.
  let trailerSpeech = -1;
  // "X and Y agreed to a ceasefire, Qatar's prime minister announced on Wednesday, after months of talks": a
  // reporting clause between commas, with no complement of its own, reports what came before it.
  for (let k = 2; k < n && trailerSpeech < 0; k++) {
    const t = tokens[a + k];
    if (t.pos !== "VERB" || !speechVerbs.has(t.lemma) || clauses.some((c) => c.kind === "content" && c.speechVerb === k)) continue;
    let comma = -1;
    for (let j = k - 1; j >= 1 && j >= k - 8; j--) {
      const u = tokens[a + j];
      if (u.norm === ",") {
        comma = j;
        break;
      }
      if (isVerbLike(u)) break;
    }
    if (comma < 2) continue;
    let after = k + 1;
    while (after < n && after <= k + 6 && tokens[a + after].norm !== "," && !isVerbLike(tokens[a + after])) after++;
    if (after < n && tokens[a + after].norm === ",") trailerSpeech = k;
  }
  for (let k = n - 1; k >= 0 && k >= n - 6; k--) {
    const t = tokens[a + k];
    if (t.pos === "VERB" && speechVerbs.has(t.lemma)) {
      const cl = of[k];
      let sawComma = false;
      for (let j = k - 1; j >= 0 && j >= k - 10; j--) {
        if (tokens[a + j].norm === "," || tokens[a + j].norm === "''" || tokens[a + j].norm === '"') {
          sawComma = true;
          break;
        }
        if (isVerbLike(tokens[a + j]) && tokens[a + j].pos === "VERB") break;
      }
      if (sawComma && !clauses.some((c) => c.kind === "content" && c.speechVerb === k) && cl >= 0 && trailerSpeech < 0) trailerSpeech = k;
      break;
    }
  }
  return { of, clauses, trailerSpeech };
}

function nextContent(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from; k < to && k < from + 3; k++) {
    if (tokens[k].pos === "ADV" || tokens[k].pos === "PART") continue;
    return k;
  }
  return -1;
}

function hasVerbAhead(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 10; k++) {
    const t = tokens[k];
    // ("to stop or divert": verbs joined inside an infinitive.)
    const infinitivePair = tokens[k - 1]?.pos === "VERB" && tokens[k - 2]?.norm === "to" && tokens[k + 1]?.pos === "VERB";
    if (
      t.norm === "," ||
      ((t.norm === "and" || t.norm === "or") && !adjectivePair(tokens, k, to) && !nounPair(tokens, k, to) && !infinitivePair)
    )
      return false;
    // ("warned parents not to send their children when ...": an infinitive is no finite verb, a subordinate clause no
    // complement; "said any attempt to stop it would be": the finite verb comes later.)
    if (SUBORDINATORS.has(t.norm) && t.pos === "SCONJ") return false;
    const infinitive = tokens[k - 1]?.norm === "to" || (tokens[k - 2]?.norm === "to" && tokens[k - 1]?.pos === "CCONJ");
    if (isVerbLike(t) && !hyphenated(tokens, k) && !infinitive) return true;
  }
  return false;
}

const SPEECH_TIME = new Set(
  "on late early yesterday today tonight this last week month morning evening afternoon night monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);

/** "said on Wednesday it had ended": only a time between a speech verb and its complement. */
function timeBetween(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let k = from; k < to; k++) if (!SPEECH_TIME.has(tokens[k].norm)) return false;
  return true;
}

function startsContent(t: Token): boolean {
  return t.pos === "PROPN" || t.pos === "PRON" || t.pos === "DET" || t.pos === "NOUN" || t.pos === "NUM";
}

/** "political and military officials": a conjunction between two adjectives joins words, not clauses. */
function adjectivePair(tokens: readonly Token[], k: number, to: number): boolean {
  return k > 0 && k + 1 < to && tokens[k - 1].pos === "ADJ" && tokens[k + 1].pos === "ADJ";
}

/** "Hamas, the group that runs Gaza, said": a relative clause inside an appositive ends at the appositive's comma. */
function insideAppositive(tokens: readonly Token[], a: number, k: number): boolean {
  for (let j = k - 1; j >= 1 && j >= k - 6; j--) {
    const t = tokens[a + j];
    if (t.norm === ",") return tokens[a + j + 1]?.pos === "DET";
    if (t.pos === "VERB" || t.pos === "AUX") return false;
  }
  return false;
}

/** A noun phrase and then its finite verb right after a subordinator ("as the leader prepared", not "as a gesture"). */
function subjectAndVerbAhead(tokens: readonly Token[], from: number, to: number): boolean {
  let sawNoun = false;
  for (let k = from; k < to && k < from + 8; k++) {
    const t = tokens[k];
    if (t.norm === "," || t.norm === ";") return false;
    if (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON" || t.pos === "NUM") sawNoun = true;
    else if (isVerbLike(t) && !hyphenated(tokens, k)) {
      // "an agreement forced on Qatar": a participle after its noun is no finite verb.
      if (t.norm.endsWith("ed") && tokens[k - 1]?.pos === "NOUN" && tokens[k + 1]?.pos === "ADP") continue;
      return sawNoun && !t.norm.endsWith("ing");
    } else if (t.pos === "CCONJ" && nounPair(tokens, k, to)) continue;
    else if (t.pos !== "DET" && t.pos !== "ADJ" && t.pos !== "ADP" && t.pos !== "PART") return false;
  }
  return false;
}

/** "told reporters in Kabul that ...": the addressee comes first and "that" opens the complement. */
function thatAhead(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 7; k++) {
    const t = tokens[k];
    if (t.norm === "that") return true;
    if (isVerbLike(t) || t.norm === ",") return false;
  }
  return false;
}

/** "11 civilians and one soldier were killed": a conjunction between two noun phrases of one subject. */
function nounPair(tokens: readonly Token[], k: number, to: number): boolean {
  if (k === 0 || k + 1 >= to) return false;
  const before = tokens[k - 1].pos;
  const after = tokens[k + 1].pos;
  return (
    (before === "NOUN" || before === "PROPN") &&
    (after === "NUM" || after === "DET" || after === "NOUN" || after === "PROPN" || after === "ADJ")
  );
}
