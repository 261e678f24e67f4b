import type { Entity, EntityKind, Mention, MentionKind, Note, Sector, Token } from "../../model/annotations.js";
import type { Stage } from "../../pipeline/stage.js";
import { layer } from "../../model/document.js";
import { aliasKeys, ARTICLES, CONNECTORS, normWord, skeleton } from "./normalize.js";
import {
  activeRole,
  buildLexicon,
  countryOn,
  entriesAt,
  GROUP_SUFFIXES,
  normTitle,
  roleActive,
  rolesOf,
  sectorOn,
  type Entry,
  type Lexicon,
} from "./lexicon.js";
import type { ActorRecord, ActorsResources, AgentRecord, CountryRecord } from "./types.js";

export type { ActorsResources } from "./types.js";

/**
 * The actors stage: who acts in the text.
 *
 * 1. Words: wink tokens per sentence, with joining hyphens and Arabic articles folded away and
 *    possessives kept as markers, each with a normalised key ("Al-Sudani's" -> "sudani", 's).
 * 2. Atoms: longest dictionary phrase at each word (countries, capitals, named actors, agent nouns),
 *    with case rules (names need capitals, short acronyms need all capitals and are off in headlines),
 *    group-name suffix variants ("Popular Mobilization Group" = "... Forces"), transliteration
 *    skeletons for hand-made people ("Mohandes" = "Muhandis"), and runs of unknown proper nouns.
 * 3. Chains: neighbouring atoms joined by adjacency, possessives, adjective fillers, quotes or "of"
 *    ("Iraqi Prime Minister Al-Sudani", "Iraq's Shiite militias", "the government of Iraq") resolve to
 *    ONE mention: a named entity, a composed generic actor ("IRQ.REB"), an office holder on the
 *    publication date, or an unknown name with the country and sector its modifiers give.
 * 4. Coreference within the article: surnames, "the prime minister", "the group", earlier namesakes.
 *
 * Linear in the number of tokens: each word starts at most one dictionary lookup per phrase length
 * (bounded by the longest phrase that begins with it) and each chain is resolved once.
 */
export const ACTORS_STAGE = "actors.v1";
const R = (id: string) => `${ACTORS_STAGE}:${id}`;

/** A word of the matching stream: wink tokens with joining hyphens and name articles folded away. */
interface Word {
  readonly key: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Starts with an upper-case letter or a digit. */
  readonly cap: boolean;
  /** All letters upper case (acronyms: "US", "U.S.", "IRGC"). */
  readonly upper: boolean;
  readonly pos: string;
  /** Possessive marker: "'s", or a bare apostrophe after a word ending in s. */
  readonly poss: boolean;
  /** Punctuation or symbol: never inside a name. */
  readonly punct: boolean;
  readonly quote: boolean;
  /** Joined to the previous word by a hyphen ("U.S.-led"). */
  readonly joined: boolean;
  /** Preceded by a folded Arabic article ("al-Islam"): part of a name. */
  readonly article: boolean;
}

/** region: a place name with a known country ("Darfur"), only a modifier ("Darfur rebels"), never a mention alone. */
type AtomType = "country" | "capital" | "actor" | "agent" | "unknown" | "region";

interface Atom {
  /** Stream index range [s, e). */
  readonly s: number;
  readonly e: number;
  readonly type: AtomType;
  readonly entries: readonly Entry[];
  readonly rule: string;
}

interface Draft {
  start: number;
  end: number;
  kind: MentionKind;
  entityId?: string;
  country: string | null;
  sector: Sector | null;
  rule: string;
  entity?: Entity;
  /** For coreference: the surname key and office title this mention introduced. */
  personKey?: string;
  title?: string;
}

/** Head nouns that name the same kind of body for coreference ("the junta" after "Niger's military government"). */
const AGENT_HEAD_ALIASES: Readonly<Record<string, string>> = { junta: "government", regime: "government", army: "military" };

/** Verb forms whose object is someone addressed or acted upon, never a place ("urged Moscow", "called on Beijing"). */
const ADDRESS_VERBS = new Set(
  [
    "urge|urged|urges|urging",
    "warn|warned|warns|warning",
    "accuse|accused|accuses|accusing",
    "blame|blamed|blames|blaming",
    "condemn|condemned|condemns|condemning",
    "criticise|criticised|criticises|criticize|criticized|criticizes",
    "press|pressed|presses|pressing",
    "ask|asked|asks|asking",
    "call|called|calls|calling",
    "invite|invited|invites|inviting",
    "sanction|sanctioned|sanctions",
    "threaten|threatened|threatens|threatening",
    "pressure|pressured|pressures",
    "demand|demanded|demands",
    "thank|thanked|thanks",
    "told|tell|tells",
  ].flatMap((x) => x.split("|")),
);

const LOCATIVE = new Set(
  "in at near from into outside inside across around toward towards through via throughout within over to between".split(" "),
);
/** "Hamas-run ministry", "Houthi-controlled port": the first word owns what follows. */
const OWNER = new Set(["run", "controlled", "ruled", "held", "administered", "operated", "owned", "dominated", "appointed", "led"]);
/** Sectors whose members usually belong where they are ("protesters in Nairobi"); not MIL, GOV, IGO. */
const MAX_CHAIN = 8;
/** A month name or its abbreviation opening a dateline's date ("May 12", "Aug. 21", "Sept."). */
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?$/i;
const GROUP_SECTORS = new Set<Sector>(["REB", "CRM", "OPP", "PTY", "NGO", "IGO", "MED"]);
/** Bare agents that take the article's focus country ("the government", "police", "protesters"); not MIL or REB, often foreign. */
const STATE_SECTORS: ReadonlySet<Sector> = new Set<Sector>(["GOV", "MIL", "LEG", "JUD", "POL"]);
const FOCUS_SECTORS = new Set<Sector>(["GOV", "POL", "JUD", "LEG", "OPP", "CVL", "REF", "PTY"]);
/** Longest unknown name ("Abdel Fattah Abdelrahman al-Burhan" is 5 words after folding). */
const MAX_NAME_WORDS = 8;

const LOCAL_SECTORS = new Set<Sector>(["CVL", "REB", "POL", "OPP", "REF", "JUD", "LEG", "MED", "REL", "HLH", "EDU", "CRM", "PTY"]);
/** "the government in neighbouring Niger": a place follows the agent (word index `e` is just after it). */
function placedAfter(words: readonly Word[], e: number): boolean {
  return words[e]?.key === "in" && (words[e + 1]?.cap === true || (words[e + 1]?.pos === "ADJ" && words[e + 2]?.cap === true));
}

const NEIGHBOURS = /^neighbou?rs?$/;
const FRONTED = new Set(["in", "inside", "across", "throughout"]);
const POSSESSIVES = new Set(["its", "their", "his", "her"]);
const NAME_PARTICLES = new Set(["del", "della", "da", "das", "do", "dos", "der", "den", "di", "du", "la", "le"]);
const RULERS = new Set(["government", "junta", "regime", "administration", "authorities", "leadership", "cabinet"]);
const SPONSOR = new Set(["led", "backed", "based", "aligned", "allied", "funded", "supported", "sponsored", "affiliated", "linked"]);
const PLACE_NOUNS = new Set(
  (
    "province governorate city district region street square river sea ocean mountains mountain airport base camp university hospital " +
    "county state island islands valley bay gulf desert strait lake border crossing road bridge port village town refinery field " +
    "villages towns cities neighbourhood neighborhood suburb area areas oblast governorates provinces regions districts peninsula " +
    "plain plains hills heights coast corridor basin delta monument stadium palace hotel market mosque airport airbase"
  ).split(" "),
);
/** Capitalised words that are not actor names on their own. */
const NOT_NAMES = new Set(
  (
    "january february march april may june july august september october november december monday tuesday wednesday thursday friday " +
    "saturday sunday i mr mrs ms dr sir god allah islam islamic muslim muslims christian christians jewish jews shiite shiites shia " +
    "sunni sunnis kurdish kurds kurd arab arabs arabic alawite alawites druze yazidi yazidis tuareg amhara tigrayan tigrayans rohingya " +
    "hutu tutsi pashtun baloch western eastern northern southern north south east west middle central gulf english french ramadan eid " +
    "christmas easter covid internet twitter x facebook telegram whatsapp tv am pm ad bc ok reuters afp ap xinhua bbc cnn according " +
    "senior former top veteran acting interim exiled jailed slain late ousted deposed outgoing retired prominent rival " +
    "however meanwhile but and the a an in on at this that these those it he she they we you there here his her their its our " +
    "earlier later also after before since until while when where what who why how if as so yet still now then today yesterday tomorrow " +
    "relevant prior under given so-called breaking update live exclusive analysis opinion editorial europe european europeans " +
    "africa african africans asia asian asians latin arctic atlantic pacific photo photos image images copyright credit news research " +
    "centre center air bank commission republic holy catholic inc ltd co read more click share continue related advertisement getty file " +
    "video watch subscribe sign follow im ive dont its thats whats lets bible quran koran department ministry trust nutrition royal lord " +
    "thousands hundreds dozens millions scores tens nino nina jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
  ).split(" "),
);
/** Generic person nouns that take the sector of the group they belong to ("Hamas official", "rebel leader"). */
const GENERIC_PERSON = new Set(
  "official officials spokesman spokeswoman spokesperson leader leaders adviser advisers advisor advisors aide aides member members chief head commander commanders representative representatives delegation envoy"
    .split(" ")
    .map(normWord),
);

export function createActorsStage(resources: ActorsResources): Stage<"mentions" | "entities"> {
  const lex = buildLexicon(resources);
  return {
    name: ACTORS_STAGE,
    requires: ["sentences", "tokens"],
    provides: ["mentions", "entities"],
    run(doc) {
      const tokens = layer(doc, "tokens");
      const sentences = layer(doc, "sentences");
      // The publication date picks office holders; read if present (not required, so the stage also runs on bare sentences).
      const date = doc.layers.published?.value ?? doc.input.published ?? null;
      const ctx = new DocContext(lex, date, doc.text);
      let ti = 0;
      for (const sentence of sentences) {
        const sentTokens: Token[] = [];
        while (ti < tokens.length && tokens[ti].start < sentence.end) {
          if (tokens[ti].end > sentence.start) sentTokens.push(tokens[ti]);
          ti++;
        }
        ctx.sentence(sentTokens);
      }
      return ctx.finish();
    },
  };
}

function isLetterUpper(s: string): boolean {
  let letters = 0;
  for (const ch of s) {
    if (ch >= "a" && ch <= "z") return false;
    if (ch >= "A" && ch <= "Z") letters++;
    else if (ch.toLowerCase() !== ch.toUpperCase() && ch === ch.toLowerCase()) return false;
    else if (ch.toLowerCase() !== ch.toUpperCase()) letters++;
  }
  return letters >= 1; // "M23", "G7" count as capitals
}

const HYPHENS = new Set(["-", "‐", "‑"]);
/** Words whose possessive belongs to a name ("People's Liberation Army", "Workers' Party", "Martyrs' Brigades"). */
const NAME_POSSESSORS = new Set(["people", "lord", "workers", "martyrs", "women", "mothers", "peasants", "farmers", "nations", "god"]);
const APOS = new Set(["'", "’"]);
const QUOTES = new Set(['"', "“", "”", "«", "»", "'", "‘", "’"]);

/** Turns a sentence's tokens into matching words. */
function toWords(tokens: readonly Token[]): Word[] {
  const words: Word[] = [];
  let joinNext = false;
  let extendStart: number | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // (Hyphens, apostrophes and quotes are single characters.)
    const single = t.text.length === 1;
    if (single && HYPHENS.has(t.text) && prev && next && prev.end === t.start && next.start === t.end) {
      joinNext = true;
      continue;
    }
    // "People's Liberation Army", "Kurdistan Workers' Party", "Lord's Resistance Army": a possessive inside a name.
    const last = words[words.length - 1];
    if (
      last &&
      last.cap &&
      NAME_POSSESSORS.has(last.key) &&
      prev?.end === t.start &&
      (APOS.has(t.text) || t.text === "'s" || t.text === "’s") &&
      next !== undefined &&
      /^\p{Lu}/u.test(next.text)
    ) {
      words[words.length - 1] = { ...last, key: APOS.has(t.text) ? last.key : `${last.key}s`, end: t.end, text: `${last.text}${t.text}` };
      continue;
    }
    if (single && APOS.has(t.text) && prev && prev.end === t.start) {
      if (/[sS]$/.test(prev.text)) words.push(marker(t, true));
      continue;
    }
    if (t.text === "'s" || t.text === "’s" || t.text === "'S") {
      words.push(marker(t, true));
      joinNext = false;
      continue;
    }
    const key = normWord(t.text);
    if (ARTICLES.has(key) && next) {
      const after = tokens[i + 2];
      const hyphenated = HYPHENS.has(next.text) && next.start === t.end && after !== undefined && after.start === next.end;
      if (hyphenated || (/^\p{Lu}/u.test(next.text) && next.kind === "word")) {
        extendStart ??= t.start;
        if (hyphenated) i++; // skip the hyphen too
        continue;
      }
    }
    const punct = t.kind === "punctuation" || t.kind === "symbol" || key.length === 0;
    words.push({
      key: punct ? "" : key,
      text: t.text,
      start: extendStart ?? t.start,
      end: t.end,
      cap: capitalised(t.text),
      upper: isLetterUpper(t.text),
      pos: t.pos,
      poss: false,
      punct,
      quote: single && QUOTES.has(t.text),
      joined: joinNext,
      article: extendStart !== null,
    });
    joinNext = false;
    extendStart = null;
  }
  return words;
}

const CAP_START = /^[\p{Lu}\p{N}]/u;
const STRAY_LOWER = /^\p{Ll}\p{Lu}\p{Ll}{2,}$/u;

/** Starts with a capital or a digit, or is a capitalised word with a stray lower-case first letter ("iSrael", "uKraine"). */
function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) {
    // ASCII: a capital or a digit, else only a lower-case letter followed by a non-ASCII-lower-case one can qualify.
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    if (c < 97 || c > 122) return false;
    const d = text.charCodeAt(1);
    return !(d >= 97 && d <= 122) && STRAY_LOWER.test(text);
  }
  return CAP_START.test(text) || STRAY_LOWER.test(text);
}

function marker(t: Token, poss: boolean): Word {
  return {
    key: "",
    text: t.text,
    start: t.start,
    end: t.end,
    cap: false,
    upper: false,
    pos: t.pos,
    poss,
    punct: !poss,
    quote: false,
    joined: false,
    article: false,
  };
}

/** Is `text` within a small edit distance (<= 2, and <= a quarter of its length) of one of the actor's names or its surname? */
function closeSpelling(text: string, actor: ActorRecord): boolean {
  const limit = Math.min(2, Math.floor(text.length / 4));
  for (const n of [actor.name, ...actor.aliases]) {
    const keys = aliasKeys(n);
    if (editDistance(text, keys.join(" "), limit) <= limit) return true;
    if (keys.length > 1 && editDistance(text, keys[keys.length - 1], limit) <= limit) return true;
  }
  return false;
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let k = 1; k <= b.length; k++) {
      const v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

function onlyWeak(entries: readonly Entry[]): boolean {
  return entries.every((e) => e.type === "actor" && e.weak);
}

function entryRank(e: Entry): number {
  switch (e.type) {
    case "country":
      return 0;
    case "actor":
      return e.weak ? 1.5 : 1;
    case "capital":
      return 2;
    case "agent":
      return 3;
  }
}

class DocContext {
  private readonly drafts: Draft[] = [];
  private readonly notes: Note[] = [];
  /** Entity ids seen so far, most recent last. */
  private readonly seen: string[] = [];
  /** Surname key -> the person (or unknown name) it last stood for. */
  private readonly surnames = new Map<string, Draft>();
  /** Office title -> the person last named with it. */
  private readonly titles = new Map<string, Draft>();
  /** Last agent with a country per head noun ("ministry" -> "Taiwan's defence ministry"), for "the ministry". */
  private readonly agentHeads = new Map<string, Draft>();
  /** Head nouns seen with agents of more than one country ("Israeli troops ... Lebanese troops"). */
  private readonly mixedHeads = new Set<string>();
  /** Last word(s) of organisation names seen so far ("guards" -> Iran's Revolutionary Guards). */
  private readonly orgTails = new Map<string, Draft>();
  /** Countries named by their name, capital or a region (not only by an adjective), or by a named actor of theirs. */
  private readonly namedCountries = new Set<string>();
  /** Mentions of each country, its capital or its regions: the article's focus. */
  private readonly placeCounts = new Map<string, number>();
  /** The armed group or organisation named last ("the group" refers back to it). */
  private lastGroup: Draft | null = null;
  /** The international organisation named last ("the bloc", "the alliance" refer to it). */
  private lastIgo: Draft | null = null;
  /** The person with a country named last ("his ministry", "her government" are theirs). */
  private lastPerson: Draft | null = null;
  private readonly countryCounts = new Map<string, number>();
  /** The country of the dateline city ("NIAMEY, Aug. 21 --"), when the article opens with one. */
  private datelineCountry: string | null = null;
  private sentenceNo = 0;
  private sentenceStart = 0;
  /** Sentence number of each draft (bare soldiers take the focus country only where no other country is named). */
  private readonly draftSentence = new Map<Draft, number>();
  /** The drafts of each sentence, in order. */
  private readonly sentenceDrafts = new Map<number, Draft[]>();
  /** "the country" words, resolved to the focus country at the end. */
  private readonly countryRefs: { start: number; end: number; prior: string | null }[] = [];
  private readonly composedNames = new Map<string, string>();
  /**
   * Per first word: the longest dictionary phrase it starts (0: none) and its one-word entries (null: not looked up
   * yet), looked up once per document: words repeat, and look-ups in the large dictionary are slow.
   */
  private readonly firstWords = new Map<string, { readonly max: number; single: readonly Entry[] | undefined | null }>();
  /** The same for a first word without a capital, from the agents' index. */
  private readonly firstAgentWords = new Map<string, { readonly max: number; single: readonly Entry[] | undefined | null }>();

  constructor(
    private readonly lex: Lexicon,
    private readonly date: string | null,
    private readonly text: string,
  ) {}

  sentence(tokens: readonly Token[]): void {
    const words = toWords(tokens);
    if (words.length === 0) return;
    let upperWords = 0;
    let letterWords = 0;
    for (const w of words) {
      if (w.punct || w.poss) continue;
      letterWords++;
      if (w.upper) upperWords++;
    }
    const headline = letterWords >= 4 && upperWords / letterWords > 0.6;
    const atoms = this.findAtoms(words, headline);
    this.sentenceNo++;
    this.sentenceStart = words[0].start;
    // "NIAMEY, Aug. 21, 2024 --", "KHARTOUM, May 12 (Reuters) -": a capital in capitals opening the article before a comma and a date.
    const first = atoms[0];
    if (this.sentenceNo === 1 && first && first.s === 0 && first.type === "capital" && words[0].upper && words[first.e]?.text === ",") {
      const e = first.entries[0];
      const next = words[first.e + 1];
      const dated = next !== undefined && (/^\d/.test(next.text) || MONTH_WORD.test(next.text) || !this.commaIsNotDateline(words, first.e));
      if (e && (e.type === "capital" || e.type === "country") && dated) this.datelineCountry = e.country.iso3;
    }
    // "Latin America", "South America": a continent, not the United States.
    for (let i = atoms.length - 1; i >= 0; i--) {
      const a = atoms[i];
      if (
        a.type === "country" &&
        words[a.s].key === "america" &&
        ["latin", "south", "north", "central"].includes(words[a.s - 1]?.key ?? "")
      )
        atoms.splice(i, 1);
    }
    for (const a of atoms) {
      const e = a.entries[0];
      if ((a.type === "country" || a.type === "capital" || a.type === "region") && e && (e.type === "country" || e.type === "capital")) {
        this.placeCounts.set(e.country.iso3, (this.placeCounts.get(e.country.iso3) ?? 0) + 1);
        // By name ("Cameroon", "Bamenda"), not by an adjective that may name a language ("French").
        const key = words
          .slice(a.s, a.e)
          .map((w) => w.key)
          .join(" ");
        if (a.type !== "country" || key === normWord(e.country.name)) this.namedCountries.add(e.country.iso3);
      }
    }
    this.compose(words, atoms);
    this.frontedPlace(words, atoms);
    // "delivered aid to the country": the country the article is about, settled in finish().
    let atom = 0;
    for (let j = 1; j < words.length; j++) {
      while (atom < atoms.length && atoms[atom].e <= j) atom++;
      if (words[j].key !== "country" || words[j - 1].key !== "the" || words[j + 1]?.key === "of") continue;
      if (atom < atoms.length && atoms[atom].s <= j) continue;
      this.countryRefs.push({ start: words[j].start, end: words[j].end, prior: this.priorCountry(words[j].start) });
    }
  }

  // ---- matching -------------------------------------------------------------------------------

  private caseOk(e: Entry, words: readonly Word[], j: number, len: number, headline: boolean): boolean {
    if (e.type === "agent") {
      // "PM", "MPs": abbreviations only in capitals ("p.m." is a time).
      const k = words[j].key;
      return len > 1 || /^\p{Lu}\p{Lu}/u.test(words[j].text) || (k.length > 2 && k !== "mps");
    }
    const first = words[j];
    if (!first.cap) return false;
    for (let k = j; k < j + len; k++) {
      const w = words[k];
      // ("Lee Jae-myung", "Tsai Ing-wen": the second half of a hyphenated given name is lower case.)
      if (!w.cap && !CONNECTORS.has(w.key) && !(w.joined && k > j)) return false;
    }
    if (len === 1) {
      const letters = first.key.replace(/[^a-z]/g, "").length;
      if (letters <= 3) {
        if (!first.upper || headline) return false;
        if (first.pos === "AUX" || first.pos === "VERB" || first.pos === "PRON" || first.pos === "ADP" || first.pos === "DET") return false;
      }
    }
    return true;
  }

  private matchPhrase(words: readonly Word[], j: number, limit: number, headline: boolean): { len: number; entries: Entry[] } | null {
    const first = words[j].key;
    // Only an agent phrase can start with a word without a capital (`caseOk`): the agents' own, smaller index is enough.
    const cap = words[j].cap;
    const index = cap ? this.lex : this.lex.agentIndex;
    const cache = cap ? this.firstWords : this.firstAgentWords;
    let fw = cache.get(first);
    if (fw === undefined) {
      fw = { max: index.maxLen.get(first) ?? 0, single: null };
      cache.set(first, fw);
    }
    if (fw.max === 0) return null;
    let top = Math.min(fw.max, limit - j);
    // Keys for every length, built once; then tried longest first. No phrase starts with the first two words: only one word can match.
    const keys: string[] = [first];
    if (top >= 2) {
      keys.push(first + " " + words[j + 1].key);
      if (!index.phrasePairs.has(keys[1])) top = 1;
    }
    for (let k = 2; k < top; k++) keys.push(keys[k - 1] + " " + words[j + k].key);
    for (let len = top; len >= 1; len--) {
      if (len === 1 && fw.single === null) fw.single = entriesAt(index.phrases, first);
      const entries = len > 1 ? entriesAt(index.phrases, keys[len - 1]) : fw.single;
      if (!entries) continue;
      let ok: Entry[] | null = null;
      for (const e of entries) {
        if (!this.caseOk(e, words, j, len, headline) || (e.type === "agent" && words[j].joined)) continue;
        // Generated surname keys count only right after a capitalised title ("President Mugabe").
        if (e.type === "actor" && e.titled && !(j > 0 && words[j - 1].cap && !words[j - 1].punct)) continue;
        (ok ??= []).push(e);
      }
      if (ok) {
        // Names written with capitals beat the generic-noun reading of the same words ("Congress" vs "congress").
        const named = ok.filter((e) => e.type !== "agent");
        return { len, entries: named.length > 0 ? named : ok };
      }
    }
    return null;
  }

  private matchCore(words: readonly Word[], j: number, limit: number): { len: number; entries: Entry[] } | null {
    const first = words[j].key;
    const max = this.lex.coreMaxLen.get(first);
    if (max === undefined || !words[j].cap) return null;
    for (let len = Math.min(max, limit - j - 1); len >= 2; len--) {
      const suffix = words[j + len];
      if (!suffix || !suffix.cap || !GROUP_SUFFIXES.has(suffix.key)) continue;
      let key = first;
      let ok = true;
      for (let k = j + 1; k < j + len; k++) {
        if (!words[k].cap && !CONNECTORS.has(words[k].key)) ok = false;
        key += " " + words[k].key;
      }
      if (!ok) continue;
      const entries = entriesAt(this.lex.cores, key);
      if (entries) return { len: len + 1, entries: [...entries] };
    }
    return null;
  }

  private matchSkeleton(words: readonly Word[], j: number, limit: number): { len: number; entries: Entry[] } | null {
    const w = words[j];
    if (!w.cap || w.upper) return null;
    const first = skeleton(w.key);
    const max = this.lex.skelMaxLen.get(first);
    if (max === undefined) return null;
    for (let len = Math.min(max, limit - j); len >= 1; len--) {
      let key = first;
      let chars = first.length;
      let ok = true;
      for (let k = j + 1; k < j + len; k++) {
        if (!words[k].cap) ok = false;
        const s = skeleton(words[k].key);
        key += " " + s;
        chars += s.length;
      }
      if (!ok || chars < 4) continue;
      const entries = entriesAt(this.lex.skeletons, key);
      if (!entries) continue;
      // A shared skeleton is only a hint: the spelling must also be close ("Mohandes"/"Muhandis", not "Houston"/"Hochstein").
      let text = w.key;
      for (let k = j + 1; k < j + len; k++) text += " " + words[k].key;
      if (this.lex.placeNames.has(text)) continue;
      const close = entries.filter((e) => e.type === "actor" && closeSpelling(text, e.actor));
      if (close.length > 0) return { len, entries: close };
    }
    return null;
  }

  private findAtoms(words: readonly Word[], headline: boolean): Atom[] {
    const atoms: Atom[] = [];
    const n = words.length;
    // Names never cross punctuation or possessives: the limit for each start is the next such word.
    const limit: number[] = new Array(n);
    let stop = n;
    for (let j = n - 1; j >= 0; j--) {
      if (words[j].punct || words[j].poss) stop = j;
      limit[j] = words[j].punct || words[j].poss ? j : stop;
    }
    let j = 0;
    while (j < n) {
      const w = words[j];
      if (w.punct || w.poss || w.key.length === 0) {
        j++;
        continue;
      }
      const exact = this.matchPhrase(words, j, limit[j], headline);
      const core = this.matchCore(words, j, limit[j]);
      let best: { len: number; entries: Entry[]; rule: string } | null = null;
      if (exact) best = { len: exact.len, entries: exact.entries, rule: "dictionary" };
      if (core && (!best || core.len > best.len)) best = { len: core.len, entries: core.entries, rule: "group-variant" };
      if (!best || (best.entries.every((e) => e.type === "agent") && w.cap && w.pos === "PROPN" && j > 0)) {
        const sk = this.matchSkeleton(words, j, limit[j]);
        if (sk && (!best || sk.len >= best.len)) best = { len: sk.len, entries: sk.entries, rule: "transliteration" };
      }
      // A lone surname key followed by another name word is a first name ("Ahmed Saleh", not Abiy Ahmed).
      if (best && best.len === 1 && onlyWeak(best.entries)) {
        const nxt = words[j + 1];
        if (nxt && nxt.cap && !nxt.punct && nxt.pos === "PROPN") best = null;
      }
      if (best) {
        best.entries.sort((a, b) => entryRank(a) - entryRank(b));
        const type = best.entries[0].type as AtomType;
        atoms.push({ s: j, e: j + best.len, type, entries: best.entries, rule: best.rule });
        j += best.len;
        continue;
      }
      if (this.nameStart(words, j)) {
        let e = j + 1;
        while (e < limit[j] && e - j < MAX_NAME_WORDS && this.nameContinues(words, e, headline)) e++;
        // "Michael Jordan", "Stephen Chad": a country's own name right after a given name is a surname.
        const tail = e < limit[j] ? words[e] : undefined;
        if (tail && !tail.upper && !(words[e + 1]?.cap && !words[e + 1].punct)) {
          const m = this.matchPhrase(words, e, limit[j], headline);
          const c = m && m.len === 1 && m.entries[0].type === "country" ? m.entries[0].country : undefined;
          if (c && normWord(c.name) === tail.key) e++;
        }
        // Place-like names ("Anbar Province") and single names after "in"/"near" are left to the places stage.
        const after = words[e];
        const before = words[j - 1];
        let runKey = words[j].key;
        for (let k = j + 1; k < e; k++) runKey += " " + words[k].key;
        const placeLike =
          (after !== undefined && PLACE_NOUNS.has(after.key) && after.cap) ||
          (e - j > 1 && PLACE_NOUNS.has(words[e - 1].key)) ||
          this.lex.placeNames.has(runKey) ||
          (e - j === 1 && before !== undefined && LOCATIVE.has(before.key)) ||
          // "the village of Novopavlivka", "the city of El Fasher"
          (before !== undefined && before.key === "of" && j >= 2 && PLACE_NOUNS.has(words[j - 2].key));
        // A lone capitalised word opening a sentence is usually an ordinary word, unless it is a surname seen before.
        const initial = e - j === 1 && (j === 0 || (j === 1 && words[0].punct));
        const regionCountry = this.lex.placeNames.get(runKey);
        const region = regionCountry ? this.lex.countries.get(regionCountry) : undefined;
        if (region) atoms.push({ s: j, e, type: "region", entries: [{ type: "country", country: region }], rule: "region" });
        else if (!placeLike && !(initial && !this.surnames.has(words[j].key)))
          atoms.push({ s: j, e, type: "unknown", entries: [], rule: "unknown-name" });
        j = e;
        continue;
      }
      j++;
    }
    return atoms;
  }

  private nameStart(words: readonly Word[], j: number): boolean {
    const w = words[j];
    if (!w.cap || w.pos !== "PROPN" || w.upper || NOT_NAMES.has(w.key) || /\d/.test(w.key)) return false;
    if (w.key.length < 2) return false;
    return true;
  }

  private nameContinues(words: readonly Word[], e: number, headline: boolean): boolean {
    const w = words[e];
    if (w.punct || w.poss) return false;
    if (CONNECTORS.has(w.key) && (w.key === "bin" || w.key === "ibn" || w.key === "de" || w.key === "van" || w.key === "von")) return true;
    // "Eduardo del Castillo", "Lula da Silva", "Ursula von der Leyen": a name particle between capitalised names.
    if (NAME_PARTICLES.has(w.key) && !w.cap && words[e - 1]?.cap && words[e + 1]?.cap && !words[e + 1].punct) return true;
    if (w.joined && /^\p{L}/u.test(w.text) && !w.punct) return true; // "Port-au-Prince", "Guinea-Bissau"
    if (w.article && w.cap && !w.punct) return true; // "Jaish al-Islam", "Ansar al-Din"
    if (!w.cap || w.pos !== "PROPN" || NOT_NAMES.has(w.key) || /\d/.test(w.key)) return false;
    const m = this.matchPhrase(words, e, words.length, headline);
    if (m && m.entries[0].type !== "agent" && !onlyWeak(m.entries)) {
      // "Therese Kayikwamba Wagner": a one-word group name closing a person's name is their surname.
      const after = words[e + 1];
      const closes = m.len === 1 && m.entries[0].type === "actor" && !(after && after.cap && !after.punct);
      return closes && words[e - 1].cap && !words[e - 1].punct;
    }
    return true;
  }

  // ---- composition ----------------------------------------------------------------------------

  /** Can atom b extend the chain that ends with atom a? Returns the kind of link or null. */
  private link(words: readonly Word[], a: Atom, b: Atom): "adjacent" | "of" | null {
    if (b.type === "region") return null;
    if (a.type === "region") return b.type === "agent" && b.s === a.e && !words[b.s].joined ? "adjacent" : null;
    if (b.type === "country" || b.type === "capital") {
      // "the government of Iraq", "the President of France"
      const gap = words.slice(a.e, b.s);
      const ofGap = gap.length >= 1 && gap.length <= 2 && gap[0].key === "of" && (gap.length === 1 || gap[1].key === "the");
      return a.type === "agent" && ofGap && b.e - b.s >= 1 ? "of" : null;
    }
    if (a.type === "country" && b.type === "agent" && b.entries[0].type === "agent" && b.entries[0].agent.sector === "IGO" && b.s === a.e)
      return null; // "French coalition"? rare; "US coalition" is fine but "Iraq coalition" is a place. Keep countries apart.
    const gap = words.slice(a.e, b.s);
    if (gap.length === 1 && gap[0].joined && gap[0].key !== "led" && OWNER.has(gap[0].key) && b.type === "agent" && a.type !== "unknown")
      return "adjacent";
    if (gap.length > 0 && gap[0].joined && SPONSOR.has(gap[0].key)) {
      // "the U.S.-led (international) coalition": the leader's coalition; "Iranian-backed militias" are not Iranian.
      const ag = b.entries[0];
      const ok =
        gap.length === 1 &&
        gap[0].key === "led" &&
        (a.type === "country" || a.type === "capital") &&
        ag?.type === "agent" &&
        ag.agent.sector === "IGO";
      // "Hamas-led gunmen", "RSF-led fighters": fighters led by an armed group are its members.
      const first = a.entries[0];
      const members =
        gap.length === 1 &&
        gap[0].key === "led" &&
        a.type === "actor" &&
        first?.type === "actor" &&
        first.actor.kind === "group" &&
        ag?.type === "agent" &&
        (ag.agent.sector === "REB" || ag.agent.sector === "MIL");
      return ok || members ? "adjacent" : null;
    }
    if (b.s > a.e && words[b.s].joined) return null;
    const aPerson = a.type === "actor" && a.entries[0].type === "actor" && a.entries[0].actor.kind === "person";
    const ag = a.entries[0];
    if (ag?.type === "agent" && ag.agent.flags.includes("nameonly") && !words[a.s].cap) return null; // "a major Hollywood studio"
    const poss = gap.length > 0 && gap[0].poss;
    const rest = poss ? gap.slice(1) : gap;
    if (rest.length === 0) {
      if (poss) return "adjacent";
      if (aPerson || a.type === "unknown") return null;
      if (a.type === "agent" && b.type === "agent") return "adjacent";
      if (a.type === "agent" && (b.type === "actor" || b.type === "unknown")) return "adjacent";
      if (a.type === "agent") return null;
      return "adjacent";
    }
    // "the government of Iraq", "commander of the Quds Force"
    if (
      !poss &&
      (a.type === "agent" || aPerson) &&
      rest[0].key === "of" &&
      rest.length <= 2 &&
      (rest.length === 1 || rest[1].key === "the")
    ) {
      if (b.type === "actor" && b.entries[0].type === "actor" && b.entries[0].actor.kind !== "person") return "of";
      return null;
    }
    // Fillers: adjectives and plain nouns ("Iraq's multiple Shiite militias"), quotation marks.
    if (rest.length > 3) return null;
    if (aPerson && !poss) return null;
    if (a.type === "unknown" && !poss) return null;
    for (const w of rest) {
      if (w.quote) continue;
      if (w.punct || w.poss || w.joined) return null;
      if (w.pos !== "ADJ" && w.pos !== "NOUN" && w.pos !== "PROPN" && w.pos !== "NUM") return null;
      if (w.pos === "PROPN" && !NOT_NAMES.has(w.key)) return null;
    }
    if (b.type === "agent") return "adjacent";
    if (rest.every((w) => w.quote) && b.type === "actor") return "adjacent";
    return null;
  }

  private compose(words: readonly Word[], atoms: readonly Atom[]): void {
    let i = 0;
    let prevLone: { atom: Atom; draft: Draft } | null = null;
    while (i < atoms.length) {
      const chain: Atom[] = [atoms[i]];
      const links: ("adjacent" | "of")[] = [];
      // Real chains are short ("Iran's Islamic Revolutionary Guard Corps' Quds Force" is 3 atoms): the cap keeps
      // pathological input ("militias militias ...", "commander of Hamas commander of Hamas ...") linear and shallow.
      while (i + chain.length < atoms.length && chain.length < MAX_CHAIN) {
        const a = chain[chain.length - 1];
        const b = atoms[i + chain.length];
        const l = this.link(words, a, b);
        if (!l || (l === "of" && links.includes("of"))) break;
        chain.push(b);
        links.push(l);
      }
      i += chain.length;
      // "terrorist infrastructure", "army base", "US military presence": an agent noun used as a modifier is no actor.
      const endW = chain[chain.length - 1].e;
      const nextW = words[endW];
      const afterW = words[endW + 1];
      const modifier =
        chain[chain.length - 1].type === "agent" &&
        nextW !== undefined &&
        nextW.pos === "NOUN" &&
        !nextW.cap &&
        !nextW.punct &&
        (i >= atoms.length || atoms[i].s !== endW) &&
        // "the government end curbs": a noun followed by a noun or determiner is a mistagged verb
        !(afterW !== undefined && (afterW.pos === "NOUN" || afterW.pos === "DET" || afterW.pos === "PRON"));
      // "Rakhine state", "Zamfara state": "state" after a place's name is part of the name, not a government.
      const placeName =
        chain.length === 1 &&
        chain[0].type === "agent" &&
        words[chain[0].s].key === "state" &&
        words[chain[0].s - 1]?.cap === true &&
        !words[chain[0].s - 1].punct &&
        words[chain[0].s - 1].key !== "the";
      const draft = placeName ? null : modifier ? this.modifierOnly(words, chain) : this.resolve(words, chain, links);
      if (draft) {
        this.distribute(words, chain, draft, prevLone);
        if (draft.country === null && draft.kind === "actor")
          this.placeCountry(words, endW, i < atoms.length ? atoms[i] : undefined, draft, atoms[i + 1]);
        if (draft.country === null && draft.kind === "actor")
          this.loyalCountry(words, endW, i < atoms.length ? atoms[i] : undefined, draft);
        // "His ministry summoned Russia's envoy", "her government": the person named last.
        const owner = words[chain[0].s - 1]?.key;
        if (
          draft.country === null &&
          draft.kind === "actor" &&
          draft.sector &&
          (owner === "his" || owner === "her") &&
          this.lastPerson?.country
        )
          this.composeAgent(draft, this.lastPerson.country, draft.sector, "agent-possessive");
        this.emit(draft);
      }
      prevLone = chain.length === 1 && chain[0].type === "country" && draft ? { atom: chain[0], draft } : null;
    }
  }

  /**
   * "Inside Venezuela, the attorney general ordered the arrest of opposition activists": a sentence opened by a country
   * as its setting gives its bare agents that country (not soldiers, often foreign; not when another country's actor
   * is named in it).
   */
  private frontedPlace(words: readonly Word[], atoms: readonly Atom[]): void {
    if (!FRONTED.has(words[0]?.key ?? "")) return;
    const a = atoms[0];
    const start = words[1]?.key === "the" ? 2 : 1;
    if (!a || a.s !== start || words[a.e]?.text !== ",") return;
    if (a.type !== "country" && a.type !== "capital" && a.type !== "region") return;
    const e = a.entries[0];
    if (!e || (e.type !== "country" && e.type !== "capital")) return;
    const iso = e.country.iso3;
    const here = this.sentenceDrafts.get(this.sentenceNo) ?? [];
    if (here.some((d) => d.country !== null && d.country !== iso)) return;
    for (const d of here)
      if (d.rule === R("agent") && d.country === null && d.sector && d.sector !== "MIL")
        this.composeAgent(d, iso, d.sector, "agent-fronted-place");
  }

  /**
   * "Demonstrators in Baghdad", "rebels in Darfur": a local agent with no country of its own takes the
   * country of the place it is in. Not for soldiers or officials, who are often foreign ("troops in Iraq").
   */
  private placeCountry(words: readonly Word[], end: number, nextAtom: Atom | undefined, draft: Draft, after?: Atom): void {
    // ("from military-ruled Myanmar": a hyphenated modifier before the place is passed over.)
    const compound = nextAtom?.type === "agent" && words[nextAtom.e]?.joined === true && after !== undefined && after.s === nextAtom.e + 1;
    const next = compound ? after : nextAtom;
    // ("dissidents from military-ruled Myanmar", "refugees from Sudan": where local people come from.)
    const from = words[end]?.key === "from" && draft.sector !== null && LOCAL_SECTORS.has(draft.sector);
    if (!next || (words[end]?.key !== "in" && !from)) return;
    // ("the military government in neighbouring Niger": one describing word may come between.)
    if (next.s !== end + 1 && !(next.s === end + 2 && (words[end + 1]?.pos === "ADJ" || words[end + 1]?.joined)) && !compound) return;
    if (next.type !== "country" && next.type !== "capital" && next.type !== "region") return;
    const e = next.entries[0];
    // A government, junta or regime "in" a country is that country's (officials and soldiers there may be foreign).
    const sector = draft.sector;
    if (!e || (e.type !== "country" && e.type !== "capital") || !sector) return;
    if (!LOCAL_SECTORS.has(sector) && !(sector === "GOV" && RULERS.has(words[end - 1]?.key ?? ""))) return;
    this.composeAgent(draft, e.country.iso3, sector, "agent-in-place");
  }

  /** "forces loyal to Haftar": the leader's or group's country is theirs. */
  private loyalCountry(words: readonly Word[], end: number, next: Atom | undefined, draft: Draft): void {
    if (!next || words[end]?.key !== "loyal" || words[end + 1]?.key !== "to" || !draft.sector) return;
    if (next.s !== end + 2 && !(next.s === end + 3 && words[end + 2]?.key === "the")) return;
    const e = next.entries[0];
    // (Loyal to a leader or a group, not to a foreign country: "fighters loyal to Iran" stay unassigned, like "Iran-backed".)
    const country = e?.type === "actor" ? (countryOn(e.actor, this.date) ?? e.actor.country ?? null) : null;
    if (country) this.composeAgent(draft, country, draft.sector, "agent-loyal");
  }

  /** An agent phrase used as a modifier: only its country (if it starts with one) is a mention. */
  private modifierOnly(words: readonly Word[], chain: readonly Atom[]): Draft | null {
    const first = chain[0];
    if (first.type !== "country" || first.entries[0]?.type !== "country") return null;
    return this.resolve(words, [first], []);
  }

  /**
   * "Hungarian and Romanian officials", "the U.S. and Iraqi sides": a country coordinated with a
   * country + agent phrase shares the agent ("Hungarian" -> HUN.GOV).
   */
  private distribute(words: readonly Word[], chain: readonly Atom[], draft: Draft, prev: { atom: Atom; draft: Draft } | null): void {
    if (!prev || chain.length < 2 || chain[0].type !== "country" || draft.rule !== R("country-agent")) return;
    const gap = words.slice(prev.atom.e, chain[0].s);
    if (gap.length !== 1 || (gap[0].key !== "and" && gap[0].key !== "or" && gap[0].text !== ",")) return;
    const c = prev.draft.country;
    const sector = draft.sector;
    if (!c || !sector || c === draft.country) return;
    this.composeAgent(prev.draft, c, sector, "coordinated-agent");
    prev.draft.kind = "actor";
  }

  /** Makes a bare agent the generic actor of a country ("police" in a Bamako story -> MLI.POL), named by its first wording. */
  private composeAgent(d: Draft, country: string, sector: Sector, rule: string): void {
    const id = `${country}.${sector}`;
    const name = this.text.slice(d.start, d.end);
    if (!this.composedNames.has(id)) this.composedNames.set(id, name);
    Object.assign(d, {
      country,
      entityId: id,
      sector,
      rule: R(rule),
      entity: { id, name: this.composedNames.get(id) ?? name, kind: composedKind(sector), country, sector },
    });
  }

  private emit(d: Draft): void {
    this.drafts.push(d);
    this.draftSentence.set(d, this.sentenceNo);
    const same = this.sentenceDrafts.get(this.sentenceNo);
    if (same) same.push(d);
    else this.sentenceDrafts.set(this.sentenceNo, [d]);
    // Named actors of a country ("the RSF", "Dagalo") say what the story is about as much as its place names.
    if (d.country && d.kind !== "country" && d.entityId && !d.entityId.includes(".")) {
      this.placeCounts.set(d.country, (this.placeCounts.get(d.country) ?? 0) + 1);
      this.namedCountries.add(d.country);
    }
    if (d.entityId) this.seen.push(d.entityId);
    // An organisation's last word(s) can stand for it later ("the Guards").
    if ((d.kind === "organization" || d.kind === "group") && d.entityId && !d.entityId.includes(".")) {
      const keys = this.text
        .slice(d.start, d.end)
        .split(/\s+/)
        .map((w) => normWord(w.replace(/['’]s$/, "")))
        .filter(Boolean);
      const tail = keys[keys.length - 1];
      if (keys.length >= 2 && tail && tail.length > 3 && /^\p{Lu}/u.test(this.text.slice(d.start, d.end).split(/\s+/).pop() ?? "")) {
        this.orgTails.set(tail, d);
        this.orgTails.set(keys.slice(-2).join(" "), d);
      }
    }
    if (d.kind === "country" && d.country) this.countryCounts.set(d.country, (this.countryCounts.get(d.country) ?? 0) + 1);
    if (d.personKey) this.surnames.set(d.personKey, d);
    if ((d.kind === "person" || d.rule === R("unknown-titled")) && d.country) this.lastPerson = d;
    if (d.title && d.entityId) this.titles.set(d.title, d);
    // "the group" means an armed group, a movement or an organisation like the UN, not a ministry or an army.
    const groupLike = d.kind === "group" || (d.kind === "organization" && d.sector !== null && GROUP_SECTORS.has(d.sector));
    // ("Islamic State-linked insurgents": a group named as the sponsor of others is not the one "the insurgents" means.)
    const sponsor = /^\s*-\s*(?:linked|backed|affiliated|aligned|allied|inspired|funded|supported|sponsored)\b/i.test(
      this.text.slice(d.end, d.end + 16),
    );
    if (groupLike && !sponsor && d.entity && d.entity.kind !== "country" && !d.entityId?.includes(".")) this.lastGroup = d;
    if (d.kind === "organization" && d.sector === "IGO" && d.entityId && !d.entityId.includes(".")) this.lastIgo = d;
  }

  /** The country a chain's modifiers give ("Iraqi", "Iran's", "Hamas"), nearest to the head first. */
  private chainCountry(chain: readonly Atom[], upto: number): string | null {
    for (let k = upto - 1; k >= 0; k--) {
      const a = chain[k];
      const e = a.entries[0];
      if (!e) continue;
      if (e.type === "country" || e.type === "capital") return e.country.iso3;
      if (e.type === "actor") {
        const picked = this.pickActor(a, null).actor;
        const c = picked ? countryOn(picked, this.date) : null;
        if (c) return c;
      }
    }
    return null;
  }

  /** Chooses among an actor atom's candidates: context country, earlier mentions, office held on the date, curated. */
  private pickActor(atom: Atom, country: string | null, titled = false): { actor: ActorRecord | null; ambiguous: boolean } {
    let cands = atom.entries.filter((e): e is Extract<Entry, { type: "actor" }> => e.type === "actor" && (titled || !e.titled));
    if (cands.length === 0) return { actor: null, ambiguous: false };
    if (cands.length === 1 && !cands[0].weak) return { actor: cands[0].actor, ambiguous: false };
    // A full alias ("Houthi" for the movement) beats a bare surname reading of the same word.
    const strong = cands.filter((c) => !c.weak);
    if (strong.length > 0 && strong.length < cands.length) cands = strong;
    if (country) {
      const same = cands.filter((c) => countryOn(c.actor, this.date) === country || c.actor.country === country);
      if (same.length > 0) cands = same;
    }
    for (let k = this.seen.length - 1; k >= 0; k--) {
      const hit = cands.find((c) => c.actor.id === this.seen[k]);
      if (hit) return { actor: hit.actor, ambiguous: false };
    }
    const score = (c: (typeof cands)[number]) => {
      let s = 0;
      if (rolesOf(c.actor).some((r) => (r.from !== undefined || r.to !== undefined) && roleActive(r, this.date))) s += 4;
      if (c.actor.curated) s += 2;
      if (!c.weak) s += 1;
      return s;
    };
    let best = -1;
    let top: (typeof cands)[number][] = [];
    for (const c of cands) {
      const s = score(c);
      if (s > best) {
        best = s;
        top = [c];
      } else if (s === best) top.push(c);
    }
    const weak = top.every((c) => c.weak);
    if (top.length === 1) {
      // A lone surname of a Phoenix person with no office on the date is too thin to trust; so is a curated one
      // out of office whose country the article has not named ("Gonzalez told reporters" in a story about Bolivia).
      if (weak && best < 2) return { actor: null, ambiguous: true };
      const c = top[0];
      if (weak && best < 4 && !this.placeCounts.has(c.actor.country ?? "")) return { actor: null, ambiguous: true };
      return { actor: top[0].actor, ambiguous: false };
    }
    if (weak) return { actor: null, ambiguous: true };
    return { actor: top[0].actor, ambiguous: false };
  }

  private span(words: readonly Word[], chain: readonly Atom[]): { start: number; end: number } {
    return { start: words[chain[0].s].start, end: words[chain[chain.length - 1].e - 1].end };
  }

  private resolve(words: readonly Word[], chain: readonly Atom[], links: readonly ("adjacent" | "of")[]): Draft | null {
    const { start, end } = this.span(words, chain);
    const ofAt = links.indexOf("of");
    if (ofAt >= 0) {
      const head = chain.slice(0, ofAt + 1);
      const tail = chain.slice(ofAt + 1);
      const t = this.resolve(words, tail, links.slice(ofAt + 1));
      const h = head[head.length - 1];
      if (h.type === "actor" && t) {
        const hd = this.resolve(words, head, links.slice(0, ofAt));
        if (hd && hd.kind === "person") return { ...hd, start, end };
      }
      if (!t) return null;
      if (t.kind === "country" && h.type === "agent") {
        const d = this.resolveAgent(words, head, start, end, t.country);
        return d ? { ...d, rule: d.rule === R("title-holder") ? d.rule : R("of-phrase") } : null;
      }
      return { ...t, start, end, rule: R("of-phrase") };
    }
    const last = chain[chain.length - 1];
    const country = this.chainCountry(chain, chain.length - 1);
    const titleAtom = chain.length >= 2 ? chain[chain.length - 2] : undefined;
    const title = titleAtom && titleAtom.type === "agent" ? this.agentOf(titleAtom) : undefined;

    switch (last.type) {
      case "country": {
        const c = (last.entries[0] as Extract<Entry, { type: "country" }>).country;
        // "25 Palestinians", "Iraqis": a plural demonym names the people, not the state.
        const w = words[last.s];
        const people = last.e - last.s === 1 && /[^s]s$/.test(w.key) && w.key !== normWord(c.name) && !words[last.e]?.poss;
        return {
          start,
          end,
          kind: "country",
          entityId: c.iso3,
          country: c.iso3,
          sector: people ? "CVL" : null,
          rule: R(people ? "people" : "country"),
          entity: countryEntity(c),
        };
      }
      case "capital": {
        const c = (last.entries[0] as Extract<Entry, { type: "capital" }>).country;
        if (chain.length === 1 && !this.capitalIsActor(words, last)) return null;
        return {
          start,
          end,
          kind: "country",
          entityId: c.iso3,
          country: c.iso3,
          sector: "GOV",
          rule: R("capital-metonym"),
          entity: countryEntity(c),
        };
      }
      case "actor": {
        const pick = this.pickActor(last, country, title !== undefined && title.agent.flags.includes("title"));
        if (!pick.actor) return this.unknown(words, chain, start, end, country, title?.agent.sector ?? null);
        const a = pick.actor;
        const kind: MentionKind = a.kind === "person" ? "person" : a.kind === "group" ? "group" : "organization";
        const lastKey = words[last.e - 1].key;
        const role = a.kind === "person" ? this.roleTitle(a) : undefined;
        return {
          start,
          end,
          kind,
          entityId: a.id,
          country: countryOn(a, this.date) ?? country,
          // No office known on the date: the title in the text says what the person is ("Palestinian Prime Minister Haniyeh" in 2006).
          sector:
            (activeRole(a, this.date) === undefined && title?.agent.flags.includes("title")
              ? title.agent.sector
              : sectorOn(a, this.date)) ??
            (title?.agent.sector as Sector | undefined) ??
            null,
          rule: R(chain.length > 1 ? (title && title.agent.flags.includes("title") ? "title-name" : "composed-name") : last.rule),
          entity: actorEntity(a, this.date),
          ...(a.kind === "person" ? { personKey: lastKey } : {}),
          ...(role ? { title: role } : title ? { title: normTitle(title.phrase) } : {}),
        };
      }
      case "unknown": {
        // "Chad Smith", "Jordan Peterson": a country-named first name, not a country.
        if (chain.length === 2 && chain[0].type === "country" && chain[0].e - chain[0].s === 1 && chain[1].s === chain[0].e) {
          return this.unknown(words, chain, start, end, null, null);
        }
        // "Hamas official X", "gang leader X": a generic person noun takes its group's sector.
        const sector =
          titleAtom !== undefined && titleAtom.type === "agent" ? this.headSector(words, chain.slice(0, -1)) : this.orgSector(chain);
        return this.unknown(words, chain, start, end, country, sector);
      }
      case "agent":
        return this.resolveAgent(words, chain, start, end, country);
      case "region":
        return null; // a place: the places stage reports it
    }
  }

  /**
   * Sector of a chain ending with an agent noun: the head noun's, unless it is a generic person
   * ("official", "leader") under a more specific modifier ("rebel leader", "Hamas official").
   */
  private headSector(words: readonly Word[], chain: readonly Atom[]): Sector {
    const last = chain[chain.length - 1];
    const ag = this.agentOf(last);
    let sector: Sector = ag ? ag.agent.sector : "UNK";
    const headKey = words[last.e - 1].key;
    if (GENERIC_PERSON.has(headKey) || sector === "GOV") {
      for (let k = chain.length - 2; k >= 0; k--) {
        const e = chain[k].entries[0];
        if (!e) continue;
        if (e.type === "agent" && e.agent.sector !== "GOV" && !e.agent.flags.includes("equip")) {
          sector = e.agent.sector;
          break;
        }
        if (e.type === "actor" && e.actor.kind !== "person" && GENERIC_PERSON.has(headKey)) {
          const s = sectorOn(e.actor, this.date);
          if (s) sector = s;
          break;
        }
      }
    }
    return sector;
  }

  private agentOf(atom: Atom): { agent: AgentRecord; phrase: string } | undefined {
    const e = atom.entries.find((x) => x.type === "agent");
    return e && e.type === "agent" ? { agent: e.agent, phrase: e.phrase } : undefined;
  }

  private orgSector(chain: readonly Atom[]): Sector | null {
    for (let k = chain.length - 2; k >= 0; k--) {
      const e = chain[k].entries[0];
      if (e && e.type === "actor" && e.actor.kind !== "person") return sectorOn(e.actor, this.date);
    }
    return null;
  }

  /** The office title a person holds on the date, if curated ("prime minister"). */
  private roleTitle(a: ActorRecord): string | undefined {
    let t: string | undefined;
    for (const r of rolesOf(a))
      if (r.title && roleActive(r, this.date) && (r.from !== undefined || r.to !== undefined)) t = normTitle(r.title);
    return t;
  }

  private unknown(
    words: readonly Word[],
    chain: readonly Atom[],
    start: number,
    end: number,
    country: string | null,
    sector: Sector | null,
  ): Draft | null {
    const last = chain[chain.length - 1];
    const lastKey = words[last.e - 1].key;
    // A surname already used for a full name earlier in the article.
    const earlier = this.surnames.get(lastKey);
    if (earlier && (last.e - last.s === 1 || chain.length > 1)) {
      return { ...earlier, start, end, rule: R("surname-coref"), personKey: lastKey, title: undefined };
    }
    // "the Guards" after "Iran's Revolutionary Guards", "the Front" after "the Tigray People's Liberation Front".
    if (chain.length === 1 && words[last.s - 1]?.key === "the") {
      const org = this.orgTails.get(
        words
          .slice(last.s, last.e)
          .map((w) => w.key)
          .join(" "),
      );
      if (org) return { ...org, start, end, rule: R("name-tail-coref"), personKey: undefined, title: undefined };
    }
    if (last.type !== "unknown" && chain.length === 1) {
      const w = words[last.s];
      if (w.pos !== "PROPN" || last.e - last.s > 1) return null;
    }
    const d: Draft = {
      start,
      end,
      kind: "unknown",
      country,
      sector,
      rule: R(chain.length > 1 ? "unknown-titled" : "unknown-name"),
    };
    if (last.e - last.s > 1 || chain.length > 1) d.personKey = lastKey;
    return d;
  }

  /** "Baghdad, Jan. 5 (Reuters) -": a comma followed by a month or a number is a dateline. */
  private commaIsNotDateline(words: readonly Word[], comma: number): boolean {
    const next = words[comma + 1];
    if (!next) return false;
    return !(next.pos === "NUM" || next.pos === "PROPN" || /^\d/.test(next.text));
  }

  private capitalIsActor(words: readonly Word[], atom: Atom): boolean {
    const before = words[atom.s - 1];
    const after = words[atom.e];
    if (before && LOCATIVE.has(before.key)) return false;
    if (before && before.key === "of") return false;
    if (before && (before.key === "by" || before.key === "with" || before.key === "against"))
      return after === undefined || !after.cap || after.punct; // "an admission by Moscow", "ties with Kigali"
    if (atom.e - atom.s === 1 && words[atom.s].upper) return false; // "KHARTOUM, April 15 (Reuters) -": a dateline
    if (after && after.cap && !after.punct) return false;
    // "urged Moscow to", "accused Kyiv of", "called on Beijing to": the object of an address is the government.
    const verb = before && (before.key === "on" || before.key === "upon") ? words[atom.s - 2] : before;
    if (verb && ADDRESS_VERBS.has(verb.key) && (verb === before || /^call/.test(verb.key))) return true;
    if (after && (after.poss || after.pos === "VERB" || after.pos === "AUX")) return true;
    // Opening a sentence, a capital is its subject ("Washington, along with its allies, demanded ...").
    if (atom.s === 0 && after && after.text !== "(" && !after.quote) return after.text !== "," || this.commaIsNotDateline(words, atom.e);
    if (after && after.key === "and") {
      const nxt = words[atom.e + 1];
      return nxt !== undefined && nxt.cap;
    }
    return false;
  }

  /**
   * "Taiwan's defence ministry said ... The ministry condemned": a definite agent noun with no country of its own is
   * the last agent of a country with the same head noun ("junta" and "regime" count as "government", "army" as "military").
   */
  private resolveAgent(words: readonly Word[], chain: readonly Atom[], start: number, end: number, country: string | null): Draft | null {
    const d = this.resolveAgentOwn(words, chain, start, end, country);
    if (!d || d.personKey || d.title) return d;
    const head = AGENT_HEAD_ALIASES[words[chain[chain.length - 1].e - 1].key] ?? words[chain[chain.length - 1].e - 1].key;
    if (d.country && d.entityId) {
      const prior = this.agentHeads.get(head);
      if (prior && prior.country !== d.country) this.mixedHeads.add(head);
      this.agentHeads.set(head, d);
    } else if (
      d.country === null &&
      d.rule === R("agent") &&
      chain.length === 1 &&
      (words[chain[0].s - 1]?.key === "the" ||
        (d.sector !== "MIL" && d.sector !== "REB" && this.bareCollective(words, chain[0].s, head))) &&
      !placedAfter(words, chain[0].e)
    ) {
      const earlier = this.agentHeads.get(head);
      if (earlier) return { ...earlier, start, end, rule: R("agent-coref"), personKey: undefined, title: undefined };
      // "Army positions were attacked by the rebels" after "the M23 rebel group": the armed group named last.
      const g = this.lastGroup;
      if (d.sector === "REB" && g && g.sector === "REB" && g.country)
        return { ...g, start, end, rule: R("group-member-coref"), personKey: undefined, title: undefined };
    }
    return d;
  }

  /**
   * "Kosovo police said ... Police arrested four suspects": a bare plural or mass agent noun (no article) after agents
   * of a single country with the same head is that country's.
   */
  private bareCollective(words: readonly Word[], s: number, head: string): boolean {
    if (this.mixedHeads.has(head) || !(head === "police" || head.endsWith("s"))) return false;
    const before = words[s - 1];
    return (
      before === undefined ||
      before.punct ||
      !(before.pos === "DET" || before.pos === "ADJ" || before.pos === "NUM" || before.pos === "PRON")
    );
  }

  private resolveAgentOwn(
    words: readonly Word[],
    chain: readonly Atom[],
    start: number,
    end: number,
    country: string | null,
  ): Draft | null {
    const last = chain[chain.length - 1];
    const ag = this.agentOf(last);
    if (!ag) return null;
    const flags = ag.agent.flags;
    // "the group said", "the group's leader": the group named last, else no actor.
    const head = this.agentOf(chain[0]);
    // "the paramilitary group", "the armed group": a described group is the group named last too.
    const describedGroup = chain.length > 1 && flags.includes("groupref") && chain.every((a) => a.type === "agent");
    if (head?.agent.flags.includes("groupref") || describedGroup) {
      const g = this.lastGroup;
      if (!g || words[chain[0].s - 1]?.key !== "the" || !g.entity) return null;
      const sector = chain.length === 1 ? g.sector : this.headSector(words, chain);
      return {
        ...g,
        start,
        end,
        sector: GENERIC_PERSON.has(words[last.e - 1].key) || describedGroup ? g.sector : sector,
        rule: R("group-coref"),
        personKey: undefined,
        title: undefined,
      };
    }
    // "The bloc also demanded", "the 27-nation bloc", "the alliance said": the international organisation named last.
    if (head?.agent.flags.includes("igoref")) {
      const o = this.lastIgo;
      let b = chain[0].s - 1;
      while (
        b > 0 &&
        b >= chain[0].s - 3 &&
        (words[b].pos === "ADJ" || words[b].pos === "NUM" || words[b].joined || /\d/.test(words[b].key))
      )
        b--;
      if (!o || words[b]?.key !== "the") return null;
      return { ...o, start, end, rule: R("igo-coref"), personKey: undefined, title: undefined };
    }
    if (flags.includes("nameonly")) return null; // "General X" is handled with the name; "in general" is nothing
    const sector = this.headSector(words, chain);
    const title = flags.includes("title") ? normTitle(ag.phrase) : undefined;
    const singular = title !== undefined && flags.includes("person");
    // "Hamas fighters", "IDF soldiers", "Taliban spokesman": members of a named group.
    let m = chain.length - 2;
    while (m >= 0 && chain[m].type === "agent") m--;
    if (m >= 0 && chain[m].type === "actor") {
      const pick = this.pickActor(chain[m], this.chainCountry(chain, m));
      if (pick.actor && pick.actor.kind !== "person") {
        const a = pick.actor;
        const own = sectorOn(a, this.date);
        return {
          start,
          end,
          kind: a.kind === "group" ? "group" : "organization",
          entityId: a.id,
          country: countryOn(a, this.date) ?? country,
          // Members of an international organisation act for it ("U.N. helicopters", "NATO troops").
          sector: own === "IGO" ? "IGO" : sector,
          rule: R("group-member"),
          entity: actorEntity(a, this.date),
        };
      }
    }
    if (country === null && NEIGHBOURS.test(words[chain[chain.length - 1].e - 1].key)) {
      // "Algeria severed relations with Morocco, accusing its western neighbour": a neighbour is another country, the
      // one named before in the sentence (never the owner's; no one if none is named).
      let p = chain[0].s - 1;
      if (words[p]?.pos === "ADJ") p--;
      if (POSSESSIVES.has(words[p]?.key ?? "")) {
        const owner = this.ownerBefore(start);
        const other = owner?.country ? this.otherCountryBefore(start, owner.country) : null;
        const record = other ? this.lex.countries.get(other) : undefined;
        if (!other || !record) return null;
        return {
          start,
          end,
          kind: "country",
          entityId: other,
          country: other,
          sector: "GOV",
          rule: R("neighbour-of"),
          entity: countryEntity(record),
        };
      }
    }
    if (country === null) {
      // "The Sudanese Armed Forces said its aircraft struck": the possessive pronoun stands for the clause's subject,
      // the nearest actor with a country named earlier in the sentence.
      const pron = words[chain[0].s - 1]?.key;
      if ((pron === "its" || pron === "their") && chain.length === 1) {
        const owner = this.ownerBefore(start);
        if (owner) {
          // (A country's own agent: "China ... its coast guard" is China's police, not the country itself.)
          const own = owner.kind === "country" ? sector : (owner.sector ?? sector);
          if (owner.kind === "country" && own) {
            const id = `${owner.country}.${own}`;
            return {
              start,
              end,
              kind: "actor",
              entityId: id,
              country: owner.country,
              sector: own,
              rule: R("possessive-pronoun"),
              entity: { id, name: this.text.slice(start, end), kind: composedKind(own), country: owner.country!, sector: own },
            };
          }
          const id = `${owner.country}.${own}`;
          return {
            start,
            end,
            kind: "actor",
            entityId: owner.entityId ?? id,
            country: owner.country,
            sector: flags.includes("equip") ? own : sector,
            rule: R("possessive-pronoun"),
            entity: owner.entity ?? {
              id,
              name: this.text.slice(owner.start, owner.end),
              kind: composedKind(own),
              country: owner.country,
              sector: own,
            },
          };
        }
      }
      if (flags.includes("equip")) return null;
      // "the prime minister" after "Prime Minister X": the same person.
      if (singular && title) {
        const earlier = this.titles.get(title);
        if (earlier) return { ...earlier, start, end, rule: R("title-coref"), personKey: undefined };
      }
      return { start, end, kind: "actor", country: null, sector, rule: R("agent") };
    }
    // "Iraqi Prime Minister" alone: the office holder on the publication date.
    if (singular && title && this.date) {
      const holders = (this.lex.officeHolders.get(`${title}|${country}`) ?? []).filter((h) => roleActive(h.role, this.date));
      const ids = new Set(holders.map((h) => h.actor.id));
      if (ids.size === 1) {
        const a = holders[0].actor;
        return {
          start,
          end,
          kind: "person",
          entityId: a.id,
          country,
          sector: (holders[0].role.sector as Sector | null) ?? sector,
          rule: R("title-holder"),
          entity: actorEntity(a, this.date),
          personKey: aliasLast(a),
          title,
        };
      }
    }
    const id = `${country}.${sector}`;
    const text = this.text.slice(start, end);
    if (!this.composedNames.has(id)) this.composedNames.set(id, text);
    return {
      start,
      end,
      kind: "actor",
      entityId: id,
      country,
      sector,
      rule: R(chain.length > 1 && chain[0].type === "actor" ? "possessive-agent" : "country-agent"),
      entity: { id, name: this.composedNames.get(id) ?? text, kind: composedKind(sector), country, sector },
    };
  }

  /** The nearest non-person actor with a country earlier in the current sentence ("its", "their" stand for it). */
  /** The last country named in this sentence before `start` that is not `except`. */
  private otherCountryBefore(start: number, except: string): string | null {
    for (let k = this.drafts.length - 1; k >= 0; k--) {
      const d = this.drafts[k];
      if (d.start < this.sentenceStart) return null;
      if (d.end <= start && d.kind === "country" && d.country && d.country !== except) return d.country;
    }
    return null;
  }

  private ownerBefore(start: number): Draft | null {
    for (let k = this.drafts.length - 1; k >= 0; k--) {
      const d = this.drafts[k];
      if (d.start < this.sentenceStart) return null;
      if (d.end <= start && d.country && d.kind !== "person" && (d.kind !== "country" || this.countryActs(d))) return d;
    }
    return null;
  }

  /**
   * The article's focus country: one named (with its capital and regions) at least twice and twice as often as
   * any other. A dateline alone does not decide it: wire stories from Washington are often about Venezuela.
   */
  private focusCountry(): string | null {
    let best: string | null = null;
    let top = 0;
    let second = 0;
    for (const [c, n] of this.placeCounts) {
      if (n > top) {
        second = top;
        top = n;
        best = c;
      } else if (n > second) second = n;
    }
    if (top >= 2 && top >= 2 * second) return best;
    // The most named country that is also the dateline's ("NIAMEY, July 31 -- ... France ... Niger ...").
    if (top >= 3 && top > second && best === this.datelineCountry) return best;
    // An article that names a single country by name, even once, is about it ("Separatists attacked a post in Cameroon's ...").
    return best !== null && this.namedCountries.size === 1 && this.namedCountries.has(best) ? best : null;
  }

  /** Does the agent's sentence name the focus country as a party (not as a place: "in Cameroon's north")? */
  private facesCountry(d: Draft, focus: string): boolean {
    for (const o of this.neighbours(d)) {
      if (o === d || o.kind !== "country" || o.country !== focus) continue;
      // (A dateline's country: "BELGRADE, Serbia (AP) —".)
      if (/^[^\n]{0,60}?(?:—|–|--| - )/.test(this.text.slice(o.end, o.end + 70)) && o.start < 60) continue;
      const before = this.text.slice(Math.max(0, o.start - 30), o.start);
      const after = this.text.slice(o.end, o.end + 12);
      // (Not a place, and not the subject of its own clause: "the largest protest Serbia has seen".)
      // ("in northwestern Nigeria's Zamfara state": a direction word may come between.)
      if (/\b(?:in|inside|across|throughout|of|from|near|to|into)\s+(?:the\s+)?(?:[a-z-]+\s+)?$/i.test(before)) continue;
      if (/^\s+(?:has|have|had|is|was|were|are|said|says|will|would)\b/i.test(after)) continue;
      return true;
    }
    return false;
  }

  /** "demanded that China return rifles its coast guard seized": a country named as a doer, not as a place ("in Iraq"). */
  private countryActs(d: Draft): boolean {
    if (
      /\b(?:in|inside|across|throughout|of|from|near|to|into|at|on|with|for|by|over)\s+(?:the\s+)?$/i.test(
        this.text.slice(Math.max(0, d.start - 12), d.start),
      )
    )
      return false;
    return /^\s+(?!and\b|or\b)[a-z]+/.test(this.text.slice(d.end, d.end + 16));
  }

  /** The country of the last state actor in the two sentences before d's, unless it is of `except`. */
  private stateBefore(d: Draft, except: string): string | null {
    const sn = this.draftSentence.get(d) ?? -1;
    for (let k = sn - 1; k >= 0 && k >= sn - 2; k--) {
      const list = this.sentenceDrafts.get(k) ?? [];
      for (let i = list.length - 1; i >= 0; i--) {
        const o = list[i];
        if (o === d || o.end > d.start || o.kind === "country" || !o.country || !o.sector || !STATE_SECTORS.has(o.sector)) continue;
        return o.country === except ? null : o.country;
      }
    }
    return null;
  }

  /** The one country named (by name or capital) before `at` in this sentence and the two before it, or null. */
  private priorCountry(at: number): string | null {
    let found: string | null = null;
    for (let k = this.sentenceNo; k >= 0 && k >= this.sentenceNo - 2; k--) {
      for (const o of this.sentenceDrafts.get(k) ?? []) {
        if (o.kind !== "country" || !o.country || o.start >= at) continue;
        if (found !== null && found !== o.country) return null;
        found = o.country;
      }
    }
    return found;
  }

  /** The drafts of d's sentence. */
  private neighbours(d: Draft): readonly Draft[] {
    return this.sentenceDrafts.get(this.draftSentence.get(d) ?? -1) ?? [];
  }

  private focusActorIn(d: Draft, focus: string): boolean {
    for (const o of this.neighbours(d)) if (o !== d && o.kind !== "country" && o.country === focus) return true;
    return false;
  }

  private onlyFocusIn(d: Draft, focus: string): boolean {
    // (An armed group abroad is named as a sponsor, not as a foreign force: "Islamic State-linked insurgents".)
    for (const o of this.neighbours(d)) if (o.country && o.country !== focus && !(o.sector && GROUP_SECTORS.has(o.sector))) return false;
    return true;
  }

  finish(): { mentions: Mention[]; entities: Entity[]; notes: Note[] } {
    const focus = this.focusCountry();
    if (focus) {
      for (const d of this.drafts) {
        // Bare agents, and unknown people titled with one ("Army spokesman Nabil Abdallah").
        if ((d.rule !== R("agent") && d.rule !== R("unknown-titled")) || d.country !== null || !d.sector) continue;
        // "West African leaders", "European diplomats": a region's agents are not the focus country's.
        if (
          /\b(?:african|european|arab|western|gulf|asian|american|regional|foreign|international|world|global)\s+$/i.test(
            this.text.slice(Math.max(0, d.start - 24), d.start),
          )
        )
          continue;
        // "the junta accused France": in an article naming that one country, an agent dealing with it is not of it.
        // ("Mali's transitional authorities gave a different account. ... the government accused Algeria": with
        // others named, a state body is of the state that last spoke or acted in the two sentences before.)
        if (this.facesCountry(d, focus)) {
          if (this.namedCountries.size === 1) continue;
          const other = d.sector !== "MIL" && STATE_SECTORS.has(d.sector) ? this.stateBefore(d, focus) : null;
          if (other) {
            this.composeAgent(d, other, d.sector, "agent-antecedent");
            continue;
          }
        }
        // Soldiers are often foreign: bare "troops", "the army" take the focus country only when the dateline agrees
        // and their sentence names no other country's actor.
        // (Or when their own sentence names an actor of the focus country: "Machado called on the armed forces",
        // "the army said it killed 30 militants".)
        const military =
          (d.sector === "MIL" || d.sector === "REB" || d.sector === "CRM") &&
          this.onlyFocusIn(d, focus) &&
          (this.datelineCountry === focus ||
            this.focusActorIn(d, focus) ||
            // (In an article naming a single country, unless stationed somewhere: "Troops in Iraq" are often foreign.)
            (this.namedCountries.size === 1 && !/^\s+(?:in|inside|stationed)\b/.test(this.text.slice(d.end, d.end + 12))));
        if (!FOCUS_SECTORS.has(d.sector) && !military) continue;
        if (d.rule === R("unknown-titled")) {
          Object.assign(d, { country: focus, rule: R(military ? "unknown-titled-focus-military" : "unknown-titled-focus") });
          continue;
        }
        this.composeAgent(d, focus, d.sector, military ? "agent-focus-military" : "agent-focus");
      }
    }
    // With no focus, "pulled out of the country" after "Burkina Faso has turned away from France" is the one country
    // named just before.
    for (const r of this.countryRefs) {
      const iso = focus ?? r.prior;
      const record = iso ? this.lex.countries.get(iso) : undefined;
      if (!iso || !record) continue;
      this.drafts.push({
        start: r.start,
        end: r.end,
        kind: "country",
        entityId: iso,
        country: iso,
        sector: null,
        rule: R(focus ? "country-focus" : "country-antecedent"),
        entity: countryEntity(record),
      });
    }
    const mentions: Mention[] = [];
    const entities = new Map<string, Entity>();
    let n = 0;
    const sorted = [...this.drafts].sort((a, b) => a.start - b.start || b.end - a.end);
    let lastEnd = -1;
    for (const d of sorted) {
      if (d.start < lastEnd) continue; // overlapping chains: keep the first
      lastEnd = d.end;
      const m: Mention = {
        id: `m${++n}`,
        text: this.text.slice(d.start, d.end),
        start: d.start,
        end: d.end,
        kind: d.kind,
        ...(d.entityId ? { entityId: d.entityId } : {}),
        country: d.country,
        sector: d.sector,
        rule: d.rule,
      };
      mentions.push(m);
      if (d.entityId && d.entity && !entities.has(d.entityId)) entities.set(d.entityId, d.entity);
    }
    const unknown = mentions.filter((m) => m.kind === "unknown").length;
    if (unknown > 0) this.notes.push({ stage: ACTORS_STAGE, message: `${unknown} name(s) not in the actor dictionary` });
    return { mentions, entities: [...entities.values()], notes: this.notes };
  }
}

function aliasLast(a: ActorRecord): string {
  const parts = a.name.split(/[\s\-]+/);
  return normWord(parts[parts.length - 1]);
}

function countryEntity(c: CountryRecord): Entity {
  return { id: c.iso3, name: c.name, kind: "country", country: c.iso3, sector: null, ...(c.wikidata ? { wikidata: c.wikidata } : {}) };
}

function actorEntity(a: ActorRecord, date: string | null): Entity {
  const kind: EntityKind = a.kind;
  return {
    id: a.id,
    name: a.name,
    kind,
    country: countryOn(a, date),
    sector: sectorOn(a, date),
    ...(a.wikidata ? { wikidata: a.wikidata } : {}),
  };
}

function composedKind(sector: Sector): EntityKind {
  if (sector === "GOV" || sector === "LEG" || sector === "JUD") return "institution";
  if (sector === "REB" || sector === "CRM" || sector === "CVL" || sector === "REF" || sector === "OPP") return "group";
  return "organization";
}
