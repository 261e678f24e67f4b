import { createRequire } from "node:module";
import winkNLP, { type Model } from "wink-nlp";
import type { Sentence, Token, TokenKind } from "../../model/annotations.js";
import type { Stage } from "../../pipeline/stage.js";

export const SEGMENT_STAGE = "segment.v1";

/** The wink language model (see src/runtime/load-segment.ts). */
export interface SegmentResources {
  readonly model: Model;
}

/**
 * Sentences and tokens with wink-nlp (English lite web model): measured to split
 * the seed article correctly ("U.S." is not a boundary) at ~350k words/s.
 * wink's output is lossless, so character offsets are recovered by walking the
 * tokens' preceding whitespace and values through the original text.
 */
export function createSegmentStage(resources?: SegmentResources): Stage<"sentences" | "tokens"> {
  // (Without resources, the package's own model: loaded here, on first use, not when this module is imported.)
  const model = resources?.model ?? (createRequire(import.meta.url)("wink-eng-lite-web-model") as Model);
  const nlp = winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;
  return {
    name: SEGMENT_STAGE,
    requires: [],
    provides: ["sentences", "tokens"],
    run(doc) {
      const text = doc.text;
      if (text.length === 0) return { sentences: [], tokens: [] };
      const seen = breakLongRuns(text);
      const wdoc = nlp.readDoc(seen);
      const values = wdoc.tokens().out() as string[];
      const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
      const pos = wdoc.tokens().out(its.pos) as string[];
      const lemmas = wdoc.tokens().out(its.lemma as never) as string[];
      const types = wdoc.tokens().out(its.type) as string[];
      const spans = wdoc.sentences().out(its.span as never) as unknown as [number, number][];

      // Character offsets: wink reproduces the text exactly from spaces + values.
      const starts: number[] = new Array(values.length);
      const ends: number[] = new Array(values.length);
      /** Each token's text: wink's value where it is the text's own (no copy), else a slice of the text. */
      const surfaces: string[] = new Array(values.length);
      let at = 0;
      for (let i = 0; i < values.length; i++) {
        at += spaces[i].length;
        const v = values[i];
        // Defensive: find the token if wink normalised something (should not happen).
        if (seen.startsWith(v, at) || v.length === 0) {
          starts[i] = at;
          at += v.length;
          // (`seen` differs from `text` only where a long run was broken.)
          if (seen === text) surfaces[i] = v;
        } else {
          const found = seen.indexOf(v, at);
          starts[i] = found >= 0 ? found : at;
          at = found >= 0 ? found + v.length : at;
        }
        ends[i] = at;
      }

      const sentenceOf: number[] = new Array(values.length).fill(0);
      const sentences: Sentence[] = [];
      for (let s = 0; s < spans.length; s++) {
        const [a, b] = spans[s];
        if (a > b || a >= values.length) continue;
        // wink makes trailing whitespace (a final newline) a sentence of its own: it belongs to the previous one.
        if (text.slice(starts[a], ends[b]).trim() === "") {
          for (let i = a; i <= b; i++) sentenceOf[i] = Math.max(0, sentences.length - 1);
          continue;
        }
        // "Maj. Gen. Mohamed Dagalo", "Sgt. Maj. Jones": wink ends a sentence after some title abbreviations.
        const prev = sentences[sentences.length - 1];
        const lastTok = a - 1;
        if (
          prev &&
          lastTok >= 1 &&
          values[lastTok] === "." &&
          TITLE_ABBREVIATIONS.has(values[lastTok - 1].toLowerCase()) &&
          ends[lastTok] === prev.end &&
          /^\p{Lu}/u.test(values[a])
        ) {
          for (let i = a; i <= b; i++) sentenceOf[i] = prev.index;
          sentences[sentences.length - 1] = { ...prev, end: ends[b] };
          continue;
        }
        for (let i = a; i <= b; i++) sentenceOf[i] = sentences.length;
        sentences.push({ index: sentences.length, start: starts[a], end: ends[b] });
      }

      const norms = values.map((v) => v.toLowerCase());
      const tokens: Token[] = values.map((v, i) => {
        const past = pastTenseAsNoun(norms, pos, i);
        const lemma = lemmas[i] ?? v;
        return {
          start: starts[i],
          end: ends[i],
          text: surfaces[i] ?? text.slice(starts[i], ends[i]),
          pos: past ? "VERB" : pos[i],
          lemma: past ? IRREGULAR_PAST[norms[i]] : lemma === v ? norms[i] : lemma.toLowerCase(),
          norm: norms[i],
          kind: tokenKind(types[i]),
          sentence: sentenceOf[i],
        };
      });
      return { sentences, tokens };
    },
  };
}

const PARTICLES = new Set(["down", "up", "back", "off", "out"]);
/** Titles written with a full stop that never end a sentence before a name ("Maj. Gen.", "Sgt.", "Gov."). */
const TITLE_ABBREVIATIONS = new Set([
  "maj",
  "sgt",
  "gov",
  "sen",
  "rep",
  "col",
  "gen",
  "capt",
  "lt",
  "cmdr",
  "adm",
  "brig",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
]);
/** Irregular past tenses the tagger reads as nouns before a particle ("units shot down helicopters"). */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  shot: "shoot",
  struck: "strike",
  fought: "fight",
  broke: "break",
  blew: "blow",
  threw: "throw",
  took: "take",
  beat: "beat",
  hit: "hit",
  cut: "cut",
  shut: "shut",
};

const NOMINAL = new Set(["NOUN", "PROPN", "PRON"]);

/** A tagging fix: an irregular past tense after a noun or pronoun and before a particle is a verb (`norms`: lower-case token values). */
function pastTenseAsNoun(norms: readonly string[], pos: readonly string[], i: number): boolean {
  return (
    pos[i] === "NOUN" && i > 0 && NOMINAL.has(pos[i - 1]) && PARTICLES.has(norms[i + 1] ?? "") && IRREGULAR_PAST[norms[i]] !== undefined
  );
}

/** Longest run of non-space characters handed to wink in one piece. */
export const MAX_RUN = 200;

/**
 * wink's tokenizer is quadratic in the length of a single whitespace-free run (30k characters
 * take ~0.5 s, 100k ~5 s). Such runs are never prose, so every MAX_RUN characters one character
 * is replaced by a space in the copy wink reads. Lengths are unchanged, so offsets still point
 * into the original text.
 */
export function breakLongRuns(text: string): string {
  let run = 0;
  let chars: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0) {
      run = 0;
    } else if (++run > MAX_RUN) {
      chars ??= Array.from({ length: text.length }, (_, k) => text[k]);
      chars[i] = " ";
      run = 0;
    }
  }
  return chars ? chars.join("") : text;
}

function tokenKind(t: string): TokenKind {
  switch (t) {
    case "word":
    case "hashtag":
    case "mention":
      return "word";
    case "number":
    case "ordinal":
      return "number";
    case "punctuation":
      return "punctuation";
    case "symbol":
    case "currency":
    case "emoji":
    case "emoticon":
      return "symbol";
    default:
      return "other";
  }
}
