import { lastStartingAtOrBefore } from "../../model/search.js";
/**
 * A small word scanner and a longest-match phrase index. The anomalies stage matches
 * its own short lists (country names, institutions) on these words; it does not need
 * the full tokenizer, and the scan is one linear pass over the text.
 */

/** How a word is joined to the one before it: nothing ("'s"), a space, a hyphen, or anything else. */
export type Gap = "" | " " | "-" | "other";

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  readonly gap: Gap;
}

// Initialisms with dots ("U.S.", "U.K."), words with an inner apostrophe ("N'Djamena"),
// a possessive "'s" as its own word, numbers with separators. No nested quantifiers.
const WORD = /(?:\p{L}\.){2,}|['’]s\b|\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)?|\p{N}+(?:[.,]\p{N}+)*/gu;

export function scanWords(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  let prevEnd = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null && m.index < to) {
    const value = m[0];
    const start = m.index;
    // Split a possessive off its word: "Iraq's" -> "Iraq" + "'s" (the head must be longer than one unit).
    const n = value.length;
    if (n > 3 && value.charCodeAt(n - 1) === 115 /* s */ && isApostrophe(value.charCodeAt(n - 2))) {
      words.push(word(text, prevEnd, start, value.slice(0, -2)));
      words.push(word(text, start + n - 2, start + n - 2, value.slice(-2)));
    } else words.push(word(text, prevEnd, start, value));
    prevEnd = start + n;
  }
  return words;
}

function isApostrophe(c: number): boolean {
  return c === 39 /* ' */ || c === 0x2019; /* ’ */
}

/** The word `value` at `start`, joined to the text before it (which ended at `prevEnd`) by its gap. */
function word(text: string, prevEnd: number, start: number, value: string): Word {
  return { start, end: start + value.length, text: value, lower: value.toLowerCase(), gap: gapBetween(text, prevEnd, start) };
}

function gapBetween(text: string, from: number, to: number): Gap {
  if (from === to) return "";
  let blank = true;
  for (let i = from; i < to && blank; i++) {
    const c = text.charCodeAt(i);
    blank = c === 32 || c === 9 || c === 0xa0;
  }
  if (blank) return " ";
  return to - from === 1 && text.charCodeAt(from) === 45 /* - */ ? "-" : "other";
}

export interface PhraseEntry<V> {
  /** Lower-cased words of the phrase. */
  readonly words: readonly string[];
  readonly gaps: readonly Gap[];
  /** All-capitals phrases ("US", "DRC") match only as written. */
  readonly exact: string | null;
  readonly value: V;
}

/** Phrases keyed by their first word; lookups try the longest first. */
export class PhraseIndex<V> {
  private readonly byFirst = new Map<string, PhraseEntry<V>[]>();

  /** `anyCase`: match lower-case text too (common nouns such as "lawmakers"). */
  constructor(private readonly anyCase = false) {}

  add(phrase: string, value: V): void {
    const ws = scanWords(phrase);
    if (ws.length === 0) return;
    const allCaps = /^[\p{Lu}.\s]+$/u.test(phrase) && phrase.replace(/[^\p{L}]/gu, "").length <= 5;
    const entry: PhraseEntry<V> = {
      words: ws.map((w) => w.lower),
      gaps: ws.map((w, i) => (i === 0 ? " " : w.gap)),
      exact: allCaps ? phrase : null,
      value,
    };
    const list = this.byFirst.get(entry.words[0]) ?? [];
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(entry.words[0], list);
  }

  /** The longest phrase starting at word i, as [value, number of words]. */
  match(words: readonly Word[], i: number, text: string): [V, number] | null {
    const list = this.byFirst.get(words[i].lower);
    if (!list) return null;
    for (const e of list) {
      const n = e.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const w = words[i + k];
        ok = w.lower === e.words[k] && sameGap(w.gap, e.gaps[k]);
      }
      if (!ok) continue;
      const surface = text.slice(words[i].start, words[i + n - 1].end);
      if (e.exact !== null ? surface !== e.exact : !this.anyCase && !/^\p{Lu}/u.test(surface)) continue;
      return [e.value, n];
    }
    return null;
  }
}

function sameGap(a: Gap, b: Gap): boolean {
  if (a === b) return true;
  // "Guinea Bissau" / "Guinea-Bissau": a space and a hyphen are interchangeable inside a name.
  return (a === " " || a === "-") && (b === " " || b === "-");
}

/** Crude stem so that "troops"/"troop" and "stationed"/"stationing" share a key. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 4) return w;
  const m = /^(.{3,}?)(?:ies|ing|ed|es|s)$/.exec(w);
  if (!m || w.endsWith("ss")) return w;
  return m[1];
}

/** Index of the sentence holding offset `at` (sentences sorted by start), or -1. */
export function sentenceAt(sentences: readonly { start: number; end: number }[], at: number): number {
  return lastStartingAtOrBefore(sentences, at);
}

/** Index of the first item whose start is >= offset (items sorted by start). */
export function firstAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
