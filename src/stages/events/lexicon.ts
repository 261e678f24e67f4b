import type { PloverType, Token } from "../../model/annotations.js";
import type { AcledFile, CameoFile, NounsFile, PhrasesFile, PloverFile, VerbsFile } from "./schema.js";

/**
 * The events stage's lexicon, compiled once from the data files: verb patterns
 * (generated from the PETRARCH dictionary), our phrases, event nouns, the CAMEO ->
 * PLOVER map and the ACLED rules. Everything here is pure (no I/O).
 */

/** One pattern item: alternatives, each a sequence of words ("air strike" -> ["air","strike"]). */
export interface Item {
  readonly alts: readonly (readonly string[])[];
  /**
   * For an item with many alternatives (a synonym set): the token lemmas and forms that `wordMatches`
   * accepts for some alternative's first word, a cheap pre-check before trying them in order.
   */
  readonly firstForms: { readonly lemmas: ReadonlySet<string>; readonly norms: ReadonlySet<string> } | null;
}

/** Items with more alternatives than this get `firstForms`. */
const FIRST_FORMS_MIN = 16;

export interface CompiledPattern {
  readonly pre: readonly Item[];
  readonly post: readonly Item[];
  readonly code: string | null;
  readonly reverse: boolean;
  /** The block's verbs this pattern was written for (null: all of them). */
  readonly verbs: ReadonlySet<string> | null;
  /** Number of words the pattern requires: more is more specific. */
  readonly weight: number;
  /** First words of the pattern's first post item (or first pre item): a cheap pre-check. */
  readonly keys: ReadonlySet<string>;
  /** Whether `keys` are for the post side (else the pre side). */
  readonly keysPost: boolean;
  /**
   * Only prepositions ("head to", "head for"), or written for a light verb ("take part"): an idiom of the verbs it was written for, not
   * shared with the rest of the synonym block ("ordered the army to ..." is not "headed to").
   */
  readonly idiom: boolean;
}

// (Adverbial particles, "force out", "pull back", stay shared: synonyms take them alike.)
const PARTICLES = new Set(["to", "for", "with", "on", "in", "at", "into", "from", "by", "against", "toward", "towards"]);
// Verbs whose patterns are idioms of their own ("take part", "make way", "give up"), never a synonym's.
const IDIOM_VERBS = new Set(["take", "make", "give", "get", "have", "go", "come", "run", "turn", "let"]);
const particlesOnly = (items: readonly Item[]) => items.every((i) => i.alts.every((alt) => alt.length === 1 && PARTICLES.has(alt[0])));

/** A synonym block of verb patterns, indexed by the patterns' first words (`keys`). */
export interface PatternBlock {
  readonly name: string;
  readonly code: string | null;
  readonly patterns: readonly CompiledPattern[];
  /** Indices of the patterns keyed on the post side, by key id (see `Lexicon.keysByLemma`). */
  readonly byPostKey: ReadonlyMap<number, readonly number[]>;
  /** Indices of the patterns keyed on the pre side, by key id. */
  readonly byPreKey: ReadonlyMap<number, readonly number[]>;
  /** Indices of the patterns without keys (always candidates). */
  readonly unkeyed: readonly number[];
  /** The rule name of its patterns' codes: "petrarch-" and the block's name. */
  readonly rule: string;
}

export interface VerbEntry {
  /** Words of the verb ("carry out" -> ["carry","out"]); the first is matched on lemma or form. */
  readonly words: readonly string[];
  /** The verb as listed (base form): what a pattern's `verbs` name. */
  readonly lemma: string;
  readonly code: string | null;
  readonly block: number;
  /** The rule name of the verb's own code: "petrarch-verb-carry-out". */
  readonly rule: string;
}

export interface Phrase {
  readonly verbs: ReadonlySet<string>;
  readonly pre: readonly Item[];
  readonly post: readonly Item[];
  readonly type: PloverType | null;
  readonly mode: string | null;
  readonly cameo: string | null;
  readonly context: string | null;
  readonly speakerSource: boolean;
  readonly suppress: boolean;
  readonly fallback: boolean;
  /** Tokens allowed between the verb and its post words (null: the stage's default). */
  readonly window: number | null;
  readonly id: string;
}

export interface NounEntry {
  readonly words: readonly string[];
  readonly lemma: string;
  readonly type: PloverType | null;
  readonly mode: string | null;
  readonly cameo: string | null;
  readonly context: string | null;
  readonly standalone: boolean;
  readonly pluralOnly: boolean;
  readonly speech: boolean;
  readonly legislative: boolean;
  readonly weapon: boolean;
}

export interface CameoInfo {
  readonly label: string | null;
  readonly type: PloverType | null;
  readonly mode: string | null;
  readonly context: string | null;
}

export interface Lexicon {
  readonly verbs: ReadonlyMap<string, readonly VerbEntry[]>;
  readonly blocks: readonly PatternBlock[];
  /** Token lemma -> the pattern keys it stands for (see `patternKeysOf`), as ids: a number per key word. */
  readonly keysByLemma: ReadonlyMap<string, readonly number[]>;
  /** Token form (norm) -> the pattern keys it stands for (see `patternKeysOf`), as ids. */
  readonly keysByNorm: ReadonlyMap<string, readonly number[]>;
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  readonly nouns: ReadonlyMap<string, readonly NounEntry[]>;
  readonly cameo: ReadonlyMap<string, CameoInfo>;
  /** The PLOVER type of every CAMEO code the dictionaries use (by its longest known prefix), computed once. */
  readonly codeTypes: ReadonlyMap<string, PloverType | null>;
  readonly symmetric: ReadonlySet<PloverType>;
  readonly acled: AcledFile["rules"];
  readonly lightVerbs: ReadonlySet<string>;
  readonly speechVerbs: ReadonlySet<string>;
  readonly threatVerbs: ReadonlySet<string>;
  readonly future: ReadonlySet<string>;
  readonly hypothetical: ReadonlySet<string>;
  readonly negation: ReadonlySet<string>;
  readonly reported: ReadonlySet<string>;
  readonly lookback: readonly (readonly string[])[];
  /** First words of the `lookback` phrases. */
  readonly lookbackFirst: ReadonlySet<string>;
  readonly controlVerbs: ReadonlySet<string>;
  readonly governingVerbs: ReadonlySet<string>;
  readonly codedSpeechVerbs: ReadonlySet<string>;
  /** Verbs of command: "ordered the army to ..." mobilises the forces ordered. */
  readonly orderVerbs: ReadonlySet<string>;
  /** Nouns naming armed forces or police ("army", "troops"), and which of them are police. */
  readonly forceNouns: ReadonlySet<string>;
  readonly policeNouns: ReadonlySet<string>;
  /** -ing forms that before a noun describe it ("struggling households", "warring factions", "advancing troops"). */
  readonly attributiveParticiples: ReadonlySet<string>;
}

export interface LexiconSources {
  readonly plover: PloverFile;
  readonly cameo: CameoFile;
  readonly verbs: VerbsFile;
  readonly nouns: NounsFile;
  readonly phrases: PhrasesFile;
  readonly acled: AcledFile;
}

function compileItem(raw: string, sets: Record<string, string[]>): Item {
  const alts = raw.startsWith("&")
    ? (sets[raw] ?? []).map((m) => m.split(" ").filter(Boolean)).filter((w) => w.length > 0)
    : raw
        .split("|")
        .map((alt) => alt.trim().split(/\s+/).filter(Boolean))
        .filter((w) => w.length > 0);
  return { alts, firstForms: alts.length > FIRST_FORMS_MIN ? firstForms(alts) : null };
}

/** The token lemmas and forms `wordMatches` accepts for the alternatives' first words. */
function firstForms(alts: readonly (readonly string[])[]): NonNullable<Item["firstForms"]> {
  const lemmas = new Set<string>();
  const norms = new Set<string>();
  for (const [w] of alts) {
    lemmas.add(w);
    norms
      .add(w)
      .add(w + "s")
      .add(w + "es");
    if (w.length > 3 && w.endsWith("s")) {
      lemmas.add(w.slice(0, -1));
      norms.add(w.slice(0, -1));
    }
  }
  return { lemmas, norms };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compileLexicon(src: LexiconSources): Lexicon {
  const sets = src.verbs.sets;
  // Items are immutable: one compiled item per distinct text, shared by the patterns and phrases using it.
  const items = new Map<string, Item>();
  const item = (raw: string): Item => {
    let it = items.get(raw);
    if (!it) items.set(raw, (it = compileItem(raw, sets)));
    return it;
  };
  const blockVerbs = new Map<string, Set<string>>();
  for (const v of src.verbs.verbs) {
    const set = blockVerbs.get(v.block) ?? new Set<string>();
    set.add(v.lemma);
    blockVerbs.set(v.block, set);
  }
  /** A number for each pattern key word: the indexes below are looked up by number, not by string. */
  const keyIds = new Map<string, number>();
  const keyId = (w: string): number => {
    let id = keyIds.get(w);
    if (id === undefined) keyIds.set(w, (id = keyIds.size));
    return id;
  };
  const blocks = src.verbs.blocks.map((b) => {
    const patterns = b.patterns.map((p): CompiledPattern => {
      const pre = (p.pre ?? []).map(item).filter((i) => i.alts.length > 0);
      const post = (p.post ?? []).map(item).filter((i) => i.alts.length > 0);
      // The verbs a pattern was written for (PETRARCH lets it apply to the whole synonym block; the
      // stage prefers it for these verbs).
      const own = (p.verbs ?? []).filter((w) => blockVerbs.get(b.name)?.has(w));
      return {
        pre,
        post,
        code: p.code,
        reverse: p.reverse === true,
        verbs: own.length ? new Set(own) : null,
        weight: pre.length + post.length,
        keys: new Set((post[0] ?? pre[0])?.alts.map((alt) => alt[0]) ?? []),
        keysPost: post.length > 0,
        idiom:
          pre.length + post.length > 0 &&
          own.length > 0 &&
          ((particlesOnly(pre) && particlesOnly(post)) || own.every((w) => IDIOM_VERBS.has(w))),
      };
    });
    const byPostKey = new Map<number, number[]>();
    const byPreKey = new Map<number, number[]>();
    const unkeyed: number[] = [];
    patterns.forEach((p, i) => {
      if (p.keys.size === 0) unkeyed.push(i);
      for (const key of p.keys) push(p.keysPost ? byPostKey : byPreKey, keyId(key), i);
    });
    return { name: b.name, code: b.code, patterns, byPostKey, byPreKey, unkeyed, rule: `petrarch-${b.name}` };
  });
  // Every pattern key w, under the token lemmas and forms that stand for it: the lemma w or w + "s";
  // the form w, w + "s", w + "es", or w without its final "s" (a plural key names the singular too).
  const keysByLemma = new Map<string, number[]>();
  const keysByNorm = new Map<string, number[]>();
  for (const [w, id] of keyIds) {
    const lemmas = [w];
    const norms = [w, w + "s", w + "es"];
    if (w.endsWith("s")) {
      lemmas.push(w.slice(0, -1));
      norms.push(w.slice(0, -1));
    }
    for (const l of new Set(lemmas)) push(keysByLemma, l, id);
    for (const n of new Set(norms)) push(keysByNorm, n, id);
  }
  const blockIndex = new Map(blocks.map((b, i) => [b.name, i] as const));
  const verbs = new Map<string, VerbEntry[]>();
  for (const v of src.verbs.verbs) {
    const block = blockIndex.get(v.block) ?? -1;
    const words = v.lemma.split(" ");
    push(verbs, words[0], { words, lemma: v.lemma, code: v.code, block, rule: `petrarch-verb-${words.join("-")}` });
    for (const f of v.forms ?? []) {
      const fw = f.split(" ");
      if (fw[0] !== words[0]) {
        const formWords = [fw[0], ...words.slice(1)];
        push(verbs, fw[0], { words: formWords, lemma: v.lemma, code: v.code, block, rule: `petrarch-verb-${formWords.join("-")}` });
      }
    }
  }
  const phrases = new Map<string, Phrase[]>();
  src.phrases.phrases.forEach((p, n) => {
    const verbSet = new Set(p.verb.split("|"));
    const phrase: Phrase = {
      verbs: verbSet,
      pre: (p.pre ?? []).map(item),
      post: (p.post ?? []).map(item),
      type: p.type,
      mode: p.mode ?? null,
      cameo: p.cameo ?? null,
      context: p.context ?? null,
      speakerSource: p.speakerSource === true,
      suppress: p.suppress === true,
      fallback: p.fallback === true,
      window: p.window ?? null,
      id: `phrase-${n}-${[...verbSet][0]}`,
    };
    for (const v of verbSet) push(phrases, v, phrase);
  });
  // The more words a phrase requires, the earlier it is tried ("would be met with" before "met").
  for (const list of phrases.values()) list.sort((a, b) => b.pre.length + b.post.length - (a.pre.length + a.post.length));
  const nouns = new Map<string, NounEntry[]>();
  for (const n of src.nouns.nouns) {
    const words = n.lemma.split(" ");
    push(nouns, words[0], {
      words,
      lemma: n.lemma,
      type: n.type,
      mode: n.mode,
      cameo: n.cameo,
      context: n.context ?? null,
      standalone: n.standalone,
      pluralOnly: n.pluralOnly === true,
      speech: n.speech === true,
      legislative: n.legislative === true,
      weapon: n.weapon === true,
    });
  }
  // Longest nouns first so "drone strike" wins over "drone".
  for (const list of nouns.values()) list.sort((a, b) => b.words.length - a.words.length);
  const cameo = new Map<string, CameoInfo>(Object.entries(src.cameo.codes));
  const codeTypes = new Map<string, PloverType | null>();
  const typeOf = (c: string): PloverType | null => (cameo.get(c) ?? cameo.get(c.slice(0, 3)) ?? cameo.get(c.slice(0, 2)))?.type ?? null;
  for (const c of cameo.keys()) codeTypes.set(c, typeOf(c));
  for (const v of src.verbs.verbs) if (v.code) codeTypes.set(v.code, typeOf(v.code));
  for (const b of src.verbs.blocks) {
    if (b.code) codeTypes.set(b.code, typeOf(b.code));
    for (const p of b.patterns) if (p.code) codeTypes.set(p.code, typeOf(p.code));
  }
  return {
    verbs,
    blocks,
    keysByLemma,
    keysByNorm,
    phrases,
    nouns,
    cameo,
    codeTypes,
    symmetric: new Set(src.plover.types.filter((t) => t.symmetric).map((t) => t.type)),
    acled: src.acled.rules,
    lightVerbs: new Set(src.phrases.lightVerbs),
    speechVerbs: new Set(src.phrases.speechVerbs),
    threatVerbs: new Set(src.phrases.threatVerbs),
    future: new Set(src.phrases.future),
    hypothetical: new Set(src.phrases.hypothetical),
    negation: new Set(src.phrases.negation),
    reported: new Set(src.phrases.reported),
    lookback: src.phrases.lookback.map((l) => l.split(" ")),
    lookbackFirst: new Set(src.phrases.lookback.map((l) => l.split(" ")[0])),
    controlVerbs: new Set(src.phrases.controlVerbs),
    governingVerbs: new Set(src.phrases.governingVerbs),
    codedSpeechVerbs: new Set(src.phrases.codedSpeechVerbs),
    orderVerbs: new Set(src.phrases.orderVerbs),
    forceNouns: new Set(src.phrases.forceNouns),
    policeNouns: new Set(src.phrases.policeNouns),
    attributiveParticiples: new Set(src.phrases.attributiveParticiples),
  };
}

/**
 * Indices, in pattern order, of the block's patterns whose first word (`keys`) names a token of the
 * window: a post-side key after the verb (or before it in a passive), a pre-side key before it.
 */
export function candidatePatterns(
  block: PatternBlock,
  postKeys: readonly (readonly number[])[],
  preKeys: readonly (readonly number[])[],
  passive: boolean,
): number[] {
  const marked = new Uint8Array(block.patterns.length);
  for (const i of block.unkeyed) marked[i] = 1;
  markKeys(marked, block.byPostKey, postKeys);
  markKeys(marked, block.byPreKey, preKeys);
  if (passive) markKeys(marked, block.byPostKey, preKeys);
  const out: number[] = [];
  for (let i = 0; i < marked.length; i++) if (marked[i] === 1) out.push(i);
  return out;
}

function markKeys(marked: Uint8Array, index: ReadonlyMap<number, readonly number[]>, keys: readonly (readonly number[])[]): void {
  for (const list of keys) {
    for (const key of list) {
      const hits = index.get(key);
      if (hits) for (const i of hits) marked[i] = 1;
    }
  }
}

const NO_KEYS: readonly number[] = [];

/**
 * The pattern keys token `t` stands for: its lemma or form, the form without a final "s" or "es",
 * or the lemma or form with an "s" added (a plural in the dictionary also names the singular).
 */
export function patternKeysOf(lex: Lexicon, t: Token): readonly number[] {
  const byLemma = lex.keysByLemma.get(t.lemma);
  const byNorm = lex.keysByNorm.get(t.norm);
  if (!byLemma) return byNorm ?? NO_KEYS;
  return byNorm ? [...byLemma, ...byNorm] : byLemma;
}

/** Does word `w` name token `t` (lemma, surface form, or a plain plural)? */
export function wordMatches(t: Token, w: string): boolean {
  if (t.lemma === w || t.norm === w || isWordPlus(t.norm, w, "s") || isWordPlus(t.norm, w, "es")) return true;
  // A plural in the dictionary also names the singular ("ATTACKS" ~ "attack").
  return w.length > 3 && w.endsWith("s") && (isWordPlus(w, t.norm, "s") || isWordPlus(w, t.lemma, "s"));
}

/** Is `s` the word `w` followed by `suffix` (without building `w + suffix`)? */
function isWordPlus(s: string, w: string, suffix: string): boolean {
  return s.length === w.length + suffix.length && s.endsWith(suffix) && s.startsWith(w);
}

/** Length of the first alternative of `item` that matches at token index `at` (0 = no match). */
export function itemAt(tokens: readonly Token[], at: number, end: number, item: Item): number {
  const forms = item.firstForms;
  if (forms && at < end && !forms.lemmas.has(tokens[at].lemma) && !forms.norms.has(tokens[at].norm)) return 0;
  for (const alt of item.alts) {
    if (at + alt.length > end) continue;
    let ok = true;
    for (let k = 0; k < alt.length; k++) {
      if (!wordMatches(tokens[at + k], alt[k])) {
        ok = false;
        break;
      }
    }
    if (ok) return alt.length;
  }
  return 0;
}

/**
 * Matches `items` in order inside [from, to): returns the index just past the last
 * matched item, or -1. Greedy left-to-right, which is enough for short windows.
 */
export function matchSequence(tokens: readonly Token[], from: number, to: number, items: readonly Item[], maxGap = 4): number {
  let at = from;
  for (const item of items) {
    let found = -1;
    const limit = Math.min(to, at + maxGap + 1);
    for (let k = at; k < limit; k++) {
      const n = itemAt(tokens, k, to, item);
      if (n > 0) {
        found = k + n;
        break;
      }
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

/** Matches `items` in order ending before `to`, starting no earlier than `from`. */
export function matchBefore(tokens: readonly Token[], from: number, to: number, items: readonly Item[]): boolean {
  if (items.length === 0) return true;
  // The words before the verb must lead up to it (a subject or adverb next to the verb, not anywhere earlier).
  for (let start = Math.max(from, to - 8); start < to; start++) {
    const end = matchSequence(tokens, start, to, items, 0);
    if (end >= 0 && end >= to - 2) return true;
  }
  return false;
}
