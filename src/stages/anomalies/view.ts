import { lastStartingAtOrBefore } from "../../model/search.js";
import type { Mention, Place, Sentence, Token } from "../../model/annotations.js";
import type { CountryHit, Lexicon, RefForm } from "./lexicon.js";
import { scanWords, sentenceAt, type Word } from "./scan.js";

/** A span of the text that names or implies a country ("Iraq", "Iraqi", "Baghdad"). */
export interface CountryRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly code: string;
  readonly form: RefForm;
  /** Word range [w0, w1) in `DocView.words`. */
  readonly w0: number;
  readonly w1: number;
  readonly sentence: number;
}

/** What the anomaly rules read: the words, the country references, and the article's country frame. */
export interface DocView {
  readonly text: string;
  readonly words: readonly Word[];
  readonly wordSentence: readonly number[];
  readonly sentences: readonly Sentence[];
  /** Country references from the stage's own lexicon, in text order. */
  readonly refs: readonly CountryRef[];
  /** Word index -> the ref starting at that word. */
  readonly refAt: ReadonlyMap<number, CountryRef>;
  /** Words inside a longer name that is not a country ("Niger Delta", "Gulf of Guinea"). */
  readonly blocked: ReadonlySet<number>;
  /** How often each country is referred to (lexicon refs plus other stages' mentions and places). */
  readonly freq: ReadonlyMap<string, number>;
  /** The country the article is mostly about, or null. */
  readonly frame: string | null;
  /** POS of the word starting at an offset (from the tokens layer), when known. */
  posAt(offset: number): string | undefined;
  /** Mentions from the actors stage (may be empty), sorted by start. */
  readonly mentions: readonly Mention[];
  /** Per sentence: country -> non-country mentions (people, groups) of that country. */
  readonly ownMentions: ReadonlyMap<number, ReadonlyMap<string, readonly Mention[]>>;
  /** Per sentence: the countries it refers to, and how many of those refs are cities. */
  readonly sentenceCodes: ReadonlyMap<number, ReadonlyMap<string, { refs: number; cities: number }>>;
  /** Position of each ref in `refs`. */
  readonly refIndex: ReadonlyMap<CountryRef, number>;
  /** Word index -> the ref ending at that word. */
  readonly refEndingAt: ReadonlyMap<number, CountryRef>;
  /** Does the sentence hold a word of `words`? (cached per list) */
  sentenceHas(sentence: number, words: ReadonlySet<string>): boolean;
}

export function buildView(
  text: string,
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  mentions: readonly Mention[],
  places: readonly Place[],
  lex: Lexicon,
): DocView {
  const words = scanWords(text);
  // Words and sentences are both in text order: one walk finds each word's sentence (the last one starting at or before it).
  const wordSentence: number[] = new Array(words.length);
  for (let i = 0, s = -1; i < words.length; i++) {
    while (s + 1 < sentences.length && sentences[s + 1].start <= words[i].start) s++;
    wordSentence[i] = Math.max(0, s);
  }
  const refs: CountryRef[] = [];
  const refAt = new Map<number, CountryRef>();
  const blocked = new Set<number>();
  for (let i = 0; i < words.length;) {
    const hit: [CountryHit, number] | null = lex.countryIndex.match(words, i, text);
    if (!hit) {
      i++;
      continue;
    }
    const [value, n] = hit;
    if (value.code === null) {
      for (let k = i; k < i + n; k++) blocked.add(k);
    } else {
      const start = words[i].start;
      const end = words[i + n - 1].end;
      const ref: CountryRef = {
        start,
        end,
        text: text.slice(start, end),
        code: value.code,
        form: value.form,
        w0: i,
        w1: i + n,
        sentence: wordSentence[i],
      };
      refs.push(ref);
      refAt.set(i, ref);
    }
    i += n;
  }

  const freq = new Map<string, number>();
  const bump = (code: string | null | undefined, by = 1): void => {
    if (code) freq.set(code, (freq.get(code) ?? 0) + by);
  };
  for (const r of refs) bump(r.code);
  // Other stages' annotations add to the frame where they do not repeat one of ours.
  const covered = (s: number, e: number): boolean => {
    // refs are sorted and disjoint: only the last one starting before `e` can overlap [s, e).
    let lo = 0;
    let hi = refs.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].start < e) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k >= 0 && refs[k].end > s;
  };
  // Only names and people: a generic actor takes its country from a nearby country word
  // ("people in Niger"), which is already counted.
  for (const m of mentions) if (m.country && (m.kind === "person" || m.kind === "country") && !covered(m.start, m.end)) bump(m.country);
  for (const p of places) if (p.country && !covered(p.start, p.end)) bump(p.country);
  // A dateline ("BAGHDAD, Jan. 27 -") or the first sentence says where the story is.
  const first = refs.find((r) => r.sentence === 0);
  if (first) bump(first.code, 2);

  let frame: string | null = null;
  let best = 0;
  let second = 0;
  for (const [code, n] of freq) {
    if (n > best) {
      second = best;
      best = n;
      frame = code;
    } else if (n > second) second = n;
  }
  if (best < 3 || best < second * 1.5) frame = null;

  const firstWord = new Map<number, number>();
  const lastWord = new Map<number, number>();
  // (wordSentence never decreases: a sentence's words are one run.)
  for (let i = 0; i < wordSentence.length; i++) {
    const s = wordSentence[i];
    if (i === 0 || wordSentence[i - 1] !== s) firstWord.set(s, i);
    if (i + 1 === wordSentence.length || wordSentence[i + 1] !== s) lastWord.set(s, i + 1);
  }

  const sortedMentions = [...mentions].sort((a, b) => a.start - b.start);
  const ownMentions = new Map<number, Map<string, Mention[]>>();
  for (const m of sortedMentions) {
    if (!m.country || m.kind === "country") continue;
    const s = sentenceAt(sentences, m.start);
    const byCode = ownMentions.get(s) ?? new Map<string, Mention[]>();
    ownMentions.set(s, byCode);
    const list = byCode.get(m.country);
    if (list) list.push(m);
    else byCode.set(m.country, [m]);
  }
  const sentenceCodes = new Map<number, Map<string, { refs: number; cities: number }>>();
  const refIndex = new Map<CountryRef, number>();
  const refEndingAt = new Map<number, CountryRef>();
  refs.forEach((r, k) => {
    refIndex.set(r, k);
    refEndingAt.set(r.w1 - 1, r);
    const codes = sentenceCodes.get(r.sentence) ?? new Map<string, { refs: number; cities: number }>();
    sentenceCodes.set(r.sentence, codes);
    const c = codes.get(r.code) ?? { refs: 0, cities: 0 };
    c.refs++;
    if (r.form === "city") c.cities++;
    codes.set(r.code, c);
  });
  const hasCache = new WeakMap<ReadonlySet<string>, Map<number, boolean>>();
  const sentenceHas = (sentence: number, list: ReadonlySet<string>): boolean => {
    let cache = hasCache.get(list);
    if (!cache) hasCache.set(list, (cache = new Map()));
    let yes = cache.get(sentence);
    if (yes === undefined) {
      yes = words.slice(firstWord.get(sentence) ?? 0, lastWord.get(sentence) ?? 0).some((w) => list.has(w.lower));
      cache.set(sentence, yes);
    }
    return yes;
  };

  return {
    text,
    words,
    wordSentence,
    sentences,
    refs,
    refAt,
    blocked,
    freq,
    frame,
    posAt: (offset) => posAt(tokens, offset),
    mentions: sortedMentions,
    ownMentions,
    sentenceCodes,
    refIndex,
    refEndingAt,
    sentenceHas,
  };
}

/** POS of the (last) token starting at `offset`, found by binary search (tokens are sorted by start). */
function posAt(tokens: readonly Token[], offset: number): string | undefined {
  const found = lastStartingAtOrBefore(tokens, offset);
  return found >= 0 && tokens[found].start === offset ? tokens[found].pos : undefined;
}
