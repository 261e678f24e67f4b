import { lastStartingAtOrBefore } from "../../model/search.js";
import type {
  ActorRef,
  Attribution,
  Count,
  Entity,
  Event,
  EventDate,
  EventPlace,
  Mention,
  Modality,
  Place,
  PloverType,
  Quantity,
  Sector,
  Sentence,
  TimeExpression,
  Token,
} from "../../model/annotations.js";
import { layer } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import { type Clause, type ClauseMap, isVerbLike, segmentClauses } from "./clauses.js";
import {
  type Lexicon,
  type LexiconSources,
  type NounEntry,
  type VerbEntry,
  candidatePatterns,
  compileLexicon,
  matchBefore,
  matchSequence,
  patternKeysOf,
  wordMatches,
} from "./lexicon.js";

export const EVENTS_STAGE = "events.v1";

/** The parsed, validated data files of data/events/ (see src/runtime/load-events.ts). */
export type EventsResources = LexiconSources;

/**
 * Events: PLOVER-coded "who did what to whom, when, where" from verb and noun
 * triggers. Triggers come from the verb patterns (PETRARCH-derived + our phrases)
 * and the event nouns; actors from clause structure (subject before the verb, object
 * after it, "by" in passives, the speaker in reported speech); dates, places and
 * counts from the other layers in the same clause or sentence.
 */
export function createEventsStage(resources: EventsResources): Stage<"events"> {
  const lex = compileLexicon(resources);
  return {
    name: EVENTS_STAGE,
    requires: ["published", "sentences", "tokens", "times", "quantities", "mentions", "entities", "places"],
    provides: ["events"],
    run(doc) {
      const ctx: DocContext = {
        text: doc.text,
        published: layer(doc, "published").value,
        datelineEnd: layer(doc, "published").source === "dateline" ? (layer(doc, "published").end ?? 0) : datelineEndOf(doc.text),
        sentences: layer(doc, "sentences"),
        tokens: layer(doc, "tokens"),
        mentions: layer(doc, "mentions"),
        entities: new Map(layer(doc, "entities").map((e) => [e.id, e] as const)),
        times: layer(doc, "times"),
        places: layer(doc, "places"),
        quantities: layer(doc, "quantities"),
      };
      return { events: extractEvents(ctx, lex) };
    },
  };
}

/**
 * "NIAMEY, Aug. 21, 2024 --", "KHARTOUM (Reuters) -", "DOHA/JERUSALEM, Jan 16 -": the end of a dateline opening the text, also when the caller
 * gave the publication date (its words are never triggers, actors or the event's date). 0 when there is none.
 */
const DATELINE_HEAD = /^\s{0,5}\p{Lu}[\p{Lu}'./ -]{1,40}[,(][^\n]{0,100}?\s(?:--|—|–|-)\s/u;
/** "Kyiv, Ukraine —": a title-case place and country before a dash. */
const DATELINE_PLACE = /^\s{0,5}\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,3},\s\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3}\s(?:--|—|–)\s/u;
export function datelineEndOf(text: string): number {
  const head = text.slice(0, 200);
  const m = DATELINE_HEAD.exec(head) ?? DATELINE_PLACE.exec(head);
  return m ? m[0].length : 0;
}

interface DocContext {
  readonly text: string;
  readonly published: string | null;
  /** End of the dateline ("WASHINGTON, Jan. 28, 2024 (Capital Dispatch) --"): no trigger before it. */
  readonly datelineEnd: number;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly entities: ReadonlyMap<string, Entity>;
  readonly times: readonly TimeExpression[];
  readonly places: readonly Place[];
  readonly quantities: readonly Quantity[];
}

/** What a trigger says before actors, dates and the rest are attached. */
interface Reading {
  type: PloverType;
  mode: string | null;
  context: string | null;
  cameo: string | null;
  rule: string;
  /** Local token range of the trigger. */
  first: number;
  last: number;
  /** Local index of the verb whose clause gives subject and object (-1 for a noun-only trigger). */
  verb: number;
  noun: boolean;
  speakerSource: boolean;
  reverse: boolean;
  base: number;
  /** Coded only by the verb's own default code (no pattern, phrase or noun). */
  isDefault: boolean;
  /** A statement noun that is itself an event ("joint statement"). */
  speechNoun: boolean;
}

/** Per-sentence view: tokens [a, b) with the annotations that fall in them. */
interface SentenceView {
  readonly s: Sentence;
  readonly a: number;
  readonly b: number;
  readonly toks: readonly Token[];
  /** Mention index covering each local token, or -1. */
  readonly mentionAt: readonly number[];
  readonly mentions: readonly Mention[];
  readonly times: readonly TimeExpression[];
  readonly places: readonly Place[];
  readonly quantities: readonly Quantity[];
  readonly clauses: ClauseMap;
  /** First local token after the dateline (subjects are never found in it). */
  readonly floor: number;
  /** Sentence-level facts computed once (the stage stays linear on very long sentences). */
  readonly cues: SentenceCues;
  /** Pattern keys each local token stands for (`patternKeysOf`), filled on first use. */
  readonly keys: (readonly number[] | undefined)[];
}

interface SentenceCues {
  /** "There are reports that", "reportedly", "according to reports". */
  readonly reported: boolean;
  /** A look-back phrase ("as early as", "years ago"). */
  readonly lookback: boolean;
  /** "the meeting", "the talks": refers back to a meeting just reported. */
  readonly meeting: boolean;
  /** Local index of "according" in "according to X", or -1. */
  readonly according: number;
}

const LOCATIVE = new Set([
  "in",
  "at",
  "near",
  "across",
  "inside",
  "outside",
  "throughout",
  "into",
  "toward",
  "towards",
  "around",
  "from",
  "to",
  "within",
  "over",
]);
const TARGET_PREPS = new Set(["against", "on", "with", "at", "to", "from", "upon", "toward", "towards", "for"]);
const BE = new Set(["be", "get"]);
/** Determiners that may stand between a subject and its verb ("both praised"), and "no" ("no attack"). */
const FLOATING = new Set(["no", "both", "all", "each"]);
const EXCHANGE = new Set(["swap", "exchange", "trade"]);
const VERDICTS = new Set(["provocation", "aggression", "interference", "violation", "crime", "attack", "escalation", "act", "meddling"]);
const PROPOSALS = new Set(["call", "demand", "proposal", "offer", "request", "plan", "appeal", "bid", "ultimatum", "initiative"]);
/** Verbs that end what their gerund names ("stop supporting", "ceased attacking"). */
const CESSATION = new Set(["stop", "cease", "halt", "quit", "end", "suspend", "discontinue"]);

/** Is the gerund at k governed by a verb of stopping ("stop training and supporting")? */
function ceased(toks: readonly Token[], k: number): boolean {
  if (!toks[k].norm.endsWith("ing")) return false;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    if (CESSATION.has(toks[j].lemma) && toks[j].pos === "VERB") return true;
    if (toks[j].norm === "," || (toks[j].pos === "VERB" && !toks[j].norm.endsWith("ing"))) return false;
  }
  return false;
}
/** Words the tagger may call prepositions that also open a clause ("as the leader prepared", "until the army withdrew"). */
const CLAUSE_OPENERS = new Set(["as", "until", "before", "after", "since", "because", "while", "once"]);
const SUBJECT_PRONOUNS = new Set(["it", "they", "he", "she", "we", "i"]);
const DAY_MS = 86_400_000;
const MODALS = new Set(["will", "would", "shall", "should", "can", "could", "may", "might", "must"]);
const WANT = new Set(["want", "wish", "expect", "need", "encourage", "push"]);
/** Cooperative types, and the CAMEO "intent" code a stated intention of each maps to. */
const INTENT_CAMEO: Partial<Record<PloverType, string>> = {
  SUPPORT: "032",
  COOPERATE: "031",
  AID: "033",
  CONCEDE: "035",
  CONSULT: "036",
  AGREE: "030",
};
const POSSESSIVE = new Set(["its", "their", "his", "her", "our", "my", "your"]);
/** Participles that describe a noun's ties ("led by", "linked to", "allied with"). */
const DESCRIPTIVE = new Set(["led", "linked", "aligned", "affiliated", "allied", "tied", "connected", "loyal"]);
const READY = new Set(["ready", "prepared", "willing", "able"]);
const OBLIGATION = new Set(["must", "should", "ought"]);
const CLAIM_VERBS = new Set(["claim", "allege", "accuse", "purport"]);
/** Speech verbs whose complement is what the speaker wants done ("insisted that the militias stop"). */
const DEMAND_SPEECH = new Set(["insist", "demand", "urge", "ask", "request", "require"]);

/** "must return", "should withdraw", "has to stop" just before local token k in its clause. */
function obligation(toks: readonly Token[], k: number, _cl: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const w = toks[j].norm;
    if (OBLIGATION.has(w)) return true;
    if (w === "to" && (toks[j - 1]?.lemma === "have" || toks[j - 1]?.lemma === "need")) return true;
    // "must be ready to mediate", "should be prepared to withdraw"
    if (toks[j].pos !== "ADV" && toks[j].pos !== "AUX" && toks[j].pos !== "PART" && w !== "to" && !READY.has(w)) return false;
  }
  return false;
}

export function extractEvents(ctx: DocContext, lex: Lexicon): Event[] {
  const events: Event[] = [];
  const { tokens } = ctx;
  // Walk the sorted layers once, handing each sentence its share (linear overall).
  let ti = 0;
  const cursors = { m: 0, t: 0, p: 0, q: 0 };
  let previousConsult: Event | null = null;
  /** The last sentence's attack with both sides named ("the clashes" in the next sentence refers to it). */
  let previousAttack: Event | null = null;
  /** The last asserted act by an actor with a country, in earlier sentences ("condemned the measures" reacts to it). */
  let lastActor: Event | null = null;
  /** The last one to accuse or claim something (a denial of "the claim" answers them). */
  let lastClaim: readonly ActorRef[] | null = null;
  /** The last request made of someone, in this sentence or the one before ("asked Rwanda to keep its soldiers"). */
  let lastAsk: { event: Event; sentence: number } | null = null;
  let sentenceNo = -1;
  /** The last asserted act of each type by an actor with a country ("the exercises" -> the last MOBILIZE). */
  const lastOfType = new Map<string, Event[]>();
  let previousDate: EventDate | null = null;
  let previousEnd = -1;
  let attackAge = 0;
  let sides: Sides | undefined;
  let previousTopic: Topic = { refs: [], person: false };
  for (const s of ctx.sentences) {
    while (ti < tokens.length && tokens[ti].end <= s.start) ti++;
    const a = ti;
    while (ti < tokens.length && tokens[ti].start < s.end) ti++;
    const b = ti;
    if (b <= a) continue;
    const mentions = take(ctx.mentions, cursors, "m", s);
    const toks = retagGerunds(tokens.slice(a, b), lex);
    const view: SentenceView = {
      s,
      a,
      b,
      toks,
      mentionAt: mentionIndex(tokens, a, b, mentions),
      mentions,
      times: take(ctx.times, cursors, "t", s),
      places: take(ctx.places, cursors, "p", s),
      quantities: take(ctx.quantities, cursors, "q", s),
      clauses: segmentClauses(toks, 0, toks.length, lex.speechVerbs),
      floor: datelineFloor(tokens, a, b, ctx.datelineEnd),
      cues: sentenceCues(tokens.slice(a, b), lex),
      keys: new Array(toks.length),
    };
    const sidesOf = () => (sides ??= mainSides(ctx));
    let found: Event[] = sentenceEvents(ctx, lex, view, previousConsult).map((e) => bothSides(ctx, e, sidesOf));
    // "Turkey's foreign ministry rejected the accusations. It said ...": a sentence opened by a subject pronoun
    // continues with the previous sentence's main actor.
    found = pronounOpener(view, found, previousTopic).map((e) =>
      victimsOpponent(
        ctx,
        view,
        pairOpponent(ctx, view, victimSpeaker(ctx, view, domesticStance(ctx, view, e, sidesOf), sidesOf), sidesOf, events),
        sidesOf,
      ),
    );
    previousTopic = topicOf(ctx, view, found);
    // "The move sparked discontent ... and parliament subsequently adopted ...": a sentence that
    // continues the previous one's story takes its date when it has none of its own.
    // (No blank line or line break since the previous sentence.)
    const sameParagraph = previousEnd >= 0 && !ctx.text.slice(previousEnd, tokens[a].end).includes("\n");
    if (previousDate && continuesStory(view.toks)) {
      const inherited: EventDate = { ...previousDate, basis: "sentence" };
      found = found.map((e) =>
        e.date?.basis === "publication"
          ? { ...e, date: inherited, historical: e.historical || isHistorical(ctx.published, inherited, false) }
          : e,
      );
    } else if (previousDate && previousDate.precision === "day" && !previousDate.modifier && sameParagraph && pastNarrative(view.toks)) {
      // "Earlier on Saturday, Putin accused ... . Authorities declared a counter-terrorism regime ...": a sentence in
      // the same paragraph with no time of its own goes on with the day of the previous one (acts, not plans).
      const inherited: EventDate = { ...previousDate, basis: "sentence" };
      found = found.map((e) =>
        e.date?.basis === "publication" && (e.modality === "asserted" || e.modality === "reported") ? { ...e, date: inherited } : e,
      );
    }
    previousEnd = tokens[b - 1].end;
    // "At least 17 people were killed in the clashes": a definite attack noun refers back to the fighting just reported.
    // (Or a bare toll right after the attack, in its paragraph: "Troops fired live rounds at crowds. At least 11 people were killed.")
    const bareToll =
      sameParagraph &&
      attackAge === 0 &&
      found.length > 0 &&
      found.every(
        (e) => e.type === "ASSAULT" && e.sources.length === 0 && (e.killed !== null || e.injured !== null) && !e.rule.includes(":noun-"),
      );
    const back: boolean = previousAttack !== null && (backReference(view.toks) || bareToll);
    if (back && previousAttack) {
      const prior: Event = previousAttack;
      found = found.map((e) =>
        e.type === "ASSAULT" && e.sources.length === 0 && (e.killed || e.injured)
          ? {
              ...e,
              sources: prior.sources,
              targets: e.targets.some((t) => t.country) ? e.targets : prior.targets,
              confidence: Math.round(Math.max(0.05, e.confidence - 0.1) * 100) / 100,
              rule: `${EVENTS_STAGE}:attack-back-reference`,
            }
          : e,
      );
      // "..., killing two people. At least 27 people were injured in the overnight strikes": a toll the attack just
      // reported lacks is that attack's; the casualty sentence adds it (its quantities keep their own spans).
      const at = events.lastIndexOf(prior);
      const toll = found.find(
        (e) => e.rule === `${EVENTS_STAGE}:attack-back-reference` && ((e.killed && !prior.killed) || (e.injured && !prior.injured)),
      );
      if (at >= 0 && toll && found.filter((e) => e.type === "ASSAULT").length === 1) {
        const folded: Event = {
          ...prior,
          killed: prior.killed ?? toll.killed,
          injured: prior.injured ?? toll.injured,
          quantities: [...prior.quantities, ...toll.quantities.filter((q) => !prior.quantities.some((p) => p.start === q.start))],
        };
        events[at] = folded;
        previousAttack = folded;
        found = found.filter((e) => e !== toll);
      }
    }
    // "Venezuela's government condemned the measures": a reaction to a definite act refers to the last actor who acted.
    // "condemned the exercises" after "China's military launched drills": the last actor of that kind of act.
    // ("Biden welcomed the deal": praise of a definite act is aimed at its doers too.)
    if (lastActor) {
      found = found.map((e) => {
        const own = new Set(e.sources.map((x) => x.country));
        // ("Ali called the move a threat to Guyana": the speaker's own country is what is threatened, not the target.)
        if (
          (e.type !== "ACCUSE" && e.type !== "REJECT" && e.type !== "SUPPORT") ||
          e.targets.some((t) => t.country !== null && !own.has(t.country)) ||
          e.sources.length === 0
        )
          return e;
        const at = reactsToDefiniteAct(view, e);
        if (at < 0) return e;
        // "The government flatly denied the claim": the claim is the last speaker's who claimed something.
        if (CLAIM_NOUNS.has(view.toks[at].lemma) && lastClaim && !lastClaim.some((c) => e.sources.some((x) => sameActor(x, c))))
          return { ...e, targets: lastClaim, rule: `${EVENTS_STAGE}:reaction-back-reference` };
        const kind = nounAt(lex, view.toks, at, view.toks.length)?.entry.type ?? null;
        const ofKind = kind ? (lastOfType.get(kind) ?? []) : [];
        // "condemned the attack on Ras Isa": the act on that very target or place, if one was reported.
        const on = view.toks[at + 1]?.norm === "on" || view.toks[at + 1]?.norm === "against" ? view.toks[at + 2] : undefined;
        const named = on && /^\p{Lu}/u.test(on.text) ? on.text : null;
        const about = (p: Event) => named !== null && [...p.targets.map((t) => t.text), p.place?.name ?? ""].some((x) => x.includes(named));
        const candidates = [...ofKind].reverse().filter((p) => !p.sources.some((x) => own.has(x.country)));
        const prior: Event = candidates.find(about) ?? candidates[0] ?? lastActor!;
        if (prior.sources.some((x) => own.has(x.country))) return e;
        return {
          ...e,
          targets: prior.sources,
          confidence: Math.round(Math.max(0.05, e.confidence - 0.1) * 100) / 100,
          rule: `${EVENTS_STAGE}:reaction-back-reference`,
        };
      });
    }
    // "Nyusi has asked Rwanda to keep its soldiers ..., and Kigali has agreed to stay": agreeing to (or refusing) a
    // request answers whoever made it.
    sentenceNo++;
    found = found.map((e) => {
      const asked = e.type === "REQUEST" && e.sources.some((x) => x.country) && e.targets.some((t) => t.country);
      if (asked) {
        lastAsk = { event: e, sentence: sentenceNo };
        return e;
      }
      if ((e.type !== "AGREE" && e.type !== "REJECT") || !lastAsk || sentenceNo - lastAsk.sentence > 1) return e;
      if (e.sources.length === 0 || e.targets.some((t) => t.country !== null) || e.trigger.start < lastAsk.event.trigger.end) return e;
      const ask = lastAsk.event;
      const answerer = e.sources.every((x) => x.country !== null && ask.targets.some((t) => t.country === x.country));
      if (!answerer || ask.sources.some((x) => e.sources.some((y) => y.country === x.country))) return e;
      return { ...e, targets: ask.sources, rule: `${e.rule}+answers-request` };
    });
    for (const e of found)
      if (
        e.sources.some((x) => x.country) &&
        e.type !== "ACCUSE" &&
        e.type !== "REJECT" &&
        e.modality === "asserted" &&
        !e.rule.includes(":noun-")
      )
        lastActor = e;
    for (const e of found)
      if (e.sources.some((x) => x.country) && e.modality === "asserted")
        lastOfType.set(e.type, [...(lastOfType.get(e.type) ?? []).slice(-3), e]);
    // Who last claimed something: an accuser, or the speaker of reported content.
    for (const e of found) {
      if (e.type === "ACCUSE" && e.sources.some((x) => x.country)) lastClaim = e.sources;
      else if (e.attribution) {
        const m = view.mentions.find((x) => x.start === e.attribution!.start && x.country);
        if (m) lastClaim = [actorOf(ctx, m)];
      }
    }
    // (An attack stays referable for a few sentences: "Most of the missiles were intercepted ... A man was killed by falling debris".)
    const newAttack = found.find((e) => e.type === "ASSAULT" && e.sources.length > 0 && e.targets.length > 0);
    attackAge = newAttack || back ? 0 : attackAge + 1;
    previousAttack = newAttack ?? (attackAge <= 2 ? previousAttack : null);
    let dated: EventDate | null = null;
    for (const e of found) {
      events.push(e);
      if (e.type === "CONSULT" && e.sources.length > 0) previousConsult = e;
      if (!dated && e.date && e.date.basis !== "publication") dated = e.date;
    }
    // ("The truce took effect on Sunday morning ... In that gap, Israeli strikes killed 13": a sentence without an event
    // still gives its day to the next one.)
    if (!dated && found.length === 0) {
      const day = view.times.find(
        (t) =>
          t.type === "date" &&
          t.precision === "day" &&
          t.start >= ctx.datelineEnd &&
          !t.modifier &&
          (!ctx.published || t.value.slice(0, 10) <= ctx.published),
      );
      if (day) dated = { value: day.value.slice(0, 10), precision: "day", basis: "sentence" };
    }
    previousDate = dated;
  }
  return events;
}

const BACK_NOUNS = new Set([
  "clashes",
  "fighting",
  "attack",
  "attacks",
  "assault",
  "offensive",
  "strikes",
  "bombardment",
  "shelling",
  "violence",
  "battle",
  "raids",
  "airstrikes",
  "bombings",
  "barrage",
]);

/** Harm that comes from an attack just told of: "killed by falling debris", "shrapnel wounds". */
const AFTERMATH = new Set(["debris", "shrapnel", "fragments", "wreckage"]);

/** "in the clashes", "during the fighting": a definite attack noun in the sentence, or harm from one ("falling debris"). */
function backReference(toks: readonly Token[]): boolean {
  for (let j = 1; j < toks.length; j++) {
    if (AFTERMATH.has(toks[j].norm)) return true;
    // "Thirty-one others were wounded": more victims of the attack just told of.
    if (toks[j].norm === "others" && toks[j - 1].pos === "NUM") return true;
    if (!BACK_NOUNS.has(toks[j].norm)) continue;
    // "the clashes", "the overnight strikes", "these latest attacks"
    const d = toks[j - 1].pos === "ADJ" || toks[j - 1].pos === "NOUN" ? j - 2 : j - 1;
    if (d >= 0 && (toks[d].norm === "the" || toks[d].norm === "these" || toks[d].norm === "those")) return true;
  }
  return false;
}

const CLAIM_NOUNS = new Set(["claim", "allegation", "accusation", "charge", "report"]);

/** The same actor: one entity, or one mention. */
function sameActor(a: ActorRef, b: ActorRef): boolean {
  return a.entityId !== null ? a.entityId === b.entityId : a.start === b.start;
}

const ACT_NOUNS = new Set(
  "measures measure sanctions decision move resolution attack attacks strikes strike statement remarks comments accusations allegations accusation allegation claim claims charge charges plan proposal ban restrictions deployment expulsion exercises drills manoeuvres maneuvers incursion incursions raids raid shelling bombing bombings killings arrests detentions crackdown blockade coup putsch invasion takeover massacre shooting launch launches test tests firing airstrike airstrikes offensive assault annexation seizure execution executions verdict sentence decree deal agreement pact accord".split(
    " ",
  ),
);

const DEFINITE = new Set(["the", "these", "this", "those", "both"]);

/** The trigger's object is "the <act>" ("condemned the measures", "rejected the accusations", "condemned both attacks"). */
function reactsToDefiniteAct(v: SentenceView, e: Event): number {
  const k = localIndexAt(v, e.trigger.start);
  if (k < 0) return -1;
  let j = k + 1;
  while (j < v.toks.length && v.toks[j].start < e.trigger.end) j++;
  for (let x = j; x < v.toks.length && x <= j + 2; x++)
    if (DEFINITE.has(v.toks[x].norm)) {
      const noun = v.toks[x + 1];
      return noun !== undefined && ACT_NOUNS.has(noun.norm) && v.mentionAt[x + 1] < 0 ? x + 1 : -1;
    }
  return -1;
}

/**
 * "raided the camp, arresting the protesters": wink sometimes tags a participle after a comma or "and" as a noun
 * ("arresting/NOUN/arresting"). When its stem is a known event verb and an object follows, read it as that verb.
 */
function retagGerunds(toks: Token[], lex: Lexicon): Token[] {
  for (let k = 1; k < toks.length - 1; k++) {
    const t = toks[k];
    if ((t.pos !== "NOUN" && t.pos !== "ADJ") || !t.norm.endsWith("ing") || !/^[a-z]{4,20}ing$/.test(t.norm)) continue;
    const prev = toks[k - 1].norm;
    if (prev !== "," && prev !== "and") continue;
    const next = toks[k + 1];
    if (!["DET", "NUM", "PRON", "NOUN", "PROPN", "ADJ"].includes(next.pos)) continue;
    const base = t.norm.slice(0, -3);
    const stems = [base, `${base}e`];
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) stems.push(base.slice(0, -1));
    const stem = stems.find((x) => lex.verbs.has(x) || lex.phrases.has(x));
    if (stem) toks[k] = asVerb(t, stem);
  }
  // "its air defences had shot down a drone": a participle of a known verb after a perfect auxiliary, tagged as a noun
  // or adjective, is the verb (irregular forms as our verb dictionary lists them).
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k];
    if ((t.pos !== "NOUN" && t.pos !== "ADJ") || t.norm.endsWith("s")) continue;
    let j = k - 1;
    if (toks[j].pos === "ADV" && j > 0) j--;
    if (toks[j].pos !== "AUX" || toks[j].lemma !== "have") continue;
    const form = lex.verbs.get(t.norm)?.find((e) => e.words[0] === t.norm && e.lemma.split(" ")[0] !== t.norm);
    if (form) toks[k] = asVerb(t, form.lemma.split(" ")[0]);
    else if (/^[a-z]{3,20}ed$/.test(t.norm)) {
      // ("the Houthis had abducted the survivors": a regular participle of a known verb.)
      const base = t.norm.slice(0, -2);
      const stems = [base, t.norm.slice(0, -1)];
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) stems.push(base.slice(0, -1));
      if (base.endsWith("i")) stems.push(`${base.slice(0, -1)}y`);
      const stem = stems.find((x) => lex.verbs.has(x) || lex.phrases.has(x));
      if (stem) toks[k] = asVerb(t, stem);
    }
  }
  // "carried out joint flight exercises.", "staged drills over the strait": a plural tagged as a verb inside a noun
  // phrase (after an adjective, noun or article, or a verb's particle) and before its end is a noun.
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.pos !== "VERB" || !/^[a-z]{3,20}s$/.test(t.norm) || t.norm === t.lemma) continue;
    const prev = toks[k - 1];
    const inPhrase =
      prev.pos === "ADJ" ||
      prev.pos === "NOUN" ||
      prev.pos === "DET" ||
      (prev.pos === "ADP" && PARTICLE_OBJECTS.has(prev.norm) && toks[k - 2]?.pos === "VERB");
    const next = toks[k + 1];
    if (
      inPhrase &&
      (!next || next.pos === "PUNCT" || next.pos === "ADP" || next.pos === "CCONJ" || next.norm === "that" || next.norm === "which")
    )
      toks[k] = asNoun(t);
  }
  // "test-fired a missile": the verb is the test.
  for (let k = 2; k < toks.length; k++) {
    const t = toks[k];
    if (t.pos === "VERB" && toks[k - 1].norm === "-" && toks[k - 2].norm === "test" && toks[k - 1].start === toks[k - 2].end)
      toks[k] = asVerb(t, "test");
  }
  // "tear gas", "live rounds": words of a weapon's name tagged as verbs.
  for (let k = 0; k + 1 < toks.length; k++) {
    const t = toks[k];
    if (t.pos === "VERB" && WEAPON_MODIFIERS.get(t.norm)?.has(toks[k + 1].norm)) toks[k] = asNoun(t);
  }
  // "the report alleged that France ...": a past tense tagged as an adjective between a noun and "that".
  for (let k = 1; k < toks.length - 1; k++) {
    const t = toks[k];
    if (t.pos !== "ADJ" || !t.norm.endsWith("ed") || !/^[a-z]{3,20}ed$/.test(t.norm) || toks[k + 1].norm !== "that") continue;
    if (toks[k - 1].pos !== "NOUN" && toks[k - 1].pos !== "PROPN") continue;
    const stem = [t.norm.slice(0, -1), t.norm.slice(0, -2)].find((x) => lex.speechVerbs.has(x) || lex.verbs.has(x));
    if (stem) toks[k] = asVerb(t, stem);
  }
  return toks;
}

const WEAPON_MODIFIERS = new Map<string, ReadonlySet<string>>([
  ["tear", new Set(["gas"])],
  ["live", new Set(["rounds", "fire", "ammunition", "bullets"])],
]);
const PARTICLE_OBJECTS = new Set(["out", "up", "off", "down"]);

/** The token read as a verb with this lemma (built like the segment stage's tokens: one object shape for all). */
function asVerb(t: Token, lemma: string): Token {
  return { start: t.start, end: t.end, text: t.text, pos: "VERB", lemma, norm: t.norm, kind: t.kind, sentence: t.sentence };
}

/** The token read as a noun (same object shape as the segment stage's tokens). */
function asNoun(t: Token): Token {
  return { start: t.start, end: t.end, text: t.text, pos: "NOUN", lemma: t.lemma, norm: t.norm, kind: t.kind, sentence: t.sentence };
}

const CONTINUATION = new Set(["subsequently", "then", "later", "afterwards", "afterward", "thereafter", "move", "retaliation", "response"]);

/**
 * A sentence that tells on in the past ("Authorities declared ...", "The attack has aroused anger"), not one that looks
 * further back ("Prior to this", "Previously, ...") or states what holds now ("There are reports", "hopes").
 */
function pastNarrative(toks: readonly Token[]): boolean {
  for (let j = 0; j < toks.length && j < 5; j++) if (LOOK_BACK_OPENERS.has(toks[j].norm)) return false;
  for (const t of toks) {
    if (t.pos === "AUX" || t.lemma === "be") return !PRESENT_BE.has(t.norm);
    if (t.pos === "VERB") return t.norm !== t.lemma && !t.norm.endsWith("ing") && t.norm !== `${t.lemma}s` && t.norm !== `${t.lemma}es`;
  }
  return false;
}

const PRESENT_BE = new Set(["is", "are", "am", "'s", "'re", "do", "does"]);
const LOOK_BACK_OPENERS = new Set(["prior", "previously", "before", "formerly", "since"]);

function continuesStory(toks: readonly Token[]): boolean {
  for (let j = 0; j < toks.length && j < 25; j++) {
    const w = toks[j].norm;
    if (CONTINUATION.has(w) && (w !== "move" || toks[j - 1]?.norm === "the")) return true;
  }
  return false;
}

function sentenceCues(toks: readonly Token[], lex: Lexicon): SentenceCues {
  let reported = false;
  let lookback = false;
  let meeting = false;
  let according = -1;
  for (let j = 0; j < toks.length; j++) {
    const w = toks[j].norm;
    if (according < 0 && w === "according" && j + 2 < toks.length && toks[j + 1].norm === "to") according = j;
    if (!reported && lex.reported.has(w)) {
      if (w === "reports" || w === "reported") {
        const prev = toks[j - 1]?.norm;
        if (prev !== undefined && REPORT_CUES.has(prev)) reported = true;
      } else reported = true;
    }
    if (!meeting && w === "the" && j + 1 < toks.length && ["meeting", "talk", "summit"].includes(toks[j + 1].lemma)) meeting = true;
    if (!lookback && lex.lookbackFirst.has(w)) {
      for (const phrase of lex.lookback) {
        if (phrase[0] !== w || j + phrase.length > toks.length) continue;
        let ok = true;
        for (let x = 1; x < phrase.length; x++) if (toks[j + x].norm !== phrase[x]) ok = false;
        if (ok) lookback = true;
      }
    }
  }
  return { reported, lookback, meeting, according };
}

const REPORT_CUES = new Set(["to", "are", "were", "is", "was", "media", "unconfirmed", "news"]);

function datelineFloor(tokens: readonly Token[], a: number, b: number, datelineEnd: number): number {
  let j = 0;
  while (a + j < b && tokens[a + j].start < datelineEnd) j++;
  // "(Tigris Post) --": the outlet and the dash belong to the dateline too.
  if (j > 0) {
    for (let x = j; x < b - a && x < j + 8; x++) {
      if (tokens[a + x].norm === "--" || tokens[a + x].norm === "—" || tokens[a + x].norm === "–") return x + 1;
    }
  }
  return j;
}

function take<T extends { start: number; end: number }>(
  list: readonly T[],
  cursors: Record<string, number>,
  key: string,
  s: Sentence,
): T[] {
  const out: T[] = [];
  let i = cursors[key];
  while (i < list.length && list[i].start < s.start) i++;
  while (i < list.length && list[i].start < s.end) out.push(list[i++]);
  cursors[key] = i;
  return out;
}

function mentionIndex(tokens: readonly Token[], a: number, b: number, mentions: readonly Mention[]): number[] {
  const at: number[] = new Array(b - a).fill(-1);
  let k = 0;
  for (let m = 0; m < mentions.length; m++) {
    const mm = mentions[m];
    while (k < b - a && tokens[a + k].end <= mm.start) k++;
    for (let j = k; j < b - a && tokens[a + j].start < mm.end; j++) at[j] = m;
  }
  return at;
}

/* ------------------------------------------------------------------ triggers */

function sentenceEvents(ctx: DocContext, lex: Lexicon, v: SentenceView, previousConsult: Event | null): Event[] {
  const { toks } = v;
  const n = toks.length;
  const readings: Reading[] = [];
  const consumed = new Set<number>();
  /** Infinitives whose control verb handed them the event ("seeking to deepen"). */
  const controlled = new Set<number>();

  for (let k = 0; k < n; k++) {
    const t = toks[k];
    if (consumed.has(k)) continue;
    // wink sometimes tags a verb as an adjective: "was attacked", "would free 150 prisoners".
    const afterModal = k > 0 && (MODALS.has(toks[k - 1].norm) || toks[k - 1].norm === "to");
    const verbish =
      isVerbLike(t) || (t.pos === "ADJ" && (t.norm.endsWith("ed") || afterModal) && (lex.verbs.has(t.lemma) || lex.phrases.has(t.lemma)));
    if (!verbish) continue;
    if (t.start < ctx.datelineEnd) continue;
    // "(Capital Dispatch)", "Strike Force": a capitalised verb inside a sentence is part of a name.
    if (k > 0 && t.text !== t.norm && t.text.toUpperCase() !== t.text && toks[k - 1].norm !== '"' && toks[k - 1].norm !== ":") continue;
    // "U.S.-led", "Syrian-backed": a verb inside a hyphenated modifier is no event ("test-fired" is a test).
    if (t.start > 0 && ctx.text[t.start - 1] === "-" && t.lemma !== "test") continue;
    if (lex.speechVerbs.has(t.lemma) && !lex.codedSpeechVerbs.has(t.lemma)) {
      // "declared a ceasefire", "announced sanctions": the object noun is the event.
      if (lex.lightVerbs.has(t.lemma)) {
        const r = readVerb(lex, v, k, consumed, true);
        if (r) readings.push(r);
      }
      continue;
    }
    const inf = infinitiveAfter(toks, k, lex.governingVerbs.has(t.lemma) ? 7 : 2);
    // "seeking to deepen": the embedded verb carries the event.
    // "Obama wants Putin to attack": wanting someone else to act is an appeal to them.
    if (WANT.has(t.lemma)) {
      const inf2 = infinitiveAfter(toks, k, 6);
      if (inf2 > k + 2 && v.mentionAt[k + 1] >= 0) {
        consumed.add(inf2);
        readings.push(reading(lex, "REQUEST", null, null, "020", "want-someone-to", k, k, k, 0.7));
        continue;
      }
    }
    if (inf >= 0 && lex.controlVerbs.has(t.lemma)) {
      controlled.add(inf);
      continue;
    }
    // "exiled dissidents", "the armed group": a participle used as an adjective.
    if (attributive(toks, k)) continue;
    // "new sanctions targeting the fleet", "ships heading to Russian ports": a participle describing the noun before it.
    if (t.norm.endsWith("ing") && k > 0 && toks[k - 1].pos === "NOUN" && (nounAt(lex, toks, k - 1, n) || v.mentionAt[k - 1] < 0)) continue;
    // "The RSF, led by Dagalo,", "fighters linked to Islamic State": a description of the noun, not an event.
    if (
      DESCRIPTIVE.has(t.norm) &&
      k > 0 &&
      ["NOUN", "PROPN", "PUNCT"].includes(toks[k - 1].pos) &&
      ["by", "to", "with"].includes(toks[k + 1]?.norm ?? "")
    )
      continue;
    // "the attack", "an 18-year break": after an article (and a number-adjective) the word is a noun.
    // ("both praised", "all agreed": a floating quantifier is no article.)
    if (k > 0 && toks[k - 1].pos === "DET" && !FLOATING.has(toks[k - 1].norm) && !t.norm.endsWith("ing") && t.pos !== "AUX") continue;
    // "hit an apartment block", "entered a refugee camp": after verb + article + noun, a bare word ends the object noun phrase.
    if (
      k > 2 &&
      toks[k - 1].pos === "NOUN" &&
      toks[k - 2].pos === "DET" &&
      toks[k - 3].pos === "VERB" &&
      !(t.norm.endsWith("ed") || t.norm.endsWith("ing")) &&
      v.clauses.of[k - 3] === v.clauses.of[k] &&
      v.mentionAt[k - 1] < 0
    )
      continue;
    // "raised its reward", "their attack": after a possessive pronoun too.
    if (k > 0 && POSSESSIVE.has(toks[k - 1].norm) && !t.norm.endsWith("ing") && t.pos !== "AUX") continue;
    if (k > 1 && toks[k - 1].pos === "ADJ" && toks[k - 2].pos === "DET" && /^\d/.test(toks[k - 1].norm)) continue;
    // "Polish and allied jets": a participle coordinated with an adjective before a noun describes it.
    if (
      /ed$/.test(t.norm) &&
      toks[k + 1]?.pos === "NOUN" &&
      (toks[k - 1]?.norm === "and" || toks[k - 1]?.norm === "or") &&
      (toks[k - 2]?.pos === "PROPN" ||
        (toks[k - 2]?.pos === "ADJ" && toks[k - 3] !== undefined && toks[k - 3].pos !== "AUX" && toks[k - 3].pos !== "ADV"))
    )
      continue;
    // "for struggling households", "the warring factions", "advancing troops": a participle before a noun describes it.
    if (lex.attributiveParticiples.has(t.norm) && ["NOUN", "PROPN"].includes(toks[k + 1]?.pos ?? "") && toks[k - 1]?.pos !== "AUX")
      continue;
    // "Israeli tank shelling", "the bombing": a gerund used as a noun is read by the noun pass.
    if (t.norm.endsWith("ing") && k > 0 && ["DET", "ADJ", "NOUN", "PROPN"].includes(toks[k - 1].pos) && nounAt(lex, toks, k, n)) continue;
    let r = readVerb(lex, v, k, consumed);
    // "declared that China must drop barriers": whatever the verb, the speaker demands it.
    if (!r && t.pos === "VERB" && obligation(toks, k, v.clauses.of[k]) && v.clauses.clauses[v.clauses.of[k]].kind === "content") {
      r = reading(lex, "REQUEST", "change", null, "100", "obligation", k, k, k, 0.7);
    }
    // "a member of Hamas jailed a year ago", "an agreement forced on Qatar": a reduced relative
    // clause is background, except an attack on the noun before it ("soldiers killed in Ukraine").
    if (r && r.type !== "ASSAULT" && reducedRelative(toks, k, v.clauses.of, v.mentionAt)) continue;
    // A verb's bare default code is weak evidence: not in a participial phrase
    // (", expanding its campaign", "before leaving") or a relative clause.
    if (r && r.isDefault && r.type !== "ASSAULT" && (participial(toks, k) || v.clauses.clauses[v.clauses.of[k]].kind === "relative"))
      continue;
    // ... nor a purpose or complement infinitive ("efforts to counter", "pressured to help").
    if (r && r.isDefault && k > 0 && toks[k - 1].norm === "to" && !controlled.has(k) && /^0[3-8]/.test(r.cameo ?? "")) continue;
    // ... nor an infinitive of purpose after a noun phrase or a clause ("carried out by the PKK to damage relations",
    // "troops were deployed to protect civilians"): what an act was for did not happen.
    if (r && k > 1 && toks[k - 1].norm === "to" && !controlled.has(k) && purposeAfter(lex, toks, k) && r.type !== "THREATEN") continue;
    // A second event's purpose or a noun's complement ("met Assad to discuss efforts to counter IS", "a trip aimed at
    // pushing for a ceasefire", "a threat to boycott"): what the main event is about, not a further event.
    if (r && !controlled.has(k) && (r.isDefault || toks[k - 1]?.norm === "at") && purposeComplement(toks, k, readings.length > 0)) continue;
    // "agreed to cooperate", "urged Iran to withdraw": one event, the governing verb's.
    if (r && inf >= 0 && lex.governingVerbs.has(t.lemma)) {
      consumed.add(inf);
      // ("urged both groups to let convoys through and to stop targeting civilians": every "and to" complement.)
      for (let j = inf + 1; j < n - 2 && j <= inf + 15 && toks[j].norm !== ";" && toks[j].norm !== "."; j++) {
        if (toks[j].norm !== "and" || toks[j + 1].norm !== "to") continue;
        consumed.add(j + 2);
        if (HALT_VERBS.has(toks[j + 2].lemma) && toks[j + 3]?.norm.endsWith("ing")) consumed.add(j + 3);
      }
    }
    if (r) readings.push(r);
  }
  for (let k = 0; k < n; k++) {
    if (consumed.has(k)) continue;
    const t = toks[k];
    // Nouns, not names: "the Popular Mobilization Forces" is an actor, not a mobilization.
    if (t.pos !== "NOUN" && t.pos !== "VERB" && t.pos !== "ADJ" && !(t.pos === "PROPN" && t.text === t.norm)) continue;
    if (v.mentionAt[k] >= 0) continue;
    const hit = nounAt(lex, toks, k, n);
    if (!hit || hit.entry.weapon) continue;
    const r = readNoun(lex, v, k, hit.len, hit.entry);
    if (r) {
      readings.push(r);
      for (let j = k; j < k + hit.len; j++) consumed.add(j);
    }
  }
  // "It said any attempt to divert the water would be answered with full force", "anyone who refused would be treated as
  // an enemy": what will befall whoever does something is the speaker's threat.
  for (const c of v.clauses.clauses) {
    if (c.kind !== "content" || c.speechVerb < 0 || readings.some((r) => r.verb === c.speechVerb && r.type === "THREATEN")) continue;
    const penalty = conditionalThreat(v, c.id, c.first) ? "130" : ultimatum(v, c.id, c.first);
    if (penalty) {
      const mode = penalty === "131" ? "relations" : penalty === "138" ? "violence" : null;
      const context = penalty === "138" ? "military" : null;
      readings.push(reading(lex, "THREATEN", mode, context, penalty, "conditional-threat", c.speechVerb, c.speechVerb, c.speechVerb, 0.7));
      for (const r of readings)
        if (r.verb > c.first && v.clauses.of[r.verb] === c.id && r.type !== "THREATEN") r.base = Math.min(r.base, 0.3);
    }
  }
  readings.sort((x, y) => x.first - y.first);

  const built: Event[] = [];
  for (const r of readings) {
    const e = buildEvent(ctx, lex, v, r, previousConsult);
    if (e) built.push(e);
  }
  const merged = mergeSentence(built, v).map((e) => (e.type === "ASSAULT" ? { ...e, acled: acledOf(lex, e.type, e.mode) } : e));
  const claimed = verdictTargets(mediatedTalks(blamedAttacks(claimedAttacks(ctx, v, demandedActs(nestedThreats(merged)))))).map((e) =>
    rioting(
      lex,
      assistanceDeployment(
        lex,
        ctx,
        v,
        domesticTarget(
          ctx,
          placeTarget(
            ctx,
            v,
            localAgents(
              ctx,
              firedFrom(
                ctx,
                v,
                envoyPosting(
                  ctx,
                  v,
                  demandedOf(ctx, v, objectPronoun(ctx, v, handedTo(ctx, v, decidedBy(ctx, v, victimNotAccused(ctx, diedAreVictims(e)))))),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const accusations = reportedAttackAccusations(ctx, lex, v, claimed);
  // The attack an accusation is about is reported by the accuser, not asserted by the writer.
  const accused = new Set(accusations.map((a) => a.trigger.start));
  const reported = claimed.map((e) => {
    if (e.type !== "ASSAULT" || e.modality !== "asserted" || accused.size === 0) return e;
    const k = localIndexAt(v, e.trigger.start);
    const c = k >= 0 ? v.clauses.clauses[v.clauses.of[k]] : undefined;
    return c && c.kind === "content" && c.speechVerb >= 0 && accused.has(v.toks[c.speechVerb].start)
      ? { ...e, modality: "reported" as const }
      : e;
  });
  return [...reported, ...accusations];
}

/** The main actor of a sentence: the doers of its first event with one, else its first actor with a country. */
interface Topic {
  readonly refs: readonly ActorRef[];
  /** Are they all people (for "he"/"she")? */
  readonly person: boolean;
}

function topicOf(ctx: DocContext, v: SentenceView, found: readonly Event[]): Topic {
  const first = found.find((e) => e.sources.some((s) => s.country !== null) && e.modality !== "hypothetical");
  const mentions = first
    ? first.sources.map((r) => v.mentions.find((m) => m.start === r.start))
    : (mainSubject(v) ?? v.mentions.filter((x) => x.country !== null && x.kind !== "country").slice(0, 1));
  const refs = first ? first.sources : mentions.map((m) => actorOf(ctx, m!));
  // ("Foreign Office spokesman Shafqat Ali Khan": an unknown name after a person's title is a person.)
  const person = (m: Mention | undefined) =>
    m?.kind === "person" || ((m?.rule ?? "").includes(":unknown-titled") && PERSON_TITLED.test(m?.text ?? ""));
  return { refs, person: mentions.length > 0 && mentions.every(person) };
}

const PERSON_TITLED =
  /\b(?:spokes(?:man|woman|person)|minister|president|secretary|adviser|advisor|ambassador|envoy|general|colonel|commander|chief|leader|governor|mayor|official)\s+(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/iu;

/** "In a televised address from State House, Ruto said ...": the subject of the main clause's first verb, if an actor with a country. */
function mainSubject(v: SentenceView): Mention[] | null {
  for (let k = v.floor; k < v.toks.length; k++) {
    if (v.clauses.of[k] !== 0 || v.toks[k].pos !== "VERB" || v.mentionAt[k] >= 0) continue;
    const subj = subjectBefore(v, k, 0).map((i) => v.mentions[i]);
    // ("In a televised address": a participle with no subject is passed over.)
    if (subj.length === 0) continue;
    return subj.every((m) => m.country !== null) ? subj : null;
  }
  return null;
}

/**
 * "It said the shelling had been carried out by the PKK": events of a sentence opened by "It/He/She/They" + verb
 * whose doer is that pronoun take the previous sentence's main actor (person for he/she, not a person for it).
 */
function pronounOpener(v: SentenceView, found: Event[], topic: Topic): Event[] {
  const { toks } = v;
  const at = pronounAfterAdverbial(v);
  const p = toks[at]?.norm;
  if (topic.refs.length === 0 || !p || !SUBJECT_PRONOUNS.has(p) || p === "i" || p === "we") return found;
  // ("He also said", "It later denied": adverbs may come between.)
  let verb = at + 1;
  while (verb < toks.length && verb <= at + 3 && toks[verb].pos === "ADV") verb++;
  if (!toks[verb] || !isVerbLike(toks[verb])) return found;
  if ((p === "he" || p === "she") !== topic.person && p !== "they") return found;
  const opener = v.clauses.of[at];
  return found.map((e) => {
    if (e.sources.length > 0) return e;
    const k = localIndexAt(v, e.trigger.start);
    if (k < 0) return e;
    const c = v.clauses.clauses[v.clauses.of[k]];
    const own = v.clauses.of[k] === opener;
    const reported =
      c.kind === "content" &&
      c.speechVerb >= 0 &&
      v.clauses.of[c.speechVerb] === opener &&
      (pronounSubject(v, k, v.clauses.of[k]) || e.rule.endsWith("+by-speaker"));
    return own || reported ? { ...e, sources: [...topic.refs], rule: `${e.rule}+pronoun` } : e;
  });
}

/**
 * "In a televised address late on Sunday he accused ...", "On Monday, she said ...": the sentence's subject pronoun
 * after an opening adverbial that names no one; else the sentence's first token.
 */
function pronounAfterAdverbial(v: SentenceView): number {
  const { toks } = v;
  const first = toks[v.floor];
  if (!first || (first.pos !== "ADP" && first.pos !== "ADV")) return v.floor;
  for (let j = v.floor + 1; j < toks.length && j <= v.floor + 12; j++) {
    const t = toks[j];
    if (SUBJECT_PRONOUNS.has(t.norm)) return t.pos === "PRON" ? j : v.floor;
    // (Words the tagger reads as verbs may come between: "a televised address", "after meeting the envoy".)
    if (v.mentionAt[j] >= 0 || t.pos === "AUX" || t.pos === "SCONJ" || t.pos === "PRON") return v.floor;
  }
  return v.floor;
}

const BOTH = /\b(?:both|the two)\s+$/i;
const ALL = /\ball\s+$/i;
const SIDES = /^(?:sides|countries|parties|nations|neighbou?rs|governments|armies|capitals)$/i;
const PARTIES = /^(?:delegations|negotiators|sides|parties|countries)$/i;

/** The parties "both sides" and "all sides" point at. */
interface Sides {
  /** The article's two main countries (the most named, each at least twice), or none. */
  readonly pair: ActorRef[];
  /** The one main country: named at least three times and twice as often as any other; or null. */
  readonly main: ActorRef | null;
  /** Each of the pair's countries' mentions, in text order. */
  readonly mentionsOf: ReadonlyMap<string, readonly Mention[]>;
}

function mainSides(ctx: DocContext): Sides {
  const byCountry = new Map<string, Mention[]>();
  for (const m of ctx.mentions) {
    if (!m.country || m.sector === "IGO") continue;
    const list = byCountry.get(m.country) ?? [];
    list.push(m);
    byCountry.set(m.country, list);
  }
  const ranked = [...byCountry.values()].sort((a, b) => b.length - a.length);
  const main =
    ranked.length > 0 && ranked[0].length >= 3 && ranked[0].length >= 2 * (ranked[1]?.length ?? 0) ? actorOf(ctx, ranked[0][0]) : null;
  if (ranked.length < 2 || ranked[1].length < 2 || (ranked[2] && ranked[2].length === ranked[1].length))
    return { pair: [], main, mentionsOf: new Map() };
  const pair = ranked.slice(0, 2);
  return { pair: pair.map((ms) => actorOf(ctx, ms[0])), main, mentionsOf: new Map(pair.map((ms) => [ms[0].country!, ms])) };
}

/**
 * "It said any attempt to divert water belonging to Pakistan would be answered with full force", "its air defences had
 * shot down an armed drone": in a story about two countries that have acted on each other, a threat, a condemnation or
 * an attack (at no place abroad) by one of them that names no one abroad is aimed at the other. The target's
 * evidence is the other country's last mention before the event.
 */
const STATE: ReadonlySet<string> = new Set(["GOV", "MIL", "LEG", "JUD", "POL"]);

function pairOpponent(ctx: DocContext, v: SentenceView, e: Event, sidesOf: () => Sides, before: readonly Event[]): Event {
  const kind =
    e.type === "THREATEN" ||
    (e.type === "ACCUSE" && e.mode === "disapprove") ||
    // (A demand aimed at no one at all, by a state: "pushed for an immediate ceasefire".)
    (e.type === "REQUEST" && e.targets.length === 0 && e.sources.every((s) => s.sector === null || STATE.has(s.sector))) ||
    (e.type === "ASSAULT" && !e.place?.country && e.sources.length === 1) ||
    // ("troops on Kinmen had raised their level of alert": readiness raised at home faces the other side.)
    (e.type === "MOBILIZE" && e.cameo === "152" && e.sources.every((s) => s.sector === "MIL" || s.sector === "GOV"));
  if (!kind || e.targets.some((t) => t.country !== null) || e.sources.length === 0 || e.modality === "hypothetical") return e;
  const home = e.sources[0].country;
  if (!home || e.sources.some((s) => s.country !== home)) return e;
  const sides = sidesOf();
  const other = sides.pair.find((p) => p.country !== home)?.country;
  if (!other || !sides.pair.some((p) => p.country === home)) return e;
  // (A sentence naming a third country, or an organisation, is about them.)
  if (v.mentions.some((m) => (m.country !== null && m.country !== home && m.country !== other) || m.sector === "IGO")) return e;
  // (The two must be sides: one has already acted on the other in the story.)
  const between = (x: Event, a: string, b: string) => x.sources.some((s) => s.country === a) && x.targets.some((t) => t.country === b);
  if (!before.some((x) => between(x, home, other) || between(x, other, home))) return e;
  // The other side's mention in the sentence ("struck ... an area near the presidential palace"), else its last before.
  const own = v.mentions.find((m) => m.country === other && m.start > e.trigger.start);
  const ms = sides.mentionsOf.get(other) ?? [];
  const at = lastStartingAtOrBefore(ms, e.trigger.start);
  const target = own ?? (at >= 0 ? ms[at] : undefined);
  if (!target) return e;
  return { ...e, targets: [...e.targets, actorOf(ctx, target)], rule: `${e.rule}+pair-opponent` };
}

/**
 * "The U.S. ambassador condemned the latest reckless action against a Philippine vessel": in a story about two
 * countries, condemning an act against one of them condemns the other.
 */
function victimsOpponent(ctx: DocContext, v: SentenceView, e: Event, sidesOf: () => Sides): Event {
  if (e.type !== "ACCUSE" || e.targets.length > 0 || !e.rule.includes("+victim-not-accused")) return e;
  const victim = v.mentions.find((m) => {
    if (m.start < e.trigger.end || m.country === null) return false;
    return actAimedAt(ctx, e, m);
  });
  const sides = sidesOf();
  if (!victim) return e;
  // (In a story without two sides, the one an act was aimed at is of the same country as whoever did it: "condemned
  // the kidnapping as a cruel attack on Nigerian children".)
  if (!sides.pair.some((p) => p.country === victim.country))
    return { ...e, targets: [actorOf(ctx, victim)], rule: `${e.rule}+victims-country` };
  const other = sides.pair.find((p) => p.country !== victim.country)!.country!;
  if (e.sources.some((s) => s.country === other)) return e;
  const ms = sides.mentionsOf.get(other) ?? [];
  const at = lastStartingAtOrBefore(ms, e.trigger.start);
  if (at < 0) return e;
  return { ...e, targets: [actorOf(ctx, ms[at])], rule: `${e.rule}+victims-opponent` };
}

/**
 * "Ukraine's air force said Russia launched 100 drones overnight": an attack with no target, reported by the state of
 * one of the story's main countries against another, was aimed at the reporter's country.
 */
function victimSpeaker(ctx: DocContext, v: SentenceView, e: Event, sidesOf: () => Sides): Event {
  if (e.type !== "ASSAULT" || !e.attribution || e.targets.some((t) => t.country !== null) || e.sources.length === 0) return e;
  const said = v.mentions.find((m) => m.start === e.attribution!.start);
  const home = said?.country;
  const sector = said?.sector ?? null;
  if (!said || !home || !["GOV", "MIL", "POL", null].includes(sector) || e.sources.some((x) => x.country === home || x.country === null))
    return e;
  const sides = sidesOf();
  if (!(sides.main?.country === home || sides.pair.some((p) => p.country === home))) return e;
  const target = actorOf(ctx, said);
  return { ...e, targets: [...e.targets, target], rule: `${e.rule}+reported-against` };
}

/**
 * "Kobakhidze dismissed calls for a rerun", "He warned that those responsible would face the full force of the law": in
 * a story about one country, a warning or a rejection by its state aimed at no one named abroad is aimed at home.
 */
function domesticStance(ctx: DocContext, v: SentenceView, e: Event, sidesOf: () => Sides): Event {
  if ((e.type !== "THREATEN" && e.type !== "REJECT") || e.targets.length > 0 || e.sources.length === 0) return e;
  const home = e.sources[0].country;
  const state = (a: ActorRef) => a.sector === "GOV" || a.sector === "MIL" || a.sector === "POL" || a.sector === "JUD";
  if (!home || !e.sources.every((a) => a.country === home && state(a))) return e;
  if (v.mentions.some((m) => m.country !== null && m.country !== home)) return e;
  if (sidesOf().main?.country !== home) return e;
  const at = e.sources[0];
  return { ...e, targets: [placeActor(ctx, { start: at.start, end: at.end, name: home }, home, "CVL")], rule: `${e.rule}+domestic` };
}

/**
 * "urged both sides to exercise restraint": the article's two main parties, pointed at by the words "both sides";
 * "all sides" in a story about one country: that country.
 */
function bothSides(ctx: DocContext, e: Event, sidesOf: () => Sides): Event {
  // ("The delegations met on Friday": parties to talks or a deal, plural and definite, are the story's two.)
  const symmetric = e.type === "CONSULT" || e.type === "AGREE";
  const expand = (refs: readonly ActorRef[]): readonly ActorRef[] | null => {
    const i = refs.findIndex(
      (r) =>
        (SIDES.test(r.text) || (symmetric && PARTIES.test(r.text))) &&
        r.country === null &&
        (BOTH.test(ctx.text.slice(Math.max(0, r.start - 9), r.start)) ||
          ALL.test(ctx.text.slice(Math.max(0, r.start - 9), r.start)) ||
          (symmetric && refs.length === 1 && /\bthe\s+$/i.test(ctx.text.slice(Math.max(0, r.start - 5), r.start)))),
    );
    if (i < 0) return null;
    const r = refs[i];
    const all = ALL.test(ctx.text.slice(Math.max(0, r.start - 9), r.start));
    const sides = sidesOf();
    // "both sides" needs two main countries; "all sides" in a story about one country means that country's sides.
    const pointed = all ? (sides.main ? [sides.main] : []) : sides.pair;
    if (pointed.length === 0) return null;
    const at = (all ? ALL : BOTH).exec(ctx.text.slice(Math.max(0, r.start - 9), r.start));
    const start = at ? Math.max(0, r.start - 9) + at.index : r.start;
    const parties = pointed.map((p) => ({ ...p, start, end: r.end, text: ctx.text.slice(start, r.end) }));
    return [...refs.slice(0, i), ...parties, ...refs.slice(i + 1)];
  };
  let targets = expand(e.targets);
  const sources = expand(e.sources);
  // (Talks "the two countries held" are between the two: each is the other's counterpart.)
  if (symmetric && sources && sources.length === 2 && e.targets.length === 0) targets = [sources[1], sources[0]];
  return targets || sources ? { ...e, targets: targets ?? e.targets, sources: sources ?? e.sources } : e;
}

const PROTESTERS =
  /^(?:(?:the|a|an|some|angry|hundreds of|thousands of|dozens of)\s+)*(?:[\w-]+\s+)?(?:protest[eo]rs?|demonstrators?|rioters?|mobs?|crowds?)$/i;

/**
 * "A Ukrainian protester demolished the building", "protesters stormed the parliament": damage and seizures by
 * protesters are a violent protest (CAMEO 145), not an attack or a coercion by a state; killings stay attacks.
 */
function rioting(lex: Lexicon, e: Event): Event {
  if ((e.type !== "COERCE" && e.type !== "ASSAULT") || e.sources.length === 0 || e.killed) return e;
  if (!e.sources.every((s) => PROTESTERS.test(s.text))) return e;
  if (e.type === "COERCE" && e.mode === "arrest") return e;
  // (Weapons make it an attack: "demonstrators launched missiles at the government".)
  if (e.type === "ASSAULT" && (e.rule.includes(":weapon-") || (e.mode !== null && e.mode !== "destroy" && e.mode !== "beat"))) return e;
  return {
    ...e,
    type: "PROTEST",
    mode: "riot",
    context: null,
    cameo: "145",
    acled: acledOf(lex, "PROTEST", "riot"),
    rule: `${e.rule}+rioting`,
  };
}

const ASSISTANCE =
  /\b(?:mission|peacekeep\w*|police (?:officers|officials|contingent)|at (?:the |[\w.-]+(?:'s|’s) )?request|request of|invitation|invited by|to help|to support|to assist|to train|to protect|to bolster|to back|trainers|advisers|advisors|security support|humanitarian)\b/i;

/**
 * "Kenya sent its first 400 police officers to Haiti" for a security mission, "troops sent at the government's request
 * to help fight the insurgents": forces sent to another country to help it are aid (PLOVER: military and police
 * assistance, including personnel), not a mobilisation against it.
 */
function assistanceDeployment(lex: Lexicon, ctx: DocContext, v: SentenceView, e: Event): Event {
  if (e.type !== "MOBILIZE" || e.mode !== "troops") return e;
  const home = e.sources.find((s) => s.country !== null)?.country ?? null;
  const host = e.targets.find((t) => t.country !== null && t.country !== home)?.country ?? e.place?.country ?? null;
  if (!host || host === home) return e;
  if (!ASSISTANCE.test(ctx.text.slice(v.s.start, v.s.end))) return e;
  return {
    ...e,
    type: "AID",
    mode: null,
    context: "peacekeeping",
    cameo: "074",
    acled: acledOf(lex, "AID", null),
    rule: `${e.rule}+assistance`,
  };
}

/**
 * "India launched missile strikes on sites in Pakistan", "officers arrived in Haiti": an attack, deployment or visit
 * by one country's actor at a place in another targets that other country (the place's span is the evidence).
 */
function placeTarget(ctx: DocContext, v: SentenceView, e: Event): Event {
  const { place } = e;
  // "recalled its envoy from Ankara": the capital withdrawn from stands for its country.
  if ((e.type === "SANCTION" || e.type === "RETREAT") && e.mode === "withdraw" && !e.targets.some((t) => t.country !== null)) {
    const from = /\bfrom\s+(?:the\s+)?$/i;
    const p = v.places.find(
      (x) => x.start > e.trigger.end && x.start < e.trigger.end + 60 && from.test(ctx.text.slice(Math.max(0, x.start - 10), x.start)),
    );
    if (p?.country && !e.sources.some((s) => s.country === p.country)) return { ...e, targets: [placeActor(ctx, p, p.country, "GOV")] };
  }
  const kind =
    e.type === "ASSAULT" ||
    e.type === "THREATEN" ||
    e.type === "MOBILIZE" ||
    e.type === "AID" ||
    (e.type === "CONSULT" && e.mode === "visit");
  if (!kind || !place?.country || e.targets.some((t) => t.country !== null)) return e;
  // (The dateline's city is where the story was filed, not a place the act was aimed at: "SEOUL, Oct 31 - North Korea
  // test-fired a missile".)
  if (place.start < ctx.datelineEnd) return e;
  // The place must be the event's own ("strikes on sites in Pakistan"), not one named further on in the sentence.
  if (place.start < e.trigger.start - 40 || place.start > e.trigger.end + 60) return e;
  if (!e.sources.some((s) => s.country !== null) || e.sources.some((s) => s.country === place.country)) return e;
  return { ...e, targets: [...e.targets, placeActor(ctx, place, place.country, null)] };
}

/**
 * "Protesters marched through Nairobi", "the government imposed a nationwide curfew": a protest or a restriction with
 * no one named on the other side, by actors of one country and not abroad, is domestic: protests are against that
 * country's government, restrictions fall on its people. The evidence is the doer's mention (or the event's place).
 */
function domesticTarget(ctx: DocContext, e: Event): Event {
  // "The RSF shelled and stormed parts of the Abu Shouk camp outside El Fasher": an attack at home on no one of a
  // known country falls on that country's people.
  if (
    e.type === "ASSAULT" &&
    e.sources.length > 0 &&
    e.place?.country &&
    !e.rule.endsWith("+fired-from") &&
    !e.targets.some((t) => t.country !== null)
  ) {
    const home = e.place.country;
    if (e.sources.every((s) => s.country === home))
      return { ...e, targets: [...e.targets, placeActor(ctx, e.place, home, "CVL")], rule: `${e.rule}+domestic` };
  }
  // (A target named but tied to no one, "rallied on Rustaveli Avenue", is no other side.)
  if (e.targets.some((t) => t.country !== null || t.entityId !== null) || e.sources.length === 0) return e;
  // "three government ministers announced their resignations": a state official stepping down yields at home.
  if (e.type === "RETREAT" && e.mode === "resign" && e.modality === "asserted") {
    const home = e.sources[0].country;
    const official = (s: ActorRef) => s.sector === "GOV" || s.sector === "LEG" || s.sector === "MIL" || s.sector === "JUD";
    if (home && e.sources.every((s) => s.country === home && official(s)) && (!e.place?.country || e.place.country === home)) {
      const at = e.sources[0];
      return { ...e, targets: [placeActor(ctx, { start: at.start, end: at.end, name: home }, home, "GOV")], rule: `${e.rule}+domestic` };
    }
  }
  const protest = e.type === "PROTEST";
  // ("Police arrested four suspects overnight": a state's arrests at home of no one of a known country are of its people.)
  const restriction =
    e.type === "COERCE" && (e.mode === "curfew" || e.mode === "restrict" || e.mode === "ban" || e.mode === "censor" || e.mode === "arrest");
  if (!protest && !restriction) return e;
  const country = e.sources[0].country;
  if (!country || e.sources.some((s) => s.country !== country) || (e.place?.country && e.place.country !== country)) return e;
  // A restriction is the state's act; a protest is anyone's but the state's.
  const state = (s: ActorRef) => s.sector === "GOV" || s.sector === "MIL" || s.sector === "POL" || s.sector === "JUD" || s.sector === "LEG";
  if (restriction && !e.sources.every(state)) return e;
  if (protest && e.sources.some(state)) return e;
  const at = e.place?.country === country ? e.place : e.sources[0];
  const target = placeActor(ctx, { start: at.start, end: at.end, name: country }, country, protest ? "GOV" : "CVL");
  return { ...e, targets: [...e.targets, target], rule: `${e.rule}+domestic` };
}

/**
 * "A mortar bomb was fired at Israel from the Gaza Strip", "rockets launched from southern Lebanon": an attack by no
 * one named, launched from a place, comes from that place's country (the place's words are the evidence).
 */
function firedFrom(ctx: DocContext, v: SentenceView, e: Event): Event {
  if (e.type !== "ASSAULT" || e.sources.length > 0) return e;
  const k = localIndexAt(v, e.trigger.start);
  if (k < 0) return e;
  const { toks } = v;
  for (let j = k + 1; j < toks.length && j <= k + 6; j++) {
    if (v.clauses.of[j] !== v.clauses.of[k] || toks[j].norm === ",") return e;
    if (toks[j].norm !== "from") continue;
    const p = v.places.find((x) => x.start >= toks[j].end && x.start <= toks[j].end + 12);
    if (!p?.country || e.targets.some((t) => t.country === p.country)) return e;
    if (/^\s+(?:the\s+)?(?:border|frontier|direction)\b/i.test(ctx.text.slice(toks[j].end, toks[j].end + 14))) return e;
    const source = placeActor(ctx, p, p.country, null);
    // ("... toward Haifa", "... into Israel": where it was aimed.)
    const aim = v.places.find(
      (x) =>
        x.country !== null &&
        x.country !== p.country &&
        x.start > toks[k].end &&
        x.start <= toks[k].end + 80 &&
        /\b(?:at|toward|towards|into|on|against)\s+(?:the\s+)?(?:\w+\s+)?$/i.test(ctx.text.slice(Math.max(0, x.start - 24), x.start)),
    );
    const targets = aim?.country && e.targets.length === 0 ? [placeActor(ctx, aim, aim.country, null)] : e.targets;
    // (Only an attack aimed at someone: "a missile was fired from near Pyongyang" in a test names no one.)
    const atPronoun = /\b(?:at|on|toward|towards|into)\s+(?:it|them|us|him|her)\b/i.test(ctx.text.slice(e.trigger.end, toks[j].start));
    if (targets.length === 0 && !atPronoun) return e;
    return { ...e, sources: [source], targets, rule: `${e.rule}+fired-from` };
  }
  return e;
}

const LOCAL_DOERS: ReadonlySet<string> = new Set(["REB", "CRM", "CVL"]);
const LOCAL_SUFFERERS: ReadonlySet<string> = new Set(["CVL", "POL", "GOV", "MIL", "REB", "CRM"]);

/**
 * "Insurgents stormed the town of Macomia in Cabo Delgado province, fighting government soldiers": an attack at a
 * place, between unnamed armed men, civilians and security forces of no stated country and no one of another country,
 * is among that place's people (armed men of no stated country can be foreign fighters, so the place decides only
 * when no one else is named).
 */
function localAgents(ctx: DocContext, e: Event): Event {
  // "Machar was placed under house arrest ... in the capital Juba": arrests by no one named are made by the state
  // where they happen (the place's words are the evidence).
  // (Not where the arrested came from: "as he stepped off a flight from Hong Kong".)
  const from = e.place ? /\bfrom\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, e.place.start - 10), e.place.start)) : true;
  // (So are executions: "Rahnavard was hanged in the city of Mashhad".)
  const held = (e.type === "COERCE" && e.mode === "arrest") || (e.type === "ASSAULT" && /^(?:hang|hung|execut)/i.test(e.trigger.text));
  if (held && e.sources.length === 0 && e.place?.country && !from && e.modality === "asserted")
    return { ...e, sources: [placeActor(ctx, e.place, e.place.country, "GOV")], rule: `${e.rule}+by-state-there` };
  // ("Gunmen freed 279 schoolgirls abducted from a school in Zamfara state": releases too.)
  if (e.type !== "ASSAULT" && e.type !== "COERCE" && !(e.type === "RETREAT" && e.mode === "release")) return e;
  const home = e.place?.country;
  if (!home) return e;
  const all = [...e.sources, ...e.targets];
  if (all.some((a) => a.country !== null && a.country !== home)) return e;
  const bare = (a: ActorRef, sectors: ReadonlySet<string>) =>
    a.country === null && a.entityId === null && a.sector !== null && sectors.has(a.sector);
  if (!e.sources.some((a) => bare(a, LOCAL_DOERS)) && !e.targets.some((a) => bare(a, LOCAL_SUFFERERS))) return e;
  const local = (list: readonly ActorRef[], sectors: ReadonlySet<string>) =>
    list.map((a) => (bare(a, sectors) ? { ...a, country: home } : a));
  return { ...e, sources: local(e.sources, LOCAL_DOERS), targets: local(e.targets, LOCAL_SUFFERERS), rule: `${e.rule}+local` };
}

/** A place's country as an actor, with the place's words as the evidence ("Ankara" for Turkey). */
const ENVOY = /^(?:(?:its|their|his|her|the)\s+)?(?:own\s+)?(?:ambassadors?|envoys?|diplomats?|charg[eé]s? d'affaires|heads? of mission)$/i;
const POSTING = /^\s*(?:to|from|in|out of)\s+(?:the\s+)?$/i;

/**
 * "Algeria recalled its ambassadors to Mali and Niger", "pulled their own ambassadors out of Algiers": a state
 * withdrawing its own envoys acts against the countries they were posted to (CAMEO 161, reducing relations).
 */
function envoyPosting(ctx: DocContext, v: SentenceView, e: Event): Event {
  if ((e.type !== "SANCTION" && e.type !== "RETREAT") || e.mode !== "withdraw") return e;
  const own = (t: ActorRef) =>
    t.country === null ||
    e.sources.some((s) => s.country === t.country) ||
    /\b(?:its|their)\s+(?:own\s+)?$/i.test(ctx.text.slice(Math.max(0, t.start - 12), t.start));
  const i = e.targets.findIndex((t) => ENVOY.test(t.text) && own(t));
  if (i < 0) return e;
  const envoy = e.targets[i];
  // The countries (or their capitals) right after "to", "from", "out of", joined by commas and "and".
  const posts: ActorRef[] = [];
  let at = envoy.end;
  const named = [
    ...v.mentions
      .filter((m) => m.kind !== "person" && m.country)
      .map((m) => ({ start: m.start, end: m.end, name: m.text, country: m.country! })),
    ...v.places
      .filter((p) => p.country && (p.precision === "country" || p.precision === "city"))
      .map((p) => ({ ...p, country: p.country! })),
  ].sort((a, b) => a.start - b.start);
  for (const n of named) {
    if (n.start < at) continue;
    const gap = ctx.text.slice(at, n.start);
    if (posts.length === 0 ? !POSTING.test(gap) : !/^\s*(?:,|and|,\s*and)\s*$/.test(gap)) break;
    if (!posts.some((p) => p.country === n.country) && !e.sources.some((s) => s.country === n.country))
      posts.push(placeActor(ctx, n, n.country, "GOV"));
    at = n.end;
  }
  if (posts.length === 0) return e;
  const rest = e.targets.filter((t, j) => j !== i && !posts.some((p) => p.country === t.country));
  const targets = [...rest.slice(0, i), ...posts, ...rest.slice(i)];
  const recall = e.type === "RETREAT" ? { type: "SANCTION" as const, cameo: "161" } : {};
  return { ...e, ...recall, targets, rule: `${e.rule}+envoy-posting` };
}

function placeActor(ctx: DocContext, p: { start: number; end: number; name: string }, country: string, sector: Sector | null): ActorRef {
  const name = ctx.entities.get(country)?.name ?? p.name;
  return { name, entityId: country, country, sector, text: ctx.text.slice(p.start, p.end), start: p.start, end: p.end };
}

/**
 * "demanded on Wednesday that China return rifles its coast guard seized": a demand aimed at no one is made of the
 * subject of the clause it governs.
 */
function demandedOf(ctx: DocContext, v: SentenceView, e: Event): Event {
  if (e.type !== "REQUEST" || e.targets.length > 0) return e;
  const k = localIndexAt(v, e.trigger.start);
  if (k < 0) return e;
  const c = v.clauses.clauses.find(
    (x) =>
      (x.kind === "content" || x.kind === "sub") && x.first > k && x.first <= k + 6 && (x.speechVerb === k || x.parent === v.clauses.of[k]),
  );
  if (!c || v.toks[c.first]?.norm !== "that") return e;
  let j = c.first + 1;
  if (v.toks[j]?.pos === "DET" && v.mentionAt[j] < 0) j++;
  const m = v.mentionAt[j];
  if (m === undefined || m < 0 || v.mentions[m].country === null) return e;
  if (e.sources.some((s) => s.start === v.mentions[m].start)) return e;
  return { ...e, targets: [actorOf(ctx, v.mentions[m])], rule: `${e.rule}+demanded-of` };
}

/** "Two men on board a Chinese speedboat died", "30 civilians died in the shelling": who died suffered the violence. */
function diedAreVictims(e: Event): Event {
  if (e.type !== "ASSAULT" || e.sources.length === 0 || !/^(?:die|died|dies|dying)$/i.test(e.trigger.text)) return e;
  return { ...e, sources: [], targets: [...e.sources, ...e.targets], rule: `${e.rule}+died` };
}

const DECISION_NOUNS = new Set(["decision", "move", "plan", "bid", "order", "choice", "vote", "resolution", "announcement"]);

/**
 * "the decision by President Deby's government in November to end its defence agreement with Paris": an act a
 * decision "by X" is "to" do is X's.
 */
function decidedBy(ctx: DocContext, v: SentenceView, e: Event): Event {
  if (e.sources.length > 0) return e;
  const k = localIndexAt(v, e.trigger.start);
  const { toks } = v;
  if (k < 2 || toks[k - 1].norm !== "to") return e;
  for (let j = k - 2; j >= 0 && j >= k - 16; j--) {
    if (toks[j].norm === "," || toks[j].norm === ";" || (toks[j].pos === "VERB" && !DECISION_NOUNS.has(toks[j].norm))) return e;
    if (!DECISION_NOUNS.has(toks[j].norm) || toks[j + 1]?.norm !== "by") continue;
    let x = j + 2;
    if (toks[x]?.pos === "DET") x++;
    const m = v.mentionAt[x];
    if (m === undefined || m < 0 || v.mentions[m].country === null) return e;
    // (The whole name: "President Mahamat Idriss Deby's government" is one actor, its last mention the government.)
    let last = m;
    for (let y = x; y < k - 1 && y <= x + 8; y++) if (v.mentionAt[y] >= 0) last = v.mentionAt[y];
    const who = v.mentions[last].country === v.mentions[m].country ? v.mentions[last] : v.mentions[m];
    return { ...e, sources: [actorOf(ctx, who)], rule: `${e.rule}+decided-by` };
  }
  return e;
}

/**
 * "handed over its last military base in Chad, the Kossei camp in the capital, to the Chadian army": whom something is
 * handed over to is the target, however far after the object.
 */
function handedTo(ctx: DocContext, v: SentenceView, e: Event): Event {
  if (!/^(?:hand|turn)/i.test(e.trigger.text) || e.targets.some((t) => t.country !== null)) return e;
  const k = localIndexAt(v, e.trigger.start);
  if (k < 0 || v.toks[k + 1]?.norm !== "over") return e;
  const { toks } = v;
  for (let j = k + 2; j < toks.length && j <= k + 30; j++) {
    // (A new predicate ends the search: "..., completing a pullout"; a participle inside the object does not.)
    const predicate = toks[j].pos === "VERB" && !toks[j].norm.endsWith("ed") && toks[j - 1]?.norm !== "to";
    if (toks[j].norm === ";" || predicate) break;
    if (toks[j].norm !== "to") continue;
    let x = j + 1;
    if (toks[x]?.pos === "DET") x++;
    const m = v.mentionAt[x];
    if (m === undefined || m < 0 || v.mentions[m].country === null) continue;
    if (e.sources.some((s) => s.country === v.mentions[m].country)) return e;
    return { ...e, targets: [actorOf(ctx, v.mentions[m])], rule: `${e.rule}+handed-to` };
  }
  return e;
}

const CONDEMNED_ACT =
  /\b(?:attacks?|action|actions|strikes?|aggression|assault|violence|provocations?|harassment|incursions?|raids?|shelling|bombing|killings?|manoeuvres|maneuvers|measures)\b/i;
const VICTIM_BEFORE = /\b(?:against|on|targeting|at)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}$/i;

/** Is the actor at `at` the one a condemned act was aimed at ("condemned the action against a Philippine vessel")? */
function actAimedAt(ctx: DocContext, e: Event, at: { readonly start: number }): boolean {
  const between = ctx.text.slice(e.trigger.end, at.start);
  return between.length < 90 && CONDEMNED_ACT.test(between) && VICTIM_BEFORE.test(between);
}

/**
 * "condemned what she called the latest reckless action against a Philippine vessel": the one an act was aimed at is
 * not who is condemned for it (the other side is found later, from the story's two parties).
 */
function victimNotAccused(ctx: DocContext, e: Event): Event {
  if (e.type !== "ACCUSE" || e.targets.length === 0) return e;
  const kept = e.targets.filter((t) => t.start < e.trigger.end || !actAimedAt(ctx, e, t));
  return kept.length === e.targets.length ? e : { ...e, targets: kept, rule: `${e.rule}+victim-not-accused` };
}

/**
 * "spoke with both Kurti and Vucic and urged them to avoid any step", "met Putin and told him": an object pronoun
 * right after the trigger stands for the last actors named before it in the sentence who are not the doers (two or
 * more joined by "and", or one plural agent, for "them"; a person for "him" and "her").
 */
function objectPronoun(ctx: DocContext, v: SentenceView, e: Event): Event {
  const { toks } = v;
  const k = localIndexAt(v, e.trigger.start);
  if (k < 0) return e;
  let j = k + 1;
  while (j < toks.length && toks[j].start < e.trigger.end) j++;
  if (toks[j]?.norm === "on" || toks[j]?.norm === "upon") j++;
  const p = toks[j]?.norm;
  if (p !== "them" && p !== "him" && p !== "her") return e;
  // ("arrested him at the airport on a warrant from the ICC": a target found beyond the pronoun is not the object.)
  if (e.targets.some((t) => t.start < toks[j].start)) return e;
  // ("urged her supporters": a possessive.)
  if (p === "her" && /^(?:NOUN|PROPN|ADJ|NUM)$/.test(toks[j + 1]?.pos ?? "")) return e;
  const doers = new Set(e.sources.map((s) => s.start));
  const known = (m: Mention) => m.country !== null || m.entityId !== null;
  for (let i = k - 1; i >= v.floor; i--) {
    const mi = v.mentionAt[i];
    if (mi < 0) continue;
    const m = v.mentions[mi];
    if (doers.has(m.start) || !known(m)) continue;
    if (p !== "them") {
      if (m.kind !== "person") continue;
      return { ...e, targets: [actorOf(ctx, m)], rule: `${e.rule}+object-pronoun` };
    }
    // Walk back over "X, Y and (both) Z" ("both" is no list word for coordinated()).
    const group = [m];
    let x = i;
    while (x >= v.floor && v.mentionAt[x] === mi) x--;
    for (;;) {
      let y = x;
      while (y >= v.floor && (toks[y].norm === "and" || toks[y].norm === "," || toks[y].norm === "both")) y--;
      if (y === x || y < v.floor || v.mentionAt[y] < 0) break;
      const o = v.mentions[v.mentionAt[y]];
      if (!known(o) || doers.has(o.start)) break;
      group.unshift(o);
      const oi = v.mentionAt[y];
      while (y >= v.floor && v.mentionAt[y] === oi) y--;
      x = y;
    }
    const plural = m.kind === "actor" && /s$/i.test(m.text);
    if (group.length < 2 && !plural) return e;
    return { ...e, targets: group.map((g) => actorOf(ctx, g)), rule: `${e.rule}+object-pronoun` };
  }
  return e;
}

/** "Aliyev demanded that Russia admit its guilt ... and pay compensation": one demand, of the one the acts are asked of. */
function demandedActs(events: Event[]): Event[] {
  const acts = events.filter((e) => e.rule.endsWith("+demanded"));
  const host = events.find((e) => e.type === "REQUEST" && !e.rule.endsWith("+demanded") && e.targets.length === 0 && e.sources.length > 0);
  if (acts.length === 0 || !host) return events;
  const demand: Event = { ...host, targets: acts[0].targets };
  return events.filter((e) => !acts.includes(e)).map((e) => (e === host ? demand : e));
}

/**
 * "The Guards warned that any Israeli response would be met with crushing attacks": the violence a warning announces is
 * the warning's, not a threat of its own (the warning takes its violence code).
 */
function nestedThreats(events: Event[]): Event[] {
  const outer = events.find((e) => e.type === "THREATEN" && e.modality === "asserted" && e.sources.length > 0);
  if (!outer) return events;
  const inner = events.filter(
    (e) => e !== outer && e.type === "THREATEN" && e.modality !== "asserted" && e.trigger.start > outer.trigger.end,
  );
  if (inner.length === 0) return events;
  const violence = inner.find((e) => e.mode === "violence");
  const warning: Event =
    violence && outer.cameo === "130" ? { ...outer, mode: violence.mode, cameo: violence.cameo, context: violence.context } : outer;
  return events.filter((e) => !inner.includes(e)).map((e) => (e === outer ? warning : e));
}

/**
 * "Shells struck a resort, killing nine tourists, officials said, blaming the attack on Turkish forces": an attack
 * with no perpetrator read takes the one its reporters blame (as reported, attributed to them).
 */
function blamedAttacks(events: Event[]): Event[] {
  const blames = events.filter((e) => e.type === "ACCUSE" && /^blam/i.test(e.trigger.text) && e.targets.length > 0 && e.sources.length > 0);
  if (blames.length === 0) return events;
  const b = blames[0];
  const s = b.sources[0];
  const attribution: Attribution = { start: s.start, end: s.end, name: s.name, entityId: s.entityId, text: s.text };
  return events.map((e) =>
    e.type === "ASSAULT" && e.sources.length === 0 && e.modality === "asserted"
      ? { ...e, sources: b.targets, attribution, modality: "reported", rule: `${e.rule}+blamed` }
      : e,
  );
}

/** "mediated", "brokered", "hosted by": forms of verbs of third parties to talks (the tagger may call them adjectives). */
const MEDIATE_FORM = /^(?:mediat|broker|host|facilitat|sponsor|chair|conven)(?:e|ed|es|ing|s)?$/;

/** "X and Y agreed to a truce after talks mediated by the AU": the talks were between the parties that agreed. */
function mediatedTalks(events: Event[]): Event[] {
  const parties = events.find((e) => (e.type === "AGREE" || e.type === "CONSULT") && e.sources.length > 0);
  if (!parties) return events;
  return events.map((e) =>
    e !== parties && e.type === "CONSULT" && e.sources.length === 0 && e.targets.length === 0 && /:noun-/.test(e.rule)
      ? { ...e, sources: parties.sources, targets: parties.targets }
      : e,
  );
}

/**
 * "Troops rammed the palace doors in what President Arce called an attempted coup": a verdict with no target of its
 * own judges the act just reported in its sentence, so it targets that act's doers.
 */
function verdictTargets(events: Event[]): Event[] {
  return events.map((e, i) => {
    if (e.type !== "ACCUSE" || e.targets.length > 0 || e.sources.length === 0) return e;
    const act = events
      .slice(0, i)
      .reverse()
      .find((p) => (p.type === "ASSAULT" || p.type === "COERCE") && p.sources.length > 0 && p.trigger.end <= e.trigger.start);
    if (!act || act.sources.some((s) => e.sources.some((x) => x.start === s.start))) return e;
    return { ...e, targets: act.sources };
  });
}

/** Local index of "claim(ed) responsibility|credit for" in [from, to), or -1. */
function claimAt(toks: readonly Token[], from: number, to: number): number {
  for (let k = from; k + 2 < to; k++) {
    const t = toks[k];
    if (t.lemma === "claim" && (toks[k + 1].lemma === "responsibility" || toks[k + 1].lemma === "credit") && toks[k + 2].norm === "for")
      return k;
  }
  return -1;
}

/**
 * "Al-Shabab claimed responsibility for the attack on the mall": the claimant is the attack's
 * (claimed) perpetrator and the source of the report.
 */
function claimedAttacks(ctx: DocContext, v: SentenceView, events: Event[]): Event[] {
  const { toks } = v;
  const at = claimAt(toks, 0, toks.length);
  if (at < 0) return events;
  const claimant = uniqueActors(ctx, v, subjectBefore(v, at, v.clauses.of[at]));
  if (claimant.length === 0) return events;
  const m = claimant[0];
  const attribution: Attribution = { start: m.start, end: m.end, name: m.name, entityId: m.entityId, text: m.text };
  const from = toks[at + 2].end;
  const claimed = (e: Event) => e.sources.length === 0 || e.sources.every((s) => claimant.some((c) => c.start === s.start));
  return events.map((e) =>
    e.type === "ASSAULT" && claimed(e) && e.trigger.start >= from
      ? { ...e, sources: claimant, attribution, modality: "reported", rule: `${e.rule}+claimed` }
      : e,
  );
}

/**
 * "Israel said a mortar bomb was fired at it from Gaza": a speaker reporting an attack by
 * someone else accuses them of it (CAMEO 1123). The attack stays, attributed to the speaker.
 */
function reportedAttackAccusations(ctx: DocContext, lex: Lexicon, v: SentenceView, events: readonly Event[]): Event[] {
  const out: Event[] = [];
  const seen = new Set<number>();
  for (const e of events) {
    if (e.type !== "ASSAULT" || e.modality === "negated" || e.modality === "hypothetical") continue;
    // Only an attack someone did: not "victims killed by the crash", not a bare default code without an agent.
    if (e.sources.length === 0 && /:petrarch-verb-/.test(e.rule)) continue;
    const k = localIndexAt(v, e.trigger.start);
    if (k < 0) continue;
    const c = v.clauses.clauses[v.clauses.of[k]];
    if (c.kind !== "content" || c.speechVerb < 0 || seen.has(c.speechVerb)) continue;
    const sp = speakerOf(v, k);
    if (!sp || sp.mentions.length === 0) continue;
    const speakers = uniqueActors(ctx, v, sp.mentions);
    const selfReport = e.sources.some((s) => speakers.some((x) => x.start === s.start || (x.country !== null && x.country === s.country)));
    if (selfReport) continue;
    // "The ministry said troops had killed dozens of terrorists": bare state forces with no country read are most
    // likely the speaker's own; an accusation is a claim about an identified opponent.
    // (A monitor or rights group reporting "government forces" killed people still accuses them.)
    const state = (a: ActorRef) => a.sector === "MIL" || a.sector === "POL" || a.sector === "GOV";
    if (e.sources.length > 0 && e.sources.every((s) => s.country === null && state(s)) && speakers.every(state)) continue;
    seen.add(c.speechVerb);
    const verb = v.toks[c.speechVerb];
    out.push({
      ...e,
      id: `ev-${v.s.index}-${verb.start}`,
      type: "ACCUSE",
      mode: "allege",
      context: "military",
      cameo: "1123",
      acled: null,
      sources: speakers,
      targets: e.sources,
      place: null,
      killed: null,
      injured: null,
      quantities: [],
      modality: "asserted",
      attribution: null,
      confidence: Math.round(Math.max(0.05, e.confidence - 0.1) * 100) / 100,
      trigger: { start: verb.start, end: verb.end, text: verb.text },
      rule: `${EVENTS_STAGE}:reported-attack-accusation`,
    });
  }
  return out;
}

function attributive(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  const next = toks[k + 1];
  const prev = toks[k - 1];
  if (!next || next.pos !== "NOUN" || !/(ed|en|ing)$/.test(t.norm)) return false;
  // ("were seen abandoning checkpoints", "kept attacking posts": after a verb an -ing form is its complement.)
  if (prev?.pos === "VERB" && t.norm.endsWith("ing")) return false;
  return !prev || prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "ADP" || prev.pos === "NUM" || prev.pos === "VERB";
}

const HALT_VERBS = new Set(["stop", "cease", "end", "refrain", "halt", "avoid", "quit"]);
const COUNT_OPENERS = new Set(["at", "more", "nearly", "almost", "about", "around", "over", "some", "up", "roughly", "approximately"]);
const QUALIFYING = new Set(["linked", "backed", "allied", "affiliated", "aligned", "loyal", "tied", "connected", "supported", "funded"]);

/** "militants linked to al Qaeda", "fighters backed by Turkey": a participle qualifying the noun before it. */
function qualifyingParticiple(toks: readonly Token[], j: number): boolean {
  const prev = toks[j - 1];
  const next = toks[j + 1];
  return (
    QUALIFYING.has(toks[j].norm) &&
    prev !== undefined &&
    (prev.pos === "NOUN" || prev.pos === "PROPN") &&
    next !== undefined &&
    (next.norm === "to" || next.norm === "by" || next.norm === "with")
  );
}

/** A past participle right after a noun, modifying it ("the civilians imprisoned for ..."), not the clause's main verb. */
export function reducedRelative(
  toks: readonly Token[],
  k: number,
  clauseOf: readonly number[],
  mentionAt: readonly number[] = [],
): boolean {
  const t = toks[k];
  const prev = toks[k - 1];
  const next = toks[k + 1];
  if (!prev || (prev.pos !== "NOUN" && prev.pos !== "PROPN")) return false;
  if (t.norm === t.lemma || !/(ed|en|wn|ne|lt|ht|id|t)$/.test(t.norm)) return false;
  // "imprisoned for acting", "accused of playing": a preposition may follow (the tagger calls "for" SCONJ at times).
  if (
    next &&
    next.norm !== "for" &&
    (["DET", "PRON", "NOUN", "PROPN", "NUM", "PART", "ADJ", "SCONJ"].includes(next.pos) || ["by", "to", "that"].includes(next.norm))
  )
    return false;
  // "jets shot down Russian drones": a particle and then an object; an active verb.
  const after = toks[k + 2];
  if (next && PARTICLE_OBJECTS.has(next.norm) && after && ["DET", "NOUN", "PROPN", "NUM", "ADJ"].includes(after.pos)) return false;
  // "killed at least 200 people", "wounded more than 30": a count for an object; an active verb.
  if (next && COUNT_OPENERS.has(next.norm) && (after?.pos === "NUM" || toks[k + 3]?.pos === "NUM")) return false;
  const cl = clauseOf[k];
  // The noun is an object ("released the mayor, a member of Hamas jailed a year ago") ...
  // (A name's word tagged as a verb, "Lt. Gen. Prosper Avril resigned", is no verb; nor is a participle qualifying the
  // subject, "militants linked to al Qaeda killed ...".)
  for (let j = k - 1; j >= 0 && clauseOf[j] === cl; j--)
    if ((toks[j].pos === "VERB" || toks[j].pos === "AUX") && !((mentionAt[j] ?? -1) >= 0) && !qualifyingParticiple(toks, j)) return true;
  // ... or the clause's own finite verb comes later ("The civilians imprisoned for ... were released").
  for (let j = k + 1; j < toks.length && clauseOf[j] === cl && j <= k + 14 && toks[j].norm !== ","; j++)
    if (toks[j].pos === "AUX") return true;
  return false;
}

/** "to" + verb at k after something that takes no infinitive complement: a closing bracket, a participle or a place. */
function purposeAfter(lex: Lexicon, toks: readonly Token[], k: number): boolean {
  const p = toks[k - 2];
  if (p.norm === ")" || p.norm === '"') return true;
  // "were deployed to protect", "was sent to help": a passive participle (not "is scheduled to", "was forced to").
  if (lex.future.has(p.norm) || lex.controlVerbs.has(p.lemma) || lex.governingVerbs.has(p.lemma) || PASSIVE_CONTROL.has(p.lemma))
    return false;
  return p.pos === "VERB" && p.norm.endsWith("ed") && (toks[k - 3]?.pos === "AUX" || toks[k - 3]?.pos === "ADV");
}

/** Passive verbs whose "to" + verb says what the subject does ("was forced to release", "were asked to leave"). */
const PASSIVE_CONTROL = new Set(
  "force ask urge order tell allow expect schedule invite pressure encourage authorize authorise permit compel oblige require set due suppose press call elect appoint".split(
    " ",
  ),
);

/** "efforts to counter", "threat to boycott", "aimed at pushing": a verb completing a noun or an aim. */
function purposeComplement(toks: readonly Token[], k: number, afterEvent: boolean): boolean {
  const p1 = toks[k - 1];
  const p2 = toks[k - 2];
  if (!p1 || !p2) return false;
  if (p1.norm === "to") return afterEvent && p2.pos === "NOUN";
  // "a trip aimed at pushing for": the aim of a noun, whatever came before; "the talks are aimed at ending" is not.
  return p1.norm === "at" && p2.lemma === "aim" && toks[k].norm.endsWith("ing") && (afterEvent || toks[k - 3]?.pos === "NOUN");
}

function participial(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!t.norm.endsWith("ing")) return false;
  const prev = toks[k - 1];
  return !prev || prev.norm === "," || prev.pos === "SCONJ" || prev.pos === "ADP";
}

/** Local index of the verb in a "to" + verb complement right after k ("seeking to deepen"), or -1. */
function infinitiveAfter(toks: readonly Token[], k: number, reach: number): number {
  for (let j = k + 1; j < toks.length - 1 && j <= k + reach; j++) {
    const u = toks[j];
    if (u.norm === "," || u.norm === ";" || (isVerbLike(u) && u.norm !== "to")) return -1;
    if (u.norm === "to" && (toks[j + 1].pos === "VERB" || toks[j + 1].pos === "AUX")) return j + 1;
  }
  return -1;
}

interface NounHit {
  entry: NounEntry;
  len: number;
}

function nounAt(lex: Lexicon, toks: readonly Token[], k: number, n: number): NounHit | null {
  const t = toks[k];
  // (The tagger leaves some plurals unlemmatised: "airstrikes".)
  const cands =
    lex.nouns.get(t.lemma) ??
    lex.nouns.get(t.norm) ??
    (t.norm.length > 4 && t.norm.endsWith("s") ? lex.nouns.get(t.norm.slice(0, -1)) : undefined);
  if (!cands) return null;
  for (const entry of cands) {
    if (k + entry.words.length > n) continue;
    let ok = true;
    for (let j = 0; j < entry.words.length; j++) {
      if (!wordMatches(toks[k + j], entry.words[j])) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const last = toks[k + entry.words.length - 1];
    if (entry.pluralOnly && last.norm === last.lemma) continue;
    const gerundNoun = t.pos === "VERB" && t.norm.endsWith("ing") && k > 0 && ["DET", "ADJ", "NOUN", "PROPN"].includes(toks[k - 1].pos);
    if ((t.pos === "VERB" || t.pos === "ADJ") && entry.words.length === 1 && !gerundNoun) continue;
    return { entry, len: entry.words.length };
  }
  return null;
}

function readVerb(lex: Lexicon, v: SentenceView, k: number, consumed: Set<number>, objectOnly = false): Reading | null {
  const { toks, clauses } = v;
  const t = toks[k];
  const n = toks.length;
  const cl = clauses.of[k];
  let end = k + 1;
  // Patterns and objects stay in the verb's phrase: its clause, up to a comma.
  // ... and before the next finite verb group ("imprisoned for protesting were released": "released" is not protesting's object).
  while (
    end < n &&
    clauses.of[end] === cl &&
    end < k + 14 &&
    toks[end].norm !== "," &&
    !(end > k && toks[end].pos === "AUX" && isVerbLike(toks[end + 1] ?? toks[end]) && toks[end + 1]?.pos === "VERB")
  )
    end++;
  let start = k;
  while (start > 0 && clauses.of[start - 1] === cl && start > k - 10) start--;

  // Threat verbs with an infinitive of violence: "vowed to keep attacking", "threatened to strike".
  if (lex.threatVerbs.has(t.lemma)) {
    for (let j = k + 1; j < end && j <= k + 5; j++) {
      const u = toks[j];
      if (!isVerbLike(u)) continue;
      const inner = verbCode(lex, v, j, end, start);
      if (inner && inner.type === "ASSAULT") {
        for (let x = k + 1; x <= j; x++) consumed.add(x);
        return reading(lex, "THREATEN", "violence", "military", "138", `threat-of-violence`, k, k, k, 0.8);
      }
    }
  }

  // Phrases first (hand-written), then a support verb with an event noun, then the PETRARCH patterns.
  const phrases = objectOnly ? [] : (lex.phrases.get(t.lemma) ?? []);
  for (const p of phrases) {
    if (p.fallback) continue;
    // (A verdict may come after a long object: "called the bombing a full-fledged war crime".)
    const after = p.post.length
      ? matchSequence(toks, k + 1, end, p.post, p.window ?? (p.suppress || p.speakerSource || p.type === "ACCUSE" ? 8 : 4))
      : k + 1;
    if (after < 0 || !matchBefore(toks, start, k, p.pre)) continue;
    if (p.suppress || p.type === null) return null;
    // The phrase's own words are not events of their own ("stop attacking", "called off the strike").
    if (p.post.length) for (let j = k + 1; j < after; j++) if (nounAt(lex, toks, j, n) || isVerbLike(toks[j])) consumed.add(j);
    const r = reading(lex, p.type, p.mode, p.context, p.cameo, p.id, k, k, k, 0.85);
    r.speakerSource = p.speakerSource;
    return r;
  }

  if (lex.lightVerbs.has(t.lemma)) {
    const obj = lightObject(lex, v, k, Math.min(n, k + 9));
    if (obj) {
      const entry = obj.entry;
      for (let j = obj.at; j < obj.at + obj.len; j++) consumed.add(j);
      // A legislature adopting "an agreement/a decision to end the stationing of foreign troops" acts like a resolution.
      const adopted = ADOPT_VERBS.has(t.lemma) && (entry.lemma === "agreement" || entry.lemma === "decision" || entry.lemma === "plan");
      const content = entry.legislative || adopted ? legislativeContent(toks, obj.at + obj.len, n) : null;
      if (entry.legislative && !content) return null;
      if (content) {
        return reading(
          lex,
          content.type,
          content.mode,
          content.context,
          content.cameo,
          `legislative-${content.id}`,
          k,
          obj.at + obj.len - 1,
          k,
          0.75,
        );
      }
      if (entry.type === null) return null; // "issued a statement": speech, not an event
      return reading(
        lex,
        entry.type,
        entry.mode,
        entry.context,
        entry.cameo,
        `support-verb-${entry.lemma.replace(/ /g, "-")}`,
        k,
        obj.at + obj.len - 1,
        k,
        0.85,
      );
    }
  }
  if (objectOnly) return null;
  // "Two drones were launched at the base", "launched rockets": a support verb with a weapon is an attack.
  if (lex.lightVerbs.has(t.lemma)) {
    const weapon = weaponNear(lex, toks, k, start, Math.min(n, k + 4));
    if (weapon)
      return reading(lex, "ASSAULT", weapon.mode, "military", weapon.cameo, `weapon-${weapon.lemma.replace(/ /g, "-")}`, k, k, k, 0.75);
  }

  const coded = verbCode(lex, v, k, end, start);
  // "ordered the armed forces to neutralise the gangs", "ordered the army deployed": an order to forces mobilises them
  // (and the order's target is whom the forces are sent against).
  // "ordered diplomats from Argentina, Chile ... to leave the country", "ordered Indian defence advisers to leave": an expulsion.
  if (lex.orderVerbs.has(t.lemma) || t.lemma === "tell" || t.lemma === "give") {
    for (let j = k + 2; j < toks.length && j <= k + 20 && toks[j].norm !== ";"; j++) {
      if (toks[j].norm !== "to" || !LEAVE_VERBS.has(toks[j + 1]?.lemma ?? "")) continue;
      consumed.add(j + 1);
      return reading(lex, "SANCTION", "expel", null, "166", "order-to-leave", k, k, k, 0.8);
    }
  }
  if (lex.orderVerbs.has(t.lemma) && (!coded || coded.isDefault || !coded.own)) {
    const order = orderedForce(lex, toks, k, end);
    if (order) {
      if (order.complement >= 0) consumed.add(order.complement);
      // "ordered all units back to their barracks": a pull-back.
      if (order.back) return reading(lex, "RETREAT", null, null, "0874", "order-forces-back", k, order.force + 1, k, 0.75);
      const code = order.police ? "153" : "154";
      return reading(lex, "MOBILIZE", null, null, code, "order-forces", k, Math.max(order.force, order.complement), k, 0.75);
    }
  }
  // A support verb means nothing by itself: "issued", "made", "gave" without an event noun or pattern (except a verb
  // with a code of its own whose object is an actor: "hosted Japanese Prime Minister Hashimoto").
  if (coded && coded.isDefault && lex.lightVerbs.has(t.lemma) && !(coded.own && HOSTING.has(t.lemma) && actorObject(v, k))) return null;
  // A verb our phrases mark as no event by itself ("plan", "come") keeps no bare default code either.
  if (
    coded &&
    coded.isDefault &&
    phrases.some((p) => p.fallback && p.suppress && (p.post.length === 0 || matchSequence(toks, k + 1, end, p.post) >= 0))
  )
    return null;
  if (!coded && t.pos === "VERB" && !phrases.some((p) => p.fallback)) {
    // A verb the patterns do not code, with an event noun as its object: "renewed negotiations".
    const obj = lightObject(lex, v, k, Math.min(end, k + 5));
    // Only nouns that report a happening by themselves ("renewed negotiations", "speeded up the withdrawal"), not "reviewed the threat".
    if (obj && obj.entry.type && !obj.entry.legislative && (obj.entry.standalone || obj.entry.type === "RETREAT")) {
      for (let j = obj.at; j < obj.at + obj.len; j++) consumed.add(j);
      const e = obj.entry;
      return reading(
        lex,
        e.type!,
        e.mode,
        e.context,
        e.cameo,
        `verb-object-${e.lemma.replace(/ /g, "-")}`,
        k,
        obj.at + obj.len - 1,
        k,
        0.65,
      );
    }
  }
  if (coded) {
    if (coded.object >= 0) consumed.add(coded.object);
    const r = reading(lex, coded.type, coded.mode, coded.context, coded.cameo, coded.rule, k, k, k, coded.base);
    r.reverse = coded.reverse;
    r.isDefault = coded.isDefault;
    return r;
  }
  for (const p of phrases) {
    if (!p.fallback) continue;
    if (p.post.length && matchSequence(toks, k + 1, end, p.post) < 0) continue;
    if (p.suppress || p.type === null) return null;
    return reading(lex, p.type, p.mode, p.context, p.cameo, p.id, k, k, k, 0.7);
  }
  return null;
}

/**
 * The forces an order at local token k sends: "ordered the army deployed", "ordered troops to the border",
 * "ordered the armed forces on Tuesday to neutralise ...". Returns the force noun, whether it is police, and the
 * complement verb (-1 when there is none).
 */
function orderedForce(
  lex: Lexicon,
  toks: readonly Token[],
  k: number,
  end: number,
): { force: number; police: boolean; complement: number; back: boolean } | null {
  let force = -1;
  for (let j = k + 1; j < end && j <= k + 5; j++) {
    const t = toks[j];
    if (lex.forceNouns.has(t.norm) && t.pos !== "VERB") {
      force = j;
      // "the armed forces", "security forces", "the national guard": the head noun ends the phrase.
      while (force + 1 < end && lex.forceNouns.has(toks[force + 1].norm)) force++;
      break;
    }
    if (t.pos === "VERB" || t.pos === "AUX" || t.norm === "to" || t.norm === "that") return null;
  }
  if (force < 0) return null;
  let complement = -1;
  for (let j = force + 1; j < end && j <= force + 6; j++) {
    const t = toks[j];
    if (t.norm === "to" && toks[j + 1] && isVerbLike(toks[j + 1]) && toks[j + 1].pos === "VERB") {
      complement = j + 1;
      break;
    }
    if (j === force + 1 && t.pos === "VERB" && /(?:ed|en)$/.test(t.norm)) {
      complement = j;
      break;
    }
    if (t.pos === "VERB" || t.norm === "that") break;
  }
  const back = toks[force + 1]?.norm === "back" || toks[force + 1]?.norm === "home";
  return { force, police: lex.policeNouns.has(toks[force].norm), complement, back };
}

interface Coded {
  type: PloverType;
  mode: string | null;
  context: string | null;
  cameo: string;
  rule: string;
  reverse: boolean;
  base: number;
  object: number;
  /** The verb's own code: no pattern matched. */
  isDefault: boolean;
  /** The code is the verb's own or from a pattern written for it (not one of its synonyms'). */
  own: boolean;
}

/** The PETRARCH-derived code of the verb at k: the most specific matching pattern, else the verb's own code. */
function verbCode(lex: Lexicon, v: SentenceView, k: number, end: number, start: number): Coded | null {
  const { toks } = v;
  const t = toks[k];
  const entries = lex.verbs.get(t.lemma) ?? lex.verbs.get(t.norm);
  if (!entries) return null;
  let best: { code: string | null; reverse: boolean; own: boolean; weight: number; rule: string; object: number } | null = null;
  let postKeys: (readonly number[])[] | null = null;
  let preKeys: (readonly number[])[] | null = null;
  /** The first one-word entry with a code of its own, and that code. */
  let fallback: VerbEntry | null = null;
  let fallbackCode: string | null = null;
  const passive = isPassive(toks, k);
  for (const e of entries) {
    // Multi-word verbs: the particle follows ("carried out").
    let after = k + 1;
    let ok = true;
    for (let w = 1; w < e.words.length; w++) {
      if (after < end && wordMatches(toks[after], e.words[w])) after++;
      else {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const block = e.block >= 0 ? lex.blocks[e.block] : null;
    if (block) {
      if (!postKeys || !preKeys) {
        postKeys = [];
        preKeys = [];
        for (let j = k + 1; j < end; j++) postKeys.push((v.keys[j] ??= patternKeysOf(lex, toks[j])));
        for (let j = start; j < k; j++) preKeys.push((v.keys[j] ??= patternKeysOf(lex, toks[j])));
      }
      // Cheap pre-check: the pattern's first word must be somewhere in the window.
      for (const i of candidatePatterns(block, postKeys, preKeys, passive)) {
        const p = block.patterns[i];
        if (p.idiom && !p.verbs?.has(e.lemma)) continue;
        // A synonym's pattern that turns a verb of words into a material act is that synonym's idiom ("postpone the
        // incursion" de-escalates; "condemned the incursion" does not).
        if (p.verbs && !p.verbs.has(e.lemma) && p.code !== null && wordsToDeeds(lex, e.code ?? block.code, p.code)) continue;
        // (Nor one that turns an attack into another kind of act: "storm a stronghold" occupies it, "strike" it does not.)
        if (p.verbs && !p.verbs.has(e.lemma) && p.code !== null && attackToOther(lex, e.code ?? block.code, p.code)) continue;
        // Patterns written for this very verb win over those written for its synonyms.
        const weight = p.weight + (p.verbs && p.verbs.has(e.lemma) ? 10 : 0);
        if (p.weight === 0 || (best && weight <= best.weight)) continue;
        // A "not an event" pattern is a compound ("attack helicopter"): it must touch the verb.
        let m = p.post.length ? matchSequence(toks, after, end, p.post, p.code === null && p.post.length < 2 ? 0 : 4) : after;
        // A passive puts the object first: "Evidence against Russia was presented by the US".
        // (Only the verb's own patterns: a synonym's idiom read backwards misleads.)
        if (m < 0 && p.code !== null && p.post.length && passive && p.verbs?.has(e.lemma) && matchSequence(toks, start, k, p.post, 4) >= 0)
          m = after;
        if (p.code === null && p.pre.length && !matchBefore(toks, Math.max(start, k - p.pre.length), k, p.pre)) continue;
        if (m < 0) continue;
        // "attacking government troops" is not "attacking the government": a pattern that turns the verb into another
        // kind of event needs its last noun to head its phrase.
        if (
          p.code !== null &&
          m > after &&
          m < end &&
          toks[m].pos === "NOUN" &&
          !TEMPORAL_NOUNS.has(toks[m].norm) &&
          toks[m - 1].pos === "NOUN" &&
          otherKind(lex, p.code, e.code ?? block.code)
        )
          continue;
        if (!matchBefore(toks, start, k, p.pre)) continue;
        best = {
          code: p.code,
          reverse: p.reverse,
          own: p.verbs !== null && p.verbs.has(e.lemma),
          weight: weight + (e.words.length - 1),
          rule: block.rule,
          object: p.post.length ? m - 1 : -1,
        };
      }
    }
    const own = e.code ?? block?.code ?? null;
    if (own && !fallback && e.words.length === 1) {
      fallback = e;
      fallbackCode = own;
    }
    if (own && e.words.length > 1 && (!best || best.weight < e.words.length - 1)) {
      best = { code: own, reverse: false, own: true, weight: e.words.length - 1, rule: e.rule, object: -1 };
    }
  }
  const pick = best ?? (fallback ? { code: fallbackCode, reverse: false, own: true, weight: 0, rule: fallback.rule, object: -1 } : null);
  if (!pick || !pick.code) return null;
  const info = lex.cameo.get(pick.code) ?? lex.cameo.get(pick.code.slice(0, 3)) ?? lex.cameo.get(pick.code.slice(0, 2));
  if (!info || !info.type) return null;
  return {
    type: info.type,
    mode: info.mode,
    context: info.context,
    cameo: pick.code,
    rule: pick.rule,
    reverse: pick.reverse,
    base: best ? 0.8 : 0.65,
    object: pick.object,
    isDefault: !best,
    own: pick.own,
  };
}

/** Nouns that say when, not what ("its demand today"). */
const TEMPORAL_NOUNS = new Set([
  "today",
  "yesterday",
  "tomorrow",
  "tonight",
  "morning",
  "afternoon",
  "evening",
  "night",
  "week",
  "month",
  "year",
  "weekend",
]);

const VERBAL_TYPES = new Set<PloverType>(["ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"]);

/** Whether a verb whose own code is an act of words (`own`) would be read by `code` as a material act. */
function wordsToDeeds(lex: Lexicon, own: string | null, code: string): boolean {
  const a = own ? (lex.codeTypes.get(own) ?? null) : null;
  const b = lex.codeTypes.get(code) ?? null;
  return a !== null && b !== null && VERBAL_TYPES.has(a) && !VERBAL_TYPES.has(b);
}

function attackToOther(lex: Lexicon, own: string | null, code: string): boolean {
  return own !== null && lex.codeTypes.get(own) === "ASSAULT" && lex.codeTypes.get(code) !== "ASSAULT";
}

/** Whether CAMEO code `code` names another PLOVER type than the verb's own code. */
function otherKind(lex: Lexicon, code: string, own: string | null): boolean {
  return own !== null && (lex.codeTypes.get(code) ?? null) !== (lex.codeTypes.get(own) ?? null);
}

function reading(
  lex: Lexicon,
  type: PloverType,
  mode: string | null,
  context: string | null,
  cameo: string | null,
  rule: string,
  first: number,
  last: number,
  verb: number,
  base: number,
): Reading {
  const info = cameo ? lex.cameo.get(cameo) : undefined;
  return {
    type,
    mode: mode ?? info?.mode ?? null,
    context: context ?? info?.context ?? null,
    cameo,
    rule,
    first,
    last,
    verb,
    noun: false,
    speakerSource: false,
    reverse: false,
    base,
    isDefault: false,
    speechNoun: false,
  };
}

/** An event noun after a support verb, before any other verb: "carried out an airstrike", "launched the first round of dialogue". */
/** A weapon noun just before (a passive subject) or after (an object) local token k. */
function weaponNear(lex: Lexicon, toks: readonly Token[], k: number, from: number, to: number): NounEntry | null {
  for (let j = k - 1; j >= from && j >= k - 4; j--) {
    const hit = nounAt(lex, toks, j, toks.length);
    if (hit?.entry.weapon) return hit.entry;
    if (toks[j].pos === "VERB" || toks[j].norm === ",") break;
  }
  for (let j = k + 1; j < to; j++) {
    const hit = nounAt(lex, toks, j, toks.length);
    if (hit?.entry.weapon) return hit.entry;
    if (toks[j].pos === "VERB" || toks[j].pos === "ADP") break;
  }
  return null;
}

const THREAT_OUTCOMES = new Set([
  "answered",
  "met",
  "treated",
  "regarded",
  "considered",
  "targeted",
  "punished",
  "crushed",
  "destroyed",
  "face",
]);
const ANYONE = new Set(["any", "anyone", "anybody", "whoever", "those", "all"]);
const CARRIERS = new Set(["ships", "vessels", "aircraft", "planes", "boats", "tankers", "convoys", "flights"]);

/** A reported clause "any <...> would be answered / treated as ... / would face ...", opened at local token `first`. */
function conditionalThreat(v: SentenceView, cl: number, first: number): boolean {
  const { toks } = v;
  let j = first;
  if (toks[j]?.norm === "that") j++;
  // ("said that, from Thursday, any vessel ...": an opening adverbial between commas.)
  if (toks[j]?.norm === ",")
    for (let x = j + 1; x < toks.length && x <= j + 7; x++)
      if (toks[x].norm === ",") {
        j = x + 1;
        break;
      }
  // ("any vessel", "whoever"; or ships and aircraft going somewhere: "ships heading to Russian ports could be treated as".)
  const carriers = CARRIERS.has(toks[j]?.norm ?? "") && /ing$/.test(toks[j + 1]?.norm ?? "");
  if (!ANYONE.has(toks[j]?.norm ?? "") && !carriers) return false;
  for (let x = j + 1; x < toks.length && x <= j + 18; x++) {
    if (v.clauses.of[x] !== cl && v.clauses.clauses[v.clauses.of[x]].kind !== "relative" && toks[x].norm !== ",") break;
    const t = toks[x];
    if (
      (t.norm === "would" || t.norm === "will" || (carriers && t.norm === "could")) &&
      (THREAT_OUTCOMES.has(toks[x + 1]?.norm ?? "") || THREAT_OUTCOMES.has(toks[x + 2]?.norm ?? ""))
    )
      return true;
  }
  return false;
}

const PENALTY_NOUNS = new Map<string, string>([
  ...["tariff", "tariffs", "sanctions", "penalties", "embargo", "duties", "levies"].map((w) => [w, "131"] as const),
  ...["strikes", "airstrikes", "force", "war", "attack", "attacks", "retaliation", "invasion"].map((w) => [w, "138"] as const),
]);

/**
 * "Trump said a 25% tariff on imports from Mexico would go ahead on March 4 unless the flow of fentanyl was halted": a
 * penalty announced to come unless something is done is a threat (of sanctions: CAMEO 131; of force: 138).
 */
function ultimatum(v: SentenceView, cl: number, first: number): string | null {
  const { toks } = v;
  let penalty: string | null = null;
  let future = false;
  for (let x = first; x < toks.length && x <= first + 30; x++) {
    if (v.clauses.of[x] !== cl && v.clauses.clauses[v.clauses.of[x]].kind !== "relative") {
      // ("... unless the flow was halted": the condition may open a clause of its own.)
      if (toks[x].norm !== "unless") continue;
    }
    const t = toks[x];
    if (penalty === null && !future && PENALTY_NOUNS.has(t.norm)) penalty = PENALTY_NOUNS.get(t.norm)!;
    if (t.norm === "would" || t.norm === "will") future = true;
    if (t.norm === "unless") return penalty !== null && future ? penalty : null;
  }
  return null;
}

const LEAVE_VERBS = new Set(["leave", "depart", "quit", "exit"]);
const HOSTING = new Set(["host", "receive", "welcome"]);

/** An actor right after local token k (past articles and adjectives): "hosted Japanese Prime Minister Hashimoto". */
function actorObject(v: SentenceView, k: number): boolean {
  let j = k + 1;
  while (j < v.toks.length && j <= k + 3 && (v.toks[j].pos === "DET" || v.toks[j].pos === "ADJ")) j++;
  const m = v.mentionAt[j] ?? -1;
  return m >= 0 && v.mentions[m].kind !== "country" && v.mentions[m].country !== null;
}

/** Whether local token j is part of a hyphenated compound ("dusk-to-dawn", "face-to-face"). */
function inCompound(toks: readonly Token[], j: number): boolean {
  const t = toks[j];
  const touches = (a: Token | undefined, b: Token | undefined) => a !== undefined && b !== undefined && a.end === b.start;
  return (toks[j - 1]?.norm === "-" && touches(toks[j - 1], t)) || (toks[j + 1]?.norm === "-" && touches(t, toks[j + 1]));
}

function lightObject(lex: Lexicon, v: SentenceView, k: number, end: number): { entry: NounEntry; at: number; len: number } | null {
  const { toks } = v;
  for (let j = k + 1; j < end && j <= k + 7; j++) {
    const u = toks[j];
    if (
      u.norm === "," ||
      u.norm === ";" ||
      u.pos === "SCONJ" ||
      u.pos === "CCONJ" ||
      (u.pos === "VERB" && j > k + 1 && !u.norm.endsWith("ing") && !inCompound(toks, j))
    )
      return null;
    if (u.pos === "PROPN" && u.text !== u.norm && v.mentionAt[j] < 0 && nounAt(lex, toks, j, toks.length)) return null;
    // ("a dusk-to-dawn curfew": a word inside a hyphenated compound is no preposition or verb.)
    if (inCompound(toks, j)) continue;
    if (u.pos === "ADP" && u.norm !== "of" && u.norm !== "out" && u.norm !== "up") {
      // "held talks with X" is fine (noun came first); a preposition before any noun ends the object.
      return null;
    }
    const hit = nounAt(lex, toks, j, toks.length);
    // "truce monitors", "withdrawal talks": a noun modifying another noun is not the object.
    const after = toks[j + (hit?.len ?? 1)];
    if (hit && after && after.pos === "NOUN" && !/s$/.test(toks[j + hit.len - 1].norm)) continue;
    if (hit && !hit.entry.weapon) return { entry: hit.entry, at: j, len: hit.len };
  }
  return null;
}

const ADOPT_VERBS = new Set(["adopt", "pass", "approve", "vote", "submit", "table", "introduce", "enact"]);
const LEG_ACTION = new Set([
  "end",
  "ending",
  "withdraw",
  "withdrawal",
  "expel",
  "expulsion",
  "leave",
  "departure",
  "remove",
  "removal",
  "evacuate",
  "evacuation",
  "terminate",
  "abolish",
  "exit",
  "pullout",
]);
const LEG_FORCES = new Set([
  "presence",
  "stationing",
  "troops",
  "troop",
  "forces",
  "force",
  "foreign",
  "base",
  "bases",
  "coalition",
  "soldiers",
  "teams",
  "mission",
]);

/** What a bill or resolution asks for, from its own words (a general reading, documented in data/README.md). */
function legislativeContent(
  toks: readonly Token[],
  from: number,
  n: number,
): { type: PloverType; mode: string | null; context: string | null; cameo: string; id: string } | null {
  let action = false;
  let forces = false;
  for (let j = from; j < n && j < from + 16; j++) {
    const w = toks[j].lemma;
    if (LEG_ACTION.has(w) || LEG_ACTION.has(toks[j].norm)) action = true;
    if (LEG_FORCES.has(w) || LEG_FORCES.has(toks[j].norm)) forces = true;
    if (w === "sanction" || w === "embargo")
      return { type: "SANCTION", mode: "discontinue", context: "economic", cameo: "163", id: "sanctions" };
    if (w === "ban" || w === "outlaw" || w === "prohibit") return { type: "COERCE", mode: "ban", context: null, cameo: "172", id: "ban" };
    if (w === "condemn" || w === "condemnation") return { type: "ACCUSE", mode: "disapprove", context: null, cameo: "111", id: "condemn" };
  }
  if (action && forces) return { type: "REQUEST", mode: "yield", context: "military", cameo: "1056", id: "withdraw-forces" };
  return null;
}

function readNoun(lex: Lexicon, v: SentenceView, k: number, len: number, entry: NounEntry): Reading | null {
  if (entry.type === null) return null;
  const type = entry.type;
  const make = (confidence: number): Reading => {
    const r = reading(
      lex,
      type,
      entry.mode,
      entry.context,
      entry.cameo,
      `noun-${entry.lemma.replace(/ /g, "-")}`,
      k,
      k + len - 1,
      -1,
      confidence,
    );
    r.noun = true;
    return r;
  };
  if (entry.speech) {
    // "The joint statement issued after the meeting said ...": the statement itself is the agreement.
    const r = make(0.65);
    r.speechNoun = true;
    return r;
  }
  if (!entry.standalone) return null;
  const { toks } = v;
  // "the US position", "troop withdrawal" as a modifier of another noun is not an event.
  const nextTok = toks[k + len];
  if (nextTok && (nextTok.pos === "NOUN" || nextTok.pos === "PROPN") && !/s$/.test(toks[k + len - 1].norm)) return null;
  return make(0.6);
}

/* ------------------------------------------------------------------ actors */

function actorOf(ctx: DocContext, m: Mention): ActorRef {
  const e = m.entityId ? ctx.entities.get(m.entityId) : undefined;
  return {
    start: m.start,
    end: m.end,
    name: e?.name ?? m.text,
    entityId: m.entityId ?? null,
    country: m.country !== undefined ? m.country : (e?.country ?? null),
    sector: m.sector !== undefined ? m.sector : (e?.sector ?? null),
    text: m.text,
  };
}

/** Mention indices of the subject before local token k, within clause `cl` (and its coordination parents). */
function subjectBefore(v: SentenceView, k: number, cl: number, depth = 0): number[] {
  const { toks, clauses, mentionAt, mentions } = v;
  const allowed = new Set<number>([cl]);
  let c = clauses.clauses[cl];
  while (c && c.kind === "relative" && c.parent >= 0) {
    allowed.add(c.parent);
    c = clauses.clauses[c.parent];
  }
  const own = clauses.clauses[cl];
  // "until it is defeated", "they will respond": a pronoun right before the verb group is the subject; no name further back is.
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = toks[j];
    if (t.pos === "AUX" || t.pos === "ADV" || t.pos === "PART") continue;
    if (SUBJECT_PRONOUNS.has(t.norm) && clauses.of[j] === cl) {
      // "Mogadishu condemned the deal ..., and in April it expelled Ethiopia's ambassador": "it" in a clause joined to
      // the sentence's main clause is that clause's subject (when it is no person).
      const kind = clauses.clauses[cl].kind;
      if (t.norm === "it" && cl > 0 && depth < 2 && (kind === "main" || kind === "coord") && clauses.clauses[0].kind === "main") {
        const verb = firstVerbOf(v, 0, clauses.clauses[cl].first - 1);
        const subj = verb >= 0 ? subjectBefore(v, verb, 0, depth + 1) : [];
        if (subj.length > 0 && subj.every((m) => mentions[m].kind !== "person")) return subj;
      }
      return [];
    }
    break;
  }
  for (let j = k - 1; j >= Math.max(v.floor, k - 40); j--) {
    // "The Syrian Observatory, a UK-based group that tracks the war, said": skip the appositive.
    if (j === k - 1 && toks[j].norm === ",") {
      for (let p = j - 2; p >= Math.max(v.floor + 1, j - 16); p--) {
        if (toks[p].norm !== ",") continue;
        if (toks[p + 1].pos === "DET" && mentionAt[p - 1] >= 0) j = p;
        break;
      }
      continue;
    }
    const jc = clauses.of[j];
    // "Washington blamed militias ... and said": a coordinated predicate shares the first one's subject,
    // not the nearest name (the first predicate's object).
    if (own.kind === "coord" && jc === own.parent && depth < 4) {
      const firstVerb = firstVerbOf(v, own.parent, j);
      let shared = firstVerb >= 0 ? subjectBefore(v, firstVerb, own.parent, depth + 1) : [];
      // ("Before leaving for Beijing, President Bush scheduled to give a speech and meet ...": past a fronted participle.)
      for (let x = firstVerb + 1; shared.length === 0 && firstVerb >= 0 && x <= j; x++)
        if (clauses.of[x] === own.parent && toks[x].pos === "VERB" && !/ing$/.test(toks[x].norm) && toks[x - 1]?.norm !== "to")
          shared = subjectBefore(v, x, own.parent, depth + 1);
      // "The ministry denied that any device had been used and dismissed the claim": with no actor as the
      // complement's subject, the predicate is coordinated with the verb that governs the complement.
      const host = clauses.clauses[own.parent];
      if (shared.length === 0 && (host.kind === "sub" || host.kind === "content") && host.parent >= 0 && host.first > 0) {
        const governing = firstVerbOf(v, host.parent, host.first - 1);
        if (governing >= 0) return subjectBefore(v, governing, host.parent, depth + 1);
      }
      return shared;
    }
    // In a relative clause ("the attack that killed three soldiers") the subject is the antecedent, right before it.
    if (own.kind === "relative" && jc === own.parent && j < own.first - 2) break;
    if (!allowed.has(jc)) {
      // A nested clause in between (relative, reported content): skip over it; another main clause ends the search.
      if (clauses.clauses[jc].kind === "main") break;
      continue;
    }
    const m = mentionAt[j];
    if (m < 0) continue;
    let first = j;
    while (first > 0 && mentionAt[first - 1] === m) first--;
    const prep = prepositionBefore(toks, first);
    // "came as the US leader prepared to": "as" + a name + a verb opens a clause (the tagger calls it ADP).
    let last = j;
    while (last + 1 < toks.length && mentionAt[last + 1] === m) last++;
    // ("hours after troops under his command occupied": a short phrase may come between the name and the verb.)
    const asClause = prep !== null && CLAUSE_OPENERS.has(prep.norm) && verbSoonAfter(toks, last + 1);
    // "in what President Arce called a coup": a free relative's subject, not a prepositional object.
    const freeRelative = first > 0 && (toks[first - 1].norm === "what" || toks[first - 1].norm === "which");
    if (prep && prep.norm !== "of" && !asClause && !freeRelative) {
      j = first;
      continue;
    }
    return coordinated(v, first, m, -1);
  }
  return [];
}

/** A verb at local index `from`, or after a short prepositional phrase ("under his command occupied"). */
function verbSoonAfter(toks: readonly Token[], from: number): boolean {
  if (from >= toks.length) return false;
  if (isVerbLike(toks[from])) return true;
  // ("after Polish and allied jets shot down": the name is one adjective of a coordinated subject.)
  const coordinatedSubject =
    toks[from].pos === "CCONJ" &&
    (toks[from + 1]?.pos === "ADJ" || toks[from + 1]?.pos === "PROPN" || /ed$/.test(toks[from + 1]?.norm ?? ""));
  if (toks[from].pos !== "ADP" && !coordinatedSubject) return false;
  for (let j = from + (coordinatedSubject ? 2 : 1); j < toks.length && j <= from + 4; j++) {
    const t = toks[j];
    if (isVerbLike(t)) return t.pos === "VERB" || t.pos === "AUX";
    if (t.pos !== "DET" && t.pos !== "PRON" && t.pos !== "NOUN" && t.pos !== "ADJ" && t.pos !== "PROPN") return false;
  }
  return false;
}

/** Local index of the first verb of clause `cl` at or before `upTo`, or -1. */
function firstVerbOf(v: SentenceView, cl: number, upTo: number): number {
  let found = -1;
  for (let j = upTo; j >= Math.max(v.floor, upTo - 60); j--) {
    const jc = v.clauses.of[j];
    if (jc !== cl) {
      if (v.clauses.clauses[jc].kind === "main" && jc !== cl) break;
      continue;
    }
    if (v.toks[j].pos === "VERB" || v.toks[j].pos === "AUX") found = j;
  }
  return found;
}

/** The preposition governing a phrase that starts at local token `first` ("in eastern Baghdad"), if any. */
function prepositionBefore(toks: readonly Token[], first: number): Token | null {
  for (let j = first - 1; j >= 0 && j >= first - 3; j--) {
    const t = toks[j];
    // ("About 30 fighters", "over 100 protesters": a count's qualifier, not a preposition.)
    if (t.pos === "ADP" && COUNT_OPENERS.has(t.norm) && toks[j + 1]?.pos === "NUM") return null;
    if (t.pos === "ADP") return t;
    if (t.pos !== "DET" && t.pos !== "ADJ" && t.pos !== "NUM") return null;
  }
  return null;
}

/**
 * A mention plus those coordinated with it ("Iraq and the United States", "A, B and C"),
 * walking in `dir`. A comma only joins a list that ends in "and" (so an apposition, "the US
 * commander in Iraq, General Petraeus", is not a list), and a name after a place
 * preposition ("in Iraq") is no actor.
 */
function coordinated(v: SentenceView, edge: number, m: number, dir: -1 | 1): number[] {
  const { toks, mentionAt } = v;
  const out = [m];
  let at = edge;
  let sawAnd = false;
  // (", and" between just two names joins two clauses: "withdraw its troops, and the last American soldiers left".)
  let serial = false;
  for (let guard = 0; guard < 6; guard++) {
    let j = at + dir;
    if (dir === 1) while (j < toks.length && mentionAt[j] === out[out.length - 1]) j++;
    // ("the regional government and foreign oil companies": modifiers left out of a mention go with it.)
    for (let x = 0; dir === -1 && x < 3 && toks[j] && mentionAt[j] < 0 && (toks[j].pos === "ADJ" || toks[j].pos === "NOUN"); x++) j--;
    // "Iraq and the United States": the article belongs to the next name, not the conjunction.
    if (dir === -1 && toks[j] && toks[j].pos === "DET" && mentionAt[j] < 0) j--;
    const conj = toks[j];
    if (!conj) break;
    const isAnd = conj.norm === "and" || conj.norm === "&";
    if (!isAnd && conj.norm !== ",") break;
    if (conj.norm === "," && dir === -1 && !sawAnd) break;
    j += dir;
    // "A, B, and C": the serial comma goes with the conjunction.
    if (isAnd && toks[j]?.norm === ",") {
      j += dir;
      if (dir === -1) serial = true;
    }
    if (conj.norm === "," && toks[j]?.norm === "and") j += dir;
    if (toks[j] && toks[j].pos === "DET" && mentionAt[j] < 0) j += dir;
    if (dir === -1) for (let x = 0; x < 3 && toks[j] && mentionAt[j] < 0 && (toks[j].pos === "ADJ" || toks[j].pos === "NOUN"); x++) j--;
    if (j < 0 || j >= toks.length || mentionAt[j] < 0 || out.includes(mentionAt[j])) break;
    const next = mentionAt[j];
    let first = j;
    while (first > 0 && mentionAt[first - 1] === next) first--;
    let last = j;
    while (last + 1 < toks.length && mentionAt[last + 1] === next) last++;
    const before = first > 0 ? toks[first - 1] : undefined;
    const prep = before && before.pos === "DET" && first > 1 ? toks[first - 2] : before;
    // ("after Mali, Burkina Faso and Niger pulled": a clause opener before a subject's first name is no preposition.)
    if (prep && prep.pos === "ADP" && prep.norm !== "of" && !(dir === -1 && sawAnd && CLAUSE_OPENERS.has(prep.norm))) break;
    if (conj.norm === "," && dir === 1) {
      const after = toks[last + 1];
      if (!after || (after.norm !== "and" && after.norm !== ",")) break;
    }
    if (isAnd) sawAnd = true;
    out.push(next);
    at = dir === -1 ? first : j;
  }
  if (serial && out.length === 2) return [m];
  return dir === -1 ? out.reverse() : out;
}

/** Mentions after local token k in the same clause: the direct object or a target preposition's object, and a passive's "by" agent. */
function objectAfter(v: SentenceView, k: number, cl: number, skip: ReadonlySet<number>, limit = 14): { mentions: number[]; by: number[] } {
  const { toks, clauses, mentionAt, mentions } = v;
  let objects: number[] = [];
  let by: number[] = [];
  for (let j = k + 1; j < toks.length && j <= k + limit; j++) {
    const jc = clauses.of[j];
    if (jc !== cl && (clauses.clauses[jc].parent !== cl || clauses.clauses[jc].kind !== "relative")) break;
    const t = toks[j];
    if (t.norm === "," || t.norm === ";") break;
    // "attacked the town after the army withdrew": a new clause begins.
    if (CLAUSE_OPENERS.has(t.norm) && opensClause(toks, j)) break;
    const m = mentionAt[j];
    if (m < 0 || skip.has(m)) continue;
    // "a UN-backed mission", "Iran-aligned militias": a name inside a hyphenated modifier is not the object.
    let endTok = j;
    while (endTok + 1 < toks.length && mentionAt[endTok + 1] === m) endTok++;
    const hy = toks[endTok + 1];
    if ((hy && hy.norm === "-" && hy.start === toks[endTok].end) || /-[a-z]+(?:ed|led|ned|wn)$/.test(mentions[m].text)) continue;
    const before = j > 0 ? toks[j - 1] : undefined;
    const prep = before && before.pos === "DET" && j > 1 ? toks[j - 2] : before;
    const group = coordinated(v, j, m, 1);
    while (
      j + 1 < toks.length &&
      (group.includes(mentionAt[j + 1]) || (toks[j + 1].norm === "and" && group.includes(mentionAt[j + 2] ?? -1)))
    )
      j++;
    if (prep?.norm === "by") {
      if (by.length === 0) by = group;
      continue;
    }
    if (prep && prep.pos === "ADP" && LOCATIVE.has(prep.norm) && !TARGET_PREPS.has(prep.norm)) continue;
    if (objects.length === 0) {
      objects = group;
      // "a government-held part of Syria's second city": prefer a named country in the same phrase.
      if (!group.some((g) => mentions[g].country)) {
        for (let x = j + 1; x < toks.length && x <= j + 6; x++) {
          const u = toks[x];
          if (u.norm === "," || u.pos === "VERB" || u.pos === "AUX") break;
          const mx = mentionAt[x];
          if (mx >= 0 && mentions[mx].country && !skip.has(mx)) {
            objects = [...group, mx];
            break;
          }
        }
      }
    }
    if (by.length > 0) break;
  }
  return { mentions: objects, by };
}

const SAME_FORM_PARTICIPLES = new Set([
  "hit",
  "cut",
  "shut",
  "put",
  "set",
  "hurt",
  "cast",
  "let",
  "burst",
  "shed",
  "upset",
  "beset",
  "quit",
]);

/** The demand verb whose "that" clause holds clause cl ("demanded that Russia admit ... and pay"), or -1. */
function demandingVerb(v: SentenceView, cl: number): number {
  const c = coordinationHost(v, cl);
  if (c.kind !== "sub" || v.toks[c.first]?.norm !== "that" || c.first < 1) return -1;
  const verb = v.toks[c.first - 1];
  return verb.pos === "VERB" && DEMAND_SPEECH.has(verb.lemma) ? c.first - 1 : -1;
}

/** A reported clause, or a predicate coordinated inside one ("demanded that Russia admit its guilt, punish ... and pay"). */
function contentOrItsPredicate(v: SentenceView, cl: number): boolean {
  return coordinationHost(v, cl).kind === "content";
}

/** Clause cl, or the clause its chain of coordinated predicates hangs from ("... that X admit A, punish B and pay C"). */
function coordinationHost(v: SentenceView, cl: number): Clause {
  let c = v.clauses.clauses[cl];
  while (c.kind === "coord" && c.parent >= 0) c = v.clauses.clauses[c.parent];
  return c;
}

function isPassive(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!/(ed|en|wn|ne|lt|ht|ck|ung|id|t)$/.test(t.norm)) return false;
  // "had been hit", "was cut": a participle like its base form, right after a form of "be".
  if (t.norm === t.lemma && !SAME_FORM_PARTICIPLES.has(t.norm)) return false;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const u = toks[j];
    if (BE.has(u.lemma) || u.norm === "being") return true; // wink lemmatises "being" as itself
    if (u.pos !== "ADV" && u.pos !== "PART") break;
  }
  // "were pulled from the water and detained by Taiwan": a participle joined to a passive one shares its "be"
  // (not one with an object of its own: "were deployed and attacked the village").
  if ((toks[k - 1]?.norm === "and" || toks[k - 1]?.norm === "or") && !/^(?:DET|NOUN|PROPN|PRON|NUM)$/.test(toks[k + 1]?.pos ?? "")) {
    for (let j = k - 2; j >= 0 && j >= k - 8; j--) {
      const u = toks[j];
      if (u.norm === "." || u.norm === ";" || u.norm === "and" || u.pos === "SCONJ") break;
      if (u.pos === "VERB" && u.norm !== u.lemma && /(ed|en|wn|ne|lt|ht|ck|ung|id|t)$/.test(u.norm)) {
        for (let i = j - 1; i >= 0 && i >= j - 3; i--) {
          if (BE.has(toks[i].lemma) || toks[i].norm === "being") return true;
          if (toks[i].pos !== "ADV" && toks[i].pos !== "PART") break;
        }
        return false;
      }
    }
  }
  return false;
}

/** The speaker governing local token k (reported speech), as a mention index, or a token span when the speaker is no actor. */
function speakerOf(v: SentenceView, k: number): { verb: number; mentions: number[]; first: number; last: number } | null {
  const { clauses, toks } = v;
  let c = clauses.clauses[clauses.of[k]];
  for (let guard = 0; guard < 6 && c; guard++) {
    if (c.kind === "content" && c.speechVerb >= 0) return speakerFromVerb(v, c.speechVerb);
    if (c.parent < 0) break;
    c = clauses.clauses[c.parent];
  }
  // "..., a senior police officer said Wednesday.": what comes before the reporting clause (in its own clause or not).
  const ts = clauses.trailerSpeech;
  if (ts >= 0 && ts !== k && (clauses.of[k] !== clauses.of[ts] || (k < ts && commaBetween(toks, k, ts)))) {
    return speakerFromVerb(v, ts);
  }
  // "according to X"
  const j = v.cues.according;
  if (j >= 0) {
    const m = v.mentionAt[j + 2] >= 0 ? v.mentionAt[j + 2] : toks[j + 2].pos === "DET" ? (v.mentionAt[j + 3] ?? -1) : -1;
    if (m >= 0) return { verb: j, mentions: [m], first: j + 2, last: j + 2 };
  }
  return null;
}

function commaBetween(toks: readonly Token[], a: number, b: number): boolean {
  for (let j = a + 1; j < b; j++) if (toks[j].norm === ",") return true;
  return false;
}

function speakerFromVerb(v: SentenceView, sv: number): { verb: number; mentions: number[]; first: number; last: number } | null {
  const cl = v.clauses.of[sv];
  // "India launched strikes on ..., saying it targeted ...": a participle after a comma speaks for the clause's subject.
  if (v.toks[sv].norm.endsWith("ing") && v.toks[sv - 1]?.norm === ",") {
    // ("..., the air force said on Tuesday, adding that", "The air force said that Russia launched drones, adding that":
    // the one who spoke just before goes on speaking.)
    const host = v.clauses.clauses[cl];
    const before = host.kind === "content" && host.speechVerb >= 0 && host.speechVerb < sv ? host.speechVerb : v.clauses.trailerSpeech;
    if (before >= 0 && before < sv && before !== sv) return speakerFromVerb(v, before);
    const main = firstVerbOf(v, cl, sv - 1);
    if (main >= 0 && main < sv - 1) {
      const subj = subjectBefore(v, main, v.clauses.of[main]);
      if (subj.length > 0) return { verb: sv, mentions: subj, first: sv, last: sv };
    }
  }
  const mentions = subjectBefore(v, sv, cl);
  if (mentions.length > 0) return { verb: sv, mentions, first: sv, last: sv };
  // Not an actor ("Relevant data show", "analysts said"): keep the words as the speaker.
  let first = sv;
  while (first > v.floor && v.clauses.of[first - 1] === cl && v.toks[first - 1].norm !== "," && sv - first < 8) first--;
  // "Some analysts have pointed out": the speaker is the noun phrase, without auxiliaries or adverbs.
  let last = sv - 1;
  while (last >= first && (v.toks[last].pos === "AUX" || v.toks[last].pos === "ADV" || v.toks[last].pos === "PART")) last--;
  // "There are reports that ...": an expletive is nobody.
  if (last < first || v.toks[first].norm === "there" || v.toks[first].norm === "it") return null;
  if (!v.toks.slice(first, last + 1).some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return null;
  return { verb: sv, mentions: [], first, last };
}

/* ------------------------------------------------------------------ building */

function buildEvent(ctx: DocContext, lex: Lexicon, v: SentenceView, r: Reading, previousConsult: Event | null): Event | null {
  const { toks, clauses } = v;
  const anchor = r.verb >= 0 ? r.verb : r.first;
  const cl = clauses.of[anchor];
  const speaker = speakerOf(v, anchor);
  let sources: number[] = [];
  let targets: number[] = [];
  let weaponMode: string | null = null;
  let demand = false;
  let demanded = false;
  /** The doer is the speaker, who is not named as an actor (a pronoun, or a name of no known country). */
  let bySpeaker = false;

  let mediated = false;
  if (r.noun) {
    // Noun triggers: "US drone strikes", "attacks by militias on US troops", "talks between X and Y".
    const n = r.first;
    if (v.mentionAt[n - 1] !== undefined && v.mentionAt[n - 1] >= 0) sources = [v.mentionAt[n - 1]];
    else if (n >= 2 && v.mentionAt[n - 2] >= 0 && toks[n - 1].pos !== "ADP" && toks[n - 1].pos !== "VERB") sources = [v.mentionAt[n - 2]];
    else if (n >= 2 && toks[n - 1].norm === "'s" && v.mentionAt[n - 2] >= 0) sources = [v.mentionAt[n - 2]];
    for (let j = r.last + 1; j < toks.length && j <= r.last + 8; j++) {
      const w = toks[j].norm;
      if (MEDIATE_FORM.test(w) && toks[j + 1]?.norm === "by") {
        mediated = true;
        break;
      }
      if (toks[j].pos === "VERB" || w === "," || w === ";") break;
      if (w === "between" || w === "among") {
        const m = firstMentionFrom(v, j + 1, j + 4);
        if (m >= 0) {
          const group = coordinated(v, firstTokenOf(v, m, j + 1), m, 1);
          // "between US forces in Iraq and Iraqi militias": the second party follows the next "and".
          if (group.length === 1) {
            for (let x = firstTokenOf(v, m, j + 1) + 1; x < toks.length && x <= j + 10; x++) {
              if (toks[x].norm === "," || toks[x].pos === "VERB") break;
              if (toks[x].norm === "and") {
                const m2 = firstMentionFrom(v, x + 1, x + 3);
                if (m2 >= 0 && m2 !== m) group.push(m2);
                break;
              }
            }
          }
          sources = group;
        }
        break;
      }
      if (w === "by" && sources.length === 0) {
        // "talks mediated by the African Union": the mediator is no party to the talks.
        if (MEDIATE_FORM.test(toks[j - 1]?.norm ?? "")) {
          mediated = true;
          break;
        }
        const m = firstMentionFrom(v, j + 1, j + 4);
        if (m >= 0) sources = [m];
      }
      if (TARGET_PREPS.has(w) || w === "of") {
        const m = firstMentionFrom(v, j + 1, j + 4);
        if (m >= 0 && !sources.includes(m)) {
          targets = coordinated(v, firstTokenOf(v, m, j + 1), m, 1);
          break;
        }
      }
    }
    // "The attack was carried out by Hamas", "the shelling had been launched by militants": a passive support verb's agent.
    if (sources.length === 0) {
      let j = r.last + 1;
      while (j < toks.length && j <= r.last + 4 && (toks[j].pos === "AUX" || toks[j].pos === "ADV" || toks[j].pos === "PART")) j++;
      if (j > r.last + 1 && j < toks.length && lex.lightVerbs.has(toks[j].lemma)) {
        let by = j + 1;
        while (by < toks.length && by <= j + 2 && toks[by].norm !== "by") by++;
        if (toks[by]?.norm === "by") {
          const m = firstMentionFrom(v, by + 1, by + 5);
          if (m >= 0) sources = coordinated(v, firstTokenOf(v, m, by + 1), m, 1);
        }
      }
    }
    // "Israel responded with airstrikes on Gaza", "retaliated with missile strikes": the verb's subject.
    if (sources.length === 0 && r.type === "ASSAULT") {
      let j = n - 1;
      while (j > 0 && (toks[j].pos === "DET" || toks[j].pos === "ADJ" || toks[j].pos === "NUM")) j--;
      if (toks[j]?.norm === "with" && j > 0 && toks[j - 1].pos === "VERB") sources = subjectBefore(v, j - 1, v.clauses.of[j - 1]);
    }
    // "claimed responsibility for a suicide bombing": the claimant.
    if (sources.length === 0 && r.type === "ASSAULT") {
      const c = claimAt(toks, Math.max(0, n - 8), n);
      if (c >= 0) sources = subjectBefore(v, c, v.clauses.of[c]);
    }
    // "Maduro's arrest", "Navalny's detention": a person before an arrest or killing noun undergoes it.
    const pre = sources.length === 1 ? v.mentions[sources[0]] : undefined;
    if (
      pre &&
      pre.kind === "person" &&
      (r.type === "COERCE" || r.type === "ASSAULT") &&
      toks[n - 1].norm === "'s" &&
      targets.length === 0
    ) {
      targets = sources;
      sources = [];
    }
    // "Zelenskiy asked Erdogan in a phone call to help": the call is between the verb's subject and its object.
    if (sources.length === 0 && targets.length === 0 && r.type === "CONSULT" && r.mode === "phone") {
      let j = n - 1;
      while (j > 0 && (toks[j].pos === "DET" || toks[j].pos === "ADJ" || toks[j].pos === "PRON")) j--;
      if ((toks[j]?.norm === "in" || toks[j]?.norm === "during") && j > 0) {
        const verb = firstVerbOf(v, v.clauses.of[j], j - 1);
        if (verb >= 0) {
          sources = subjectBefore(v, verb, v.clauses.of[verb]);
          // ("Zelenskiy said he had asked Erdogan in a phone call": a pronoun subject in reported speech is the speaker.)
          if (sources.length === 0) sources = speakerOf(v, verb)?.mentions ?? [];
          const m = firstMentionFrom(v, verb + 1, j - 1);
          if (m >= 0 && !sources.includes(m)) targets = [m];
        }
      }
    }
    if (
      sources.length === 0 &&
      targets.length === 0 &&
      !r.speechNoun &&
      !mediated &&
      !v.quantities.some((q) => q.role === "killed" || q.role === "injured")
    )
      return null;
  } else {
    const passive =
      isPassive(toks, anchor) ||
      reducedRelative(toks, anchor, clauses.of, v.mentionAt) ||
      (toks[anchor + 1]?.norm === "by" && toks[anchor - 1]?.pos === "NOUN" && toks[anchor].norm !== toks[anchor].lemma);
    const host = participleHost(v, anchor);
    const subj = host >= 0 ? subjectBefore(v, host, clauses.of[host]) : subjectBefore(v, anchor, cl);
    const skip = new Set(subj);
    const obj = objectAfter(v, r.last, cl, skip);
    if (passive) {
      sources = obj.by;
      targets = subj.length > 0 ? subj : againstBefore(v, anchor, cl);
      if (obj.by.length === 0 && obj.mentions.length > 0 && r.type === "ASSAULT") {
        // "was attacked ... by US drones" where the agent is outside the window: keep the first mention
      }
      weaponMode = weaponAfterBy(lex, v, anchor);
      if (sources.length === 0) sources = agentInEventNoun(lex, v, anchor, cl);
      // "22 people were killed and 300 injured in the violence, most of them by police gunfire": an agent with its weapon further on.
      if (sources.length === 0 && r.type === "ASSAULT") sources = armedAgentLater(lex, v, anchor);
      // "had been hit by fire from Russian air defences": the weapon's owner.
      if (sources.length === 0 && r.type === "ASSAULT") sources = weaponFrom(lex, v, anchor);
      // "police said 22 people were detained": security forces reporting arrests made them.
      if (sources.length === 0 && r.type === "COERCE" && speaker && speaker.mentions.length > 0) {
        const by = speaker.mentions.filter((m) => ["POL", "MIL", "GOV", "JUD"].includes(v.mentions[m].sector ?? ""));
        if (by.length > 0 && by.length === speaker.mentions.length) sources = by;
      }
      // "were killed in U.S. air strikes": the attack noun after the verb names the means.
      if (!weaponMode && r.type === "ASSAULT") weaponMode = meansAfter(lex, v, anchor, cl);
    } else {
      sources = subj;
      targets = obj.mentions;
      // "fired tear gas and live rounds at crowds in several cities": the target after the weapons.
      if (targets.length === 0 && r.type === "ASSAULT") targets = aimedAt(v, r.last, cl);
      // "A drone attack targeted coalition forces": the subject noun names the means.
      if (r.type === "ASSAULT" && !r.mode) weaponMode = meansBefore(lex, v, anchor, cl);
      // Pronoun subject in reported speech: "it will insist", "they will continue" -> the speaker.
      // ("The military said it had ended the siege, killing all 33 attackers": the participle's host's pronoun.)
      if (
        sources.length === 0 &&
        speaker &&
        speaker.mentions.length > 0 &&
        (pronounSubject(v, anchor, cl) || (host >= 0 && pronounSubject(v, host, clauses.of[host])))
      )
        sources = speaker.mentions;
      // "X said she would not step down and accused the government": a predicate coordinated with one whose subject
      // is a pronoun inside reported speech is the speaker's.
      if (sources.length === 0 && speaker && speaker.mentions.length > 0 && clauses.clauses[cl].kind === "coord") {
        const parent = clauses.clauses[cl].parent;
        const first = parent >= 0 ? firstVerbOf(v, parent, anchor - 1) : -1;
        if (first >= 0 && (pronounSubject(v, first, parent) || subjectBefore(v, first, parent).length === 0)) sources = speaker.mentions;
      }
    }
    const demanding =
      speaker !== null && speaker.mentions.length > 0 && DEMAND_SPEECH.has(toks[speaker.verb]?.lemma ?? "") && contentOrItsPredicate(v, cl);
    if ((obligation(toks, anchor, cl) || demanding) && speaker) {
      // "Russia said Sudan must return the helicopter": the speaker demands it of the subject.
      demand = true;
      targets = subj;
      sources = speaker.mentions;
    } else if (!demanding) {
      // "Aliyev demanded that Russia admit its guilt, punish those responsible and pay compensation": what is demanded.
      const by = demandingVerb(v, cl);
      if (by >= 0) {
        demand = true;
        demanded = true;
        targets = subj;
        sources = subjectBefore(v, by, clauses.of[by]);
      }
    }
    if (r.speakerSource && speaker && speaker.mentions.length > 0) {
      targets = subj.length > 0 ? subj : targets;
      sources = speaker.mentions;
    } else if (r.speakerSource && subj.length > 0 && clauses.clauses[cl].kind === "content") {
      // ("He also said India was behind the attacks": the one accused is India, whoever "he" is.)
      targets = subj;
      sources = [];
      bySpeaker = true;
    }
  }
  if (r.reverse) [sources, targets] = [targets, sources];
  // "Fighting between Thai and Cambodian troops spread": the parties follow "between", one side each.
  // ("The fighting erupted on Sunday between ...": a time may come first.)
  let btw = r.last + 1;
  while (btw < toks.length && btw <= r.last + 4 && (SPEECH_TIME_WORDS.has(toks[btw].norm) || toks[btw].pos === "ADV")) btw++;
  if (!r.noun && sources.length === 0 && (toks[btw]?.norm === "between" || toks[btw]?.norm === "among")) {
    const m = firstMentionFrom(v, btw + 1, btw + 4);
    if (m >= 0) {
      const group = coordinated(v, firstTokenOf(v, m, btw + 1), m, 1);
      sources = group.slice(0, 1);
      targets = group.slice(1);
    }
  }
  if (!r.noun && sources.length === 0) sources = documentAuthor(v, anchor, cl);
  // "rallied outside Georgia's parliament": the institution a protest gathers at is what it targets.
  if (r.type === "PROTEST" && targets.every((t) => v.mentions[t].country === null)) {
    for (let j = r.last + 1; j < toks.length && j <= r.last + 6 && toks[j].norm !== ","; j++) {
      if (!["outside", "at", "before", "near", "to"].includes(toks[j].norm)) continue;
      const m = firstMentionFrom(v, j + 1, j + 4);
      const sec = m >= 0 ? (v.mentions[m].sector ?? null) : null;
      // (Or a country's building: "outside Turkish visa offices", "to the French embassy".)
      const after = m >= 0 ? ctx.text.slice(v.mentions[m].end, v.mentions[m].end + 30) : "";
      const building = /^\s+(?:[a-z-]+\s+)?(?:embassy|consulate|offices?|mission|base|headquarters)\b/i.test(after);
      if (m >= 0 && ((sec !== null && ["GOV", "LEG", "JUD", "MIL", "POL"].includes(sec)) || (building && v.mentions[m].country)))
        targets = [m];
      break;
    }
  }
  // "recalled its envoy from Ankara", "withdrew troops from Mali": what one withdraws from is the target.
  if ((r.type === "SANCTION" || r.type === "RETREAT") && r.mode === "withdraw") {
    for (let j = r.last + 1; j < toks.length && j <= r.last + 8 && toks[j].norm !== ","; j++) {
      if (toks[j].norm !== "from") continue;
      const m = firstMentionFrom(v, j + 1, j + 3);
      if (m >= 0 && v.mentions[m].country) targets = [m];
      break;
    }
  }
  // "drills around Taiwan", "warships off Yemen": a show of force near a country is aimed at it.
  if (r.type === "MOBILIZE" && targets.length === 0) {
    for (let j = r.last + 1; j < toks.length && j <= r.last + 4; j++) {
      if (["around", "near", "off", "encircling", "surrounding"].includes(toks[j].norm) && v.mentionAt[j + 1] >= 0) {
        targets = [v.mentionAt[j + 1]];
        break;
      }
    }
  }
  // "alleged that France was aware": the accused is the complement's subject.
  if (r.type === "ACCUSE" && targets.length === 0 && toks[anchor + 1]?.norm === "that") {
    const m = firstMentionFrom(v, anchor + 2, anchor + 6);
    if (m >= 0) targets = [m];
  }

  let srcRefs = uniqueActors(ctx, v, sources);
  // A bare default verb code needs an actor doing it ("came", "heads", "enjoyed" are too vague alone).
  if (r.isDefault && srcRefs.length === 0 && /^0[3-8]/.test(r.cameo ?? "")) return null;
  let tgtRefs = uniqueActors(ctx, v, targets).filter((t) => !srcRefs.some((s) => s.start === t.start));
  // Symmetric events with coordinated subjects and no object: each is the other's counterpart
  // ("Russia and Ukraine swapped 390 prisoners": an exchange is mutual whatever its object).
  const exchange = EXCHANGE.has(toks[anchor]?.lemma ?? "");
  if ((lex.symmetric.has(r.type) || exchange) && srcRefs.length > 1 && (exchange || !withObject(v, r.last)))
    tgtRefs = [...srcRefs.slice(1), srcRefs[0]];
  // "Petraeus held talks with President Suleiman": talks with someone go both ways.
  // (Talks named by a noun; "met with" keeps its direction.)
  else if (
    r.type === "CONSULT" &&
    r.mode !== "visit" &&
    r.rule.startsWith("support-verb-") &&
    srcRefs.length === 1 &&
    tgtRefs.length === 1 &&
    withObject(v, r.last)
  ) {
    const [a] = srcRefs;
    const [b] = tgtRefs;
    srcRefs = [a, b];
    tgtRefs = [b, a];
  }
  // "rejected a call by France, Germany and Britain": the rejected proposal's authors are the target; so are the doers
  // in a verdict ("denounced as a provocation by Washington").
  if ((r.type === "REJECT" || r.type === "ACCUSE") && !tgtRefs.some((t) => t.country !== null)) {
    for (let j = r.last + 1; j < toks.length && j <= r.last + 6 && toks[j].norm !== ","; j++) {
      if ((!PROPOSALS.has(toks[j].lemma) && !VERDICTS.has(toks[j].lemma)) || (toks[j + 1]?.norm !== "by" && toks[j + 1]?.norm !== "from"))
        continue;
      const m = firstMentionFrom(v, j + 2, j + 5);
      if (m >= 0) tgtRefs = uniqueActors(ctx, v, coordinated(v, firstTokenOf(v, m, j + 2), m, 1));
      break;
    }
  }
  // "The Guards warned that any Israeli response would be met with attacks": a warning is aimed at the other country named
  // in what it says.
  if (r.type === "THREATEN" && r.verb >= 0 && !tgtRefs.some((t) => t.country !== null) && srcRefs.length > 0) {
    const own = new Set(srcRefs.map((x) => x.country));
    for (let j = r.last + 1; j < toks.length && j <= r.last + 14 && toks[j].norm !== ";"; j++) {
      const m = v.mentionAt[j];
      if (m < 0 || v.clauses.of[j] === cl) continue;
      const x = v.mentions[m];
      if (x.country && !own.has(x.country) && x.sector !== "IGO") {
        tgtRefs = uniqueActors(ctx, v, [m]);
        break;
      }
    }
  }
  // "The joint statement issued after the meeting": participants of the meeting just reported.
  if (srcRefs.length === 0 && previousConsult && (r.type === "AGREE" || r.type === "CONSULT") && v.cues.meeting) {
    srcRefs = [...previousConsult.sources];
    tgtRefs = [...previousConsult.targets];
  }

  const triggerStart = toks[r.first].start;
  const triggerEnd = toks[r.last].end;

  const date = eventDate(ctx, v, anchor, cl, speaker?.verb ?? -1);
  let modality = modalityOf(lex, v, r, anchor, cl);
  // "X claimed that Y attacked": a claim is reported, not asserted by the writer.
  if (modality === "asserted" && speaker && CLAIM_VERBS.has(toks[speaker.verb]?.lemma ?? "") && clauses.clauses[cl].kind === "content")
    modality = "reported";
  let type = r.type;
  let mode = weaponMode && type === "ASSAULT" && !r.mode ? weaponMode : r.mode;
  let cameo = r.cameo;
  let context = r.context;
  // "would stop training and supporting Iraqi forces": ending support or cooperation reduces relations (CAMEO 16).
  if ((type === "SUPPORT" || type === "AID" || type === "COOPERATE") && ceased(toks, anchor)) {
    const code = type === "AID" ? (context === "military" ? "1622" : "162") : type === "SUPPORT" ? "160" : "162";
    const info = lex.cameo.get(code);
    type = "SANCTION";
    mode = info?.mode ?? "discontinue";
    context = info?.context ?? null;
    cameo = code;
  }
  // "400 Kenyan police officers arrived in Haiti": forces arriving somewhere are deployed, not visiting.
  if (type === "CONSULT" && mode === "visit" && srcRefs.length > 0 && srcRefs.every(armedForce)) {
    type = "MOBILIZE";
    mode = "troops";
    cameo = "152";
    context = "military";
  }
  // A declared intention to use force is a threat: "said it will continue to attack US bases".
  if (type === "ASSAULT" && (modality === "future" || modality === "planned")) {
    type = "THREATEN";
    mode = "violence";
    cameo = "138";
    context = "military";
    modality = "future";
  }
  if (type === "THREATEN" && modality === "asserted" && r.rule === "threat-of-violence") modality = "future";
  // "will supply arms to Israel" is the act foretold; "wants to help", "announced it would free" state an intention.
  const intended =
    (modality === "future" || modality === "planned") &&
    (speaker !== null || statedIntention(lex, v, anchor, cl) || spokenOf(lex, v, anchor));
  if (demand) {
    type = "REQUEST";
    mode = "change";
    cameo = "100";
    context = null;
    modality = "asserted";
  } else if (intended && (type === "COERCE" || type === "SANCTION" || (type === "PROTEST" && mode === "boycott"))) {
    // Announcing a sanction or restriction to come is a threat of it.
    cameo = type === "SANCTION" ? "131" : type === "PROTEST" ? "133" : "132";
    type = "THREATEN";
    mode = mode === "curfew" || mode === "restrict" ? "restrict" : mode === "ban" ? "ban" : "relations";
  } else if (intended && type === "RETREAT" && mode !== "withdraw" && mode !== "resign") {
    // "will free 150 prisoners", "will return weapons": a promise to yield (a stated withdrawal stays RETREAT, future).
    cameo = mode === "release" ? "0353" : "035";
    type = "AGREE";
    mode = null;
  } else if (intended && INTENT_CAMEO[type] !== undefined && (type !== "CONSULT" || speaker || clauses.clauses[cl].kind === "content")) {
    // A stated intention to cooperate, help or meet is an AGREE (PLOVER: "indicate willingness").
    cameo = INTENT_CAMEO[type] ?? "030";
    type = "AGREE";
    mode = null;
  } else if (modality === "negated" && INTENT_CAMEO[type] !== undefined) {
    // "will not accept refugees", "would not meet the demands": a refusal that happened.
    cameo = "120";
    type = "REJECT";
    mode = null;
    modality = "asserted";
  }
  const historical = isHistorical(ctx.published, date, v.cues.lookback);
  const place = eventPlace(v, cl, anchor);
  const counts = countsOf(ctx, v, type, cl);
  let confidence = r.base;
  // Background clauses ("..., which had insisted", "after the strike") report less certainly than the main one.
  const kind = clauses.clauses[cl].kind;
  if (kind === "relative" || kind === "sub") confidence -= 0.1;
  if (srcRefs.length === 0) confidence -= 0.2;
  if (tgtRefs.length === 0) confidence -= 0.1;
  if (modality === "hypothetical") confidence -= 0.2;
  if (modality === "reported") confidence -= 0.1;
  if (date?.basis === "publication") confidence -= 0.05;
  // "Police fired tear gas" in a Bamako story: the country was inferred from the article, not read (actors' agent-focus rules).
  if (v.mentions.some((m) => /-focus(?:-military)?$/.test(m.rule) && [...srcRefs, ...tgtRefs].some((x) => x.start === m.start)))
    confidence -= 0.1;
  confidence = Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
  const attribution = speaker ? attributionOf(ctx, v, speaker) : null;
  const sentenceText = ctx.text.slice(v.s.start, v.s.end);
  return {
    id: `ev-${v.s.index}-${triggerStart}`,
    type,
    mode,
    context,
    cameo,
    acled: acledOf(lex, type, mode),
    date: pastDate(ctx, date, modality, () => (speaker ? eventDate(ctx, v, speaker.verb, clauses.of[speaker.verb], -1) : null)),
    sources: srcRefs,
    targets: tgtRefs,
    place,
    killed: counts.killed ?? singleVictim(ctx, v, r, type, tgtRefs),
    injured: counts.injured,
    quantities: counts.others,
    modality,
    historical,
    attribution,
    confidence,
    trigger: { start: triggerStart, end: triggerEnd, text: ctx.text.slice(triggerStart, triggerEnd) },
    evidence: { sentence: v.s.index, start: v.s.start, end: v.s.end, text: sentenceText },
    rule: `${EVENTS_STAGE}:${r.rule}${demanded ? "+demanded" : ""}${bySpeaker ? "+by-speaker" : ""}`,
  };
}

/** "held talks with X": the counterpart of a symmetric event is named after "with". */
const DOCUMENT_NOUNS = new Set(["report", "statement", "study", "inquiry", "investigation", "communique", "document", "letter", "dossier"]);

/**
 * "A report released in the Rwandan capital alleged", "a statement from the Iraqi government said": a document
 * speaks for the one actor named in the noun phrase before the verb.
 */
function documentAuthor(v: SentenceView, k: number, cl: number): number[] {
  let head = -1;
  const found: number[] = [];
  for (let j = k - 1; j >= 0 && j >= k - 12 && v.clauses.of[j] === cl; j--) {
    const t = v.toks[j];
    if (t.norm === "," || (t.pos === "VERB" && j < k - 1 && !t.norm.endsWith("ed"))) break;
    if (v.mentionAt[j] >= 0 && !found.includes(v.mentionAt[j])) found.push(v.mentionAt[j]);
    if (t.pos === "NOUN" && DOCUMENT_NOUNS.has(t.lemma)) head = j;
  }
  if (head < 0) return [];
  const after = found.filter((m) => v.mentions[m].start > v.toks[head].start);
  return after.length === 1 ? after : [];
}

const FORCE_NOUN =
  /\b(?:troops|soldiers|forces|officers|police|policemen|marines|peacekeepers|paratroopers|contingent|battalions?|units|warships|fighter jets)\b/i;

/** Soldiers, police or a force, by sector or by the words of the mention. */
function armedForce(a: ActorRef): boolean {
  return a.sector === "MIL" || a.sector === "POL" || FORCE_NOUN.test(a.text);
}

/**
 * ", seeking to mend ties", ", vowing to retaliate": a participial phrase after a comma shares the subject of the
 * clause's finite verb; returns that verb's local index, or -1.
 */
function participleHost(v: SentenceView, k: number): number {
  const { toks } = v;
  for (let j = k; j >= 1 && j >= k - 3; j--) {
    const t = toks[j];
    if (t.pos === "VERB" && t.norm.endsWith("ing") && toks[j - 1].norm === ",") {
      // The nearest finite verb before the comma ("Sarkozy heads to Beijing ..., seeking").
      for (let x = j - 2; x >= 0 && x >= j - 25; x--) {
        const u = toks[x];
        if (u.pos === "VERB" && !u.norm.endsWith("ing") && !(u.norm !== u.lemma && toks[x - 1]?.pos === "NOUN" && u.norm.endsWith("ed")))
          return x;
      }
      return -1;
    }
    if (j < k && t.norm !== "to" && !(t.pos === "VERB" && t.norm.endsWith("ing"))) return -1;
  }
  return -1;
}

/** A subordinator at j with its own finite verb a few words on ("after the army withdrew"), not "after midnight". */
function opensClause(toks: readonly Token[], j: number): boolean {
  for (let x = j + 1; x < toks.length && x <= j + 5; x++) {
    if (toks[x].norm === "," || toks[x].norm === ";") return false;
    if (toks[x].pos === "AUX" || (toks[x].pos === "VERB" && !toks[x].norm.endsWith("ing"))) return true;
  }
  return false;
}

/** "Evidence against Russia was presented": the target named inside a passive subject. */
/** Words of a short time phrase ("on Sunday", "late on Tuesday", "overnight"). */
const SPEECH_TIME_WORDS = new Set(
  "on late early overnight yesterday today tonight this last week morning evening afternoon night monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);

function againstBefore(v: SentenceView, k: number, cl: number): number[] {
  for (let j = k - 1; j > 0 && j >= k - 8 && v.clauses.of[j] === cl; j--) {
    const m = v.mentionAt[j];
    if (m >= 0 && v.mentionAt[j - 1] !== m && ["against", "on", "at"].includes(v.toks[j - 1].norm)) return [m];
  }
  return [];
}

function withObject(v: SentenceView, last: number): boolean {
  for (let j = last + 1; j < v.toks.length && j <= last + 6; j++) {
    if (v.toks[j].norm === "with") return true;
    if (v.toks[j].pos === "VERB" || v.toks[j].norm === ",") return false;
  }
  return false;
}

function firstMentionFrom(v: SentenceView, from: number, to: number): number {
  for (let j = from; j < v.toks.length && j <= to; j++) if (v.mentionAt[j] >= 0) return v.mentionAt[j];
  return -1;
}

function firstTokenOf(v: SentenceView, m: number, from: number): number {
  let j = from;
  while (j < v.toks.length && v.mentionAt[j] !== m) j++;
  return j;
}

function pronounSubject(v: SentenceView, k: number, cl: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 5 && v.clauses.of[j] === cl; j--) if (SUBJECT_PRONOUNS.has(v.toks[j].norm)) return true;
  return false;
}

/** "were killed in Israeli tank shelling": the actor named on the attack noun is the agent. */
function agentInEventNoun(lex: Lexicon, v: SentenceView, k: number, cl: number): number[] {
  const { toks, mentionAt } = v;
  for (let j = k + 1; j < toks.length && j <= k + 4; j++) {
    if (v.clauses.of[j] !== cl || toks[j].norm === ",") break;
    if (toks[j].norm !== "in" && toks[j].norm !== "during" && toks[j].norm !== "by") continue;
    // "killed in clashes between protesters and security forces": the parties to the fighting.
    for (let z = j + 1; z < toks.length && z <= j + 3; z++) {
      const hit = nounAt(lex, toks, z, toks.length);
      if (!hit || hit.entry.type !== "ASSAULT") continue;
      const b = z + hit.len;
      // ("killed in clashes with the rebels": the other party is who killed them.)
      if (toks[b]?.norm === "with") {
        const m = firstMentionFrom(v, b + 1, b + 4);
        return m >= 0 ? [m] : [];
      }
      if (toks[b]?.norm !== "between" && toks[b]?.norm !== "among") break;
      const m = firstMentionFrom(v, b + 1, b + 4);
      if (m < 0) break;
      // ("..., police and doctors said": the list ends where a conjunct starts a clause of its own.)
      const group = coordinated(v, firstTokenOf(v, m, b + 1), m, 1);
      const out: number[] = [];
      for (const g of group) {
        let x = firstTokenOf(v, g, b + 1);
        let verb = false;
        for (; x < toks.length && toks[x].norm !== "," && toks[x].norm !== "."; x++)
          if (toks[x].pos === "VERB" || toks[x].pos === "AUX") verb = true;
        if (verb && out.length > 0) break;
        out.push(g);
      }
      return out;
    }
    for (let x = j + 1; x < toks.length && x <= j + 4; x++) {
      if (mentionAt[x] < 0) continue;
      const m = mentionAt[x];
      let y = x;
      while (y + 1 < toks.length && mentionAt[y + 1] === m) y++;
      for (let z = y + 1; z < toks.length && z <= y + 3; z++) {
        const hit = nounAt(lex, toks, z, toks.length);
        if (hit && (hit.entry.type === "ASSAULT" || hit.entry.weapon)) return [m];
      }
      return [];
    }
  }
  return [];
}

function meansAfter(lex: Lexicon, v: SentenceView, k: number, cl: number): string | null {
  for (let j = k + 1; j < v.toks.length && j <= k + 7 && v.clauses.of[j] === cl; j++) {
    if (v.toks[j].norm === ",") break;
    const hit = nounAt(lex, v.toks, j, v.toks.length);
    if (hit && (hit.entry.type === "ASSAULT" || hit.entry.weapon) && hit.entry.mode) return hit.entry.mode;
  }
  return null;
}

function meansBefore(lex: Lexicon, v: SentenceView, k: number, cl: number): string | null {
  for (let j = k - 1; j >= 0 && j >= k - 5 && v.clauses.of[j] === cl; j--) {
    const hit = nounAt(lex, v.toks, j, v.toks.length);
    if (hit && hit.entry.type === "ASSAULT" && hit.entry.mode) return hit.entry.mode;
  }
  return null;
}

/** "fired water cannon and tear gas at protesters": "at/on/against" + an actor after the verb's object, in its clause. */
function aimedAt(v: SentenceView, last: number, cl: number): number[] {
  const { toks } = v;
  for (let j = last + 1; j < toks.length && j <= last + 10 && v.clauses.of[j] === cl; j++) {
    const t = toks[j];
    if (t.norm === "," || t.pos === "VERB" || t.pos === "AUX") return [];
    if (t.norm !== "at" && t.norm !== "on" && t.norm !== "against") continue;
    let x = j + 1;
    while (x < toks.length && (toks[x].pos === "DET" || toks[x].pos === "ADJ" || toks[x].pos === "NUM")) x++;
    const m = v.mentionAt[x] ?? -1;
    return m >= 0 && v.mentions[m].kind !== "unknown" ? coordinated(v, x, m, 1) : [];
  }
  return [];
}

/** "..., most of them by police gunfire": "by" + an actor + a weapon noun later in the sentence, with no finite verb between. */
function armedAgentLater(lex: Lexicon, v: SentenceView, k: number): number[] {
  const { toks } = v;
  for (let j = k + 1; j < toks.length && j <= k + 25; j++) {
    const t = toks[j];
    if (t.pos === "AUX" || (t.pos === "VERB" && t.norm === t.lemma)) return [];
    if (t.norm !== "by") continue;
    let x = j + 1;
    while (x < toks.length && (toks[x].pos === "DET" || toks[x].pos === "ADJ")) x++;
    const m = v.mentionAt[x] ?? -1;
    if (m < 0) continue;
    let after = x;
    while (after < toks.length && v.mentionAt[after] === m) after++;
    const hit = after < toks.length ? nounAt(lex, toks, after, toks.length) : null;
    if (hit?.entry.weapon) return [m];
  }
  return [];
}

/** "hit by fire from Russian air defences", "killed by a missile from Iran": "by" + a weapon + "from" + an actor. */
function weaponFrom(lex: Lexicon, v: SentenceView, k: number): number[] {
  const { toks } = v;
  for (let j = k + 1; j < toks.length && j <= k + 4; j++) {
    if (toks[j].norm !== "by") continue;
    let x = j + 1;
    while (x < toks.length && (toks[x].pos === "DET" || toks[x].pos === "ADJ")) x++;
    const hit = x < toks.length ? nounAt(lex, toks, x, toks.length) : null;
    const len = hit?.entry.weapon ? hit.len : toks[x]?.norm === "fire" ? 1 : 0;
    if (len === 0 || toks[x + len]?.norm !== "from") return [];
    const m = firstMentionFrom(v, x + len + 1, x + len + 4);
    return m >= 0 ? [m] : [];
  }
  return [];
}

function weaponAfterBy(lex: Lexicon, v: SentenceView, k: number): string | null {
  const { toks } = v;
  for (let j = k + 1; j < toks.length && j <= k + 6; j++) {
    if (toks[j].norm !== "by") continue;
    for (let x = j + 1; x < toks.length && x <= j + 4; x++) {
      const hit = nounAt(lex, toks, x, toks.length);
      if (hit) return hit.entry.mode;
    }
  }
  return null;
}

function uniqueActors(ctx: DocContext, v: SentenceView, idx: readonly number[]): ActorRef[] {
  const out: ActorRef[] = [];
  const seen = new Set<number>();
  for (const i of idx) {
    if (i < 0 || seen.has(i)) continue;
    seen.add(i);
    out.push(actorOf(ctx, v.mentions[i]));
  }
  return out;
}

/** Local index of the first token that ends after `offset` (binary search). */
function tokenOfOffset(v: SentenceView, offset: number): number {
  let lo = 0;
  let hi = v.toks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.toks[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** "the October election", "the 2020 agreement": a date naming a thing, not when this event happened. */
function nounModifier(v: SentenceView, t: TimeExpression): boolean {
  const first = tokenOfOffset(v, t.start);
  let last = first;
  while (last + 1 < v.toks.length && v.toks[last + 1].end <= t.end) last++;
  const before = v.toks[first - 1];
  const after = v.toks[last + 1];
  return before?.pos === "DET" && before.norm !== "this" && before.norm !== "that" && after !== undefined && after.pos === "NOUN";
}

function eventDate(ctx: DocContext, v: SentenceView, anchor: number, cl: number, speechVerb: number): EventDate | null {
  const dated = v.times.filter(
    (t) => (t.type === "date" || t.type === "time") && /^\d{4}/.test(t.value) && t.start >= ctx.datelineEnd && !nounModifier(v, t),
  );
  let best: TimeExpression | null = null;
  let bestDist = Infinity;
  const speechClause = speechVerb >= 0 ? v.clauses.of[speechVerb] : -2;
  let governing: TimeExpression | null = null;
  let any: TimeExpression | null = null;
  for (const t of dated) {
    const j = tokenOfOffset(v, t.start);
    const tc = v.clauses.of[j];
    if (tc === cl) {
      const d = Math.abs(j - anchor);
      if (d < bestDist) {
        best = t;
        bestDist = d;
      }
    } else if (tc === speechClause) governing ??= t;
    else any ??= t;
  }
  // An event's date is a calendar date: a time of day ("Friday night" -> 2024-02-02TNI) keeps its day.
  const toDate = (t: TimeExpression, basis: EventDate["basis"]): EventDate => {
    const hasTime = t.value.includes("T");
    const value = hasTime ? t.value.slice(0, t.value.indexOf("T")) : t.value;
    const precision = hasTime && (t.precision === "hour" || t.precision === "minute" || t.precision === null) ? "day" : t.precision;
    return t.modifier ? { value, precision, basis, modifier: t.modifier } : { value, precision, basis };
  };
  if (best) return toDate(best, "explicit");
  if (governing) return toDate(governing, "governing");
  // A date in a clause this one depends on, or anywhere in the sentence.
  let c = v.clauses.clauses[cl];
  while (c && c.parent >= 0) {
    const parent = c.parent;
    const inParent = dated.find((t) => v.clauses.of[tokenOfOffset(v, t.start)] === parent);
    if (inParent) return toDate(inParent, "governing");
    c = v.clauses.clauses[parent];
  }
  if (any) return toDate(any, "sentence");
  if (ctx.published) return { value: ctx.published, precision: "day", basis: "publication" };
  return null;
}

/** Latest day an ISO-like time value can mean ("2020" -> 2020-12-31), as epoch ms; null when unknown. */
/**
 * "Iran and the US held talks on Saturday and agreed to meet again next week": what happened cannot be dated after the
 * article; a later time names the act agreed on, so the event keeps the publication day.
 */
function pastDate(
  ctx: DocContext,
  date: EventDate | null,
  modality: Event["modality"],
  speechDate: () => EventDate | null,
): EventDate | null {
  if (!date || !ctx.published || (modality !== "asserted" && modality !== "reported")) return date;
  const published = Date.parse(`${ctx.published}T00:00:00Z`);
  const future = (d: EventDate) => {
    const start = earliestDay(d.value);
    return start !== null && start > published;
  };
  if (!future(date)) return date;
  // ("announced on Thursday that his government was suspending the talks until 2028": the day it was said.)
  const said = speechDate();
  if (said && said.basis !== "publication" && !future(said)) return { ...said, basis: "governing" };
  return { value: ctx.published, precision: "day", basis: "publication" };
}

/** Earliest day an ISO-like time value can mean ("2025-W16" -> its Monday), as epoch ms; null when unknown. */
function earliestDay(value: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
  if (m[2]) return Date.UTC(y, Number(m[2]) - 1, 1);
  const rest = value.slice(4);
  const q = /^-Q(\d)/.exec(rest);
  if (q) return Date.UTC(y, (Number(q[1]) - 1) * 3, 1);
  const w = /^-W(\d{2})/.exec(rest);
  if (w) {
    // ISO week 1 holds January 4; its Monday starts the count.
    const jan4 = Date.UTC(y, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    return monday + (Number(w[1]) - 1) * 7 * DAY_MS;
  }
  return Date.UTC(y, 0, 1);
}

export function latestDay(value: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
  if (m[2]) return Date.UTC(y, Number(m[2]), 0);
  const rest = value.slice(4);
  const q = /^-Q(\d)/.exec(rest);
  if (q) return Date.UTC(y, Number(q[1]) * 3, 0);
  const w = /^-W(\d{2})/.exec(rest);
  if (w) return Date.UTC(y, 0, 1) + Number(w[1]) * 7 * DAY_MS;
  return Date.UTC(y, 11, 31);
}

function isHistorical(published: string | null, date: EventDate | null, lookback: boolean): boolean {
  if (published && date && date.basis !== "publication" && date.modifier !== "since") {
    const end = latestDay(date.value);
    const pub = latestDay(published);
    if (end !== null && pub !== null && pub - end > 183 * DAY_MS) return true;
  }
  // "as early as 2020", "years ago": the text itself looks back.
  return lookback && (date?.basis !== "explicit" || date.modifier !== "since");
}

const BARE_FUTURE = new Set(["will", "would", "shall", "'ll", "wo", "be", "to"]);

/** A future word before the verb that is more than the plain future tense ("wants to", "plans to", "pledged to"). */
function statedIntention(lex: Lexicon, v: SentenceView, anchor: number, cl: number): boolean {
  for (let j = anchor - 1; j >= 0 && j >= anchor - 7 && v.clauses.of[j] === cl; j--) {
    const w = v.toks[j].norm;
    if (lex.future.has(w) && !BARE_FUTURE.has(w)) return true;
  }
  return false;
}

/** Does a speech verb report this verb ("said on Friday they would", "..., the minister said")? */
function spokenOf(lex: Lexicon, v: SentenceView, anchor: number): boolean {
  if (v.clauses.trailerSpeech > anchor) return true;
  for (let j = anchor - 1; j >= 0; j--) if (v.toks[j].pos === "VERB" && lex.speechVerbs.has(v.toks[j].lemma)) return true;
  return false;
}

function modalityOf(lex: Lexicon, v: SentenceView, r: Reading, anchor: number, cl: number): Modality {
  const { toks, clauses } = v;
  let negated = false;
  let hypothetical = false;
  let future = false;
  let planned = false;
  for (let j = anchor - 1; j >= 0 && j >= anchor - 7; j--) {
    const jc = clauses.of[j];
    if (jc !== cl && clauses.clauses[cl].parent !== jc) break;
    const t = toks[j];
    if (t.norm === "," && jc !== cl) break;
    const w = t.norm;
    // "NEW DELHI, May 7 --", "in May last year": the month, not the modal.
    if (t.text === "May" && (j > 0 || /^\d/.test(toks[j + 1]?.text ?? ""))) continue;
    // ("About 30 fighters set fire": "about" is future only in "about to".)
    if (w === "about" && toks[j + 1]?.norm !== "to") continue;
    if (lex.negation.has(w) && (anchor - j <= 4 || w === "no")) negated = true;
    if (lex.hypothetical.has(w)) hypothetical = true;
    if (lex.future.has(w)) {
      if (
        w === "plan" ||
        w === "plans" ||
        w === "planned" ||
        w === "planning" ||
        w === "intend" ||
        w === "intends" ||
        w === "intended" ||
        w === "scheduled"
      )
        planned = true;
      else if (w !== "set" || toks[j + 1]?.norm === "to") future = true;
    }
  }
  if (r.noun && anchor > 0 && toks[anchor - 1].norm === "no") negated = true;
  // "fight on until it is defeated", "until they withdraw": a goal, not a happening (a past "until the army withdrew" is one).
  for (let j = anchor - 1; j >= 0 && j >= anchor - 5; j--) {
    if (toks[j].norm !== "until") continue;
    const present = (w: Token) => ["is", "are", "has", "have", "'s"].includes(w.norm) || (w.pos === "VERB" && w.norm === w.lemma);
    if (toks.slice(j + 1, anchor + 1).some(present)) hypothetical = true;
  }
  // "she hoped the officials would be indicted", "fears that the army may attack": the content of a wish or fear.
  const c = clauses.clauses[cl];
  if (c.kind === "content" && c.speechVerb >= 0 && lex.hypothetical.has(toks[c.speechVerb].lemma)) hypothetical = true;
  if (negated) return "negated";
  if (hypothetical) return "hypothetical";
  if (planned) return "planned";
  if (future) return "future";
  // "There are reports that", "according to reports", "reportedly"
  if (v.cues.reported) return "reported";
  return "asserted";
}

function eventPlace(v: SentenceView, cl: number, anchor: number): EventPlace | null {
  if (v.places.length === 0) return null;
  let best: Place | null = null;
  let bestScore = -Infinity;
  for (const p of v.places) {
    const j = tokenOfOffset(v, p.start);
    const prev = j > 0 ? v.toks[j - 1].norm : "";
    const prev2 = j > 1 ? v.toks[j - 2].norm : "";
    let score = 0;
    if (v.clauses.of[j] === cl) score += 4;
    if (["in", "at", "near", "outside", "inside", "around"].includes(prev) || ["in", "at", "near"].includes(prev2)) score += 2;
    if (p.precision !== "country") score += 1;
    score -= Math.abs(j - anchor) / 100;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  if (!best) return null;
  const out: EventPlace = {
    id: best.id,
    name: best.name,
    country: best.country,
    lat: best.lat,
    lon: best.lon,
    precision: best.precision,
    start: best.start,
    end: best.end,
    ...(best.relation ? { relation: best.relation } : {}),
  };
  return out;
}

const CASUALTY_TYPES = new Set<PloverType>(["ASSAULT", "COERCE", "PROTEST"]);

function countsOf(
  ctx: DocContext,
  v: SentenceView,
  type: PloverType,
  cl: number,
): { killed: Count | null; injured: Count | null; others: Quantity[] } {
  const lastEnd = new Map<Count, number>();
  let killed: Count | null = null;
  let injured: Count | null = null;
  const others: Quantity[] = [];
  const count = (q: Quantity): Count =>
    q.max !== undefined ? { value: q.value, max: q.max, qualifier: q.qualifier } : { value: q.value, qualifier: q.qualifier };
  for (const q of v.quantities) {
    // An attack's casualties may be anywhere in its sentence; an arrest's or a protest's only in its own clause.
    const casualty = CASUALTY_TYPES.has(type) && (type === "ASSAULT" || v.clauses.of[tokenOfOffset(v, q.start)] === cl);
    // "11 civilians and one soldier were killed": coordinated counts of one toll add up.
    const add = (c: Count | null): Count => {
      const next = count(q);
      if (!c) return next;
      const between = ctx.text.slice(lastEnd.get(c) ?? 0, q.start);
      return /^\s*[a-z -]{0,30}\band\s*$/i.test(between) && c.max === undefined && next.max === undefined
        ? { value: c.value + next.value, qualifier: c.qualifier }
        : c;
    };
    if (q.role === "killed" && casualty) {
      killed = add(killed);
      lastEnd.set(killed, q.end);
    } else if (q.role === "injured" && casualty) {
      injured = add(injured);
      lastEnd.set(injured, q.end);
    } else if (q.role !== "killed" && q.role !== "injured") {
      const j = tokenOfOffset(v, q.start);
      if (v.clauses.of[j] === cl || type === "ASSAULT" || type === "RETREAT" || type === "MOBILIZE") others.push(q);
    }
  }
  return { killed, injured, others };
}

/** "A Palestinian man was killed by falling debris", "killing a soldier": one victim named by "a/an" is a toll of one. */
function singleVictim(ctx: DocContext, v: SentenceView, r: Reading, type: PloverType, targets: readonly ActorRef[]): Count | null {
  if (type !== "ASSAULT" || targets.length !== 1 || r.verb < 0 || v.toks[r.verb].lemma !== "kill") return null;
  const t = targets[0];
  if (/s$/i.test(t.text)) return null;
  return /\b(?:an?|one)\s+$/i.test(ctx.text.slice(Math.max(0, t.start - 4), t.start)) ? { value: 1, qualifier: "exact" } : null;
}

function attributionOf(ctx: DocContext, v: SentenceView, sp: { mentions: number[]; first: number; last: number }): Attribution | null {
  if (sp.mentions.length > 0) {
    const m = v.mentions[sp.mentions[0]];
    const e = m.entityId ? ctx.entities.get(m.entityId) : undefined;
    return { start: m.start, end: m.end, name: e?.name ?? m.text, entityId: m.entityId ?? null, text: m.text };
  }
  if (sp.last < sp.first) return null;
  const start = v.toks[sp.first].start;
  const end = v.toks[sp.last].end;
  const text = ctx.text.slice(start, end);
  return { start, end, name: text, entityId: null, text };
}

function acledOf(lex: Lexicon, type: PloverType, mode: string | null): string | null {
  for (const r of lex.acled) {
    if (r.type !== type) continue;
    if (r.modes && (!mode || !r.modes.includes(mode))) continue;
    return r.acled;
  }
  return null;
}

/* ------------------------------------------------------------------ merging */

/**
 * One event per happening in a sentence: a participle that reports casualties of an
 * attack ("..., killing three people") folds into that attack, and a noun trigger of
 * the same type as a verb trigger in its clause ("the airstrike killed") folds into
 * the verb's event.
 */
function mergeSentence(events: Event[], v: SentenceView): Event[] {
  const out: Event[] = [];
  /** Index in `out` of the last event of each type. */
  const lastOfType = new Map<string, number>();
  for (const e of events) {
    const prevAt = lastOfType.get(e.type);
    const prev = prevAt !== undefined ? out[prevAt] : undefined;
    // "launched a dialogue to discuss ...": a purpose infinitive of the same kind is the same event.
    const k0 = localIndexAt(v, e.trigger.start);
    if (prev && k0 > 0 && v.toks[k0 - 1].norm === "to" && prev.trigger.end <= e.trigger.start) continue;
    // "met his Chinese counterpart to discuss military cooperation": the agenda of a meeting is not a further event.
    const meeting = out.find((o) => o.type === "CONSULT" && o.trigger.end <= e.trigger.start);
    if (meeting && k0 > 1 && v.toks[k0 - 1].norm === "to" && AGENDA.has(v.toks[k0].lemma)) continue;
    // "agreed to a ceasefire", "signed a truce": the agreed thing is the agreement's content, not a second event.
    const agreement = out.find((o) => o.type === "AGREE" && !o.rule.includes(":noun-") && o.trigger.end <= e.trigger.start);
    if (agreement && e.rule.includes(":noun-") && objectOf(v, agreement, e)) continue;
    // "insisted that the militias stop": the demand read from the complement replaces the bare "insisted".
    if (prev && e.type === "REQUEST" && k0 >= 0) {
      const c = v.clauses.clauses[v.clauses.of[k0]];
      if (c.kind === "content" && c.speechVerb >= 0 && v.toks[c.speechVerb].start === prev.trigger.start) {
        out[prevAt!] = e;
        continue;
      }
    }
    const t = k0 >= 0 ? v.toks[k0] : undefined;
    const before = k0 > 0 ? v.toks[k0 - 1] : undefined;
    const isParticiple =
      t !== undefined && t.norm.endsWith("ing") && before !== undefined && (before.norm === "," || before.norm === "and");
    const oneSided = prev !== undefined && (prev.sources.length === 0 || e.sources.length === 0) && prev.modality === e.modality;
    const nounPair = prev !== undefined && (e.rule.includes(":noun-") || prev.rule.includes(":noun-"));
    // Same attacker named once for both ("killed in U.S. air strikes"): one attack.
    const sharedSource = prev !== undefined && prev.sources.some((x) => e.sources.some((y) => y.start === x.start));
    const nounLinked =
      nounPair &&
      (sameHappening(v, prev!, e) || ((oneSided || sharedSource) && !causeBefore(v, prev!.rule.includes(":noun-") ? prev! : e)));
    const bothVerbs = prev !== undefined && !e.rule.includes(":noun-") && !prev.rule.includes(":noun-");
    if (prev && e.type === "ASSAULT" && (isParticiple || nounLinked || (bothVerbs && oneSided))) {
      const merged: Event = {
        ...prev,
        // A participle's own subject guess is the nearest name, not the attacker: keep only its objects.
        sources: prev.sources.length || isParticiple ? prev.sources : e.sources,
        targets: prev.targets.length ? prev.targets : e.targets,
        // A noun names the means ("drone strike"): its mode wins over the verb's.
        mode: (e.rule.includes(":noun-") ? e.mode : null) ?? (prev.rule.includes(":noun-") ? prev.mode : null) ?? prev.mode ?? e.mode,
        cameo: (e.cameo?.length ?? 0) > (prev.cameo?.length ?? 0) && prev.cameo?.startsWith("19") !== true ? e.cameo : prev.cameo,
        killed: prev.killed ?? e.killed,
        injured: prev.injured ?? e.injured,
        place: prev.place ?? e.place,
      };
      out[prevAt!] = merged;
      continue;
    }
    // Any other kind: ", chanting slogans against the government" elaborates the protest just read, and a verb with
    // its own event noun ("launched a national dialogue", "held talks") is one happening, coded once.
    // ("talks mediated by the AU": the mediation is the mediator's own act, not the talks'.)
    const mediation = t !== undefined && MEDIATE_FORM.test(t.norm);
    if (
      prev &&
      e.type !== "ASSAULT" &&
      !mediation &&
      prev.modality === e.modality &&
      (isParticiple || (nounPair && sameHappening(v, prev, e)))
    ) {
      out[prevAt!] = {
        ...prev,
        sources: prev.sources.length ? prev.sources : e.sources,
        targets: prev.targets.length ? prev.targets : e.targets,
        mode: prev.mode ?? e.mode,
        cameo: (e.cameo?.length ?? 0) > (prev.cameo?.length ?? 0) ? e.cameo : prev.cameo,
        place: prev.place ?? e.place,
        killed: prev.killed ?? e.killed,
        injured: prev.injured ?? e.injured,
      };
      continue;
    }
    lastOfType.set(e.type, out.length);
    out.push(e);
  }
  return out;
}

/** What a meeting is held to do ("met to discuss", "visited to strengthen ties"): its agenda, not a further event. */
const AGENDA = new Set(
  "discuss talk negotiate review explore examine consider address coordinate strengthen boost deepen enhance promote expand improve bolster advance".split(
    " ",
  ),
);

/** Is noun event `noun` the object of verb event `verb` ("agreed on Wednesday to a ceasefire"): same clause, close, no verb between? */
function objectOf(v: SentenceView, verb: Event, noun: Event): boolean {
  const i = localIndexAt(v, verb.trigger.start);
  const j = localIndexAt(v, noun.trigger.start);
  if (i < 0 || j < 0 || j - i > 8 || v.clauses.of[i] !== v.clauses.of[j]) return false;
  for (let x = i + 1; x < j; x++) if (v.toks[x].pos === "VERB" && v.toks[x].start >= verb.trigger.end) return false;
  return true;
}

const CAUSE_PREPS = new Set(["for", "after", "since", "following", "before", "over", "against", "despite"]);

/**
 * Is a noun trigger the same happening as a verb trigger next to it: its subject ("a drone
 * strike hit"), its object or means ("were killed in air strikes"), or the antecedent of the
 * verb's relative clause ("the attack that killed three soldiers")? Not when a preposition of
 * cause or time separates them ("struck targets in retaliation for the attack").
 */
function sameHappening(v: SentenceView, a: Event, b: Event): boolean {
  const [first, second] = a.trigger.start <= b.trigger.start ? [a, b] : [b, a];
  const i = localIndexAt(v, first.trigger.start);
  const j = localIndexAt(v, second.trigger.start);
  if (i < 0 || j < 0) return false;
  let iEnd = i;
  while (iEnd + 1 < v.toks.length && v.toks[iEnd + 1].start < first.trigger.end) iEnd++;
  const ci = v.clauses.of[i];
  const cj = v.clauses.of[j];
  if (ci !== cj) {
    const rel = v.clauses.clauses[cj];
    return rel.kind === "relative" && rel.parent === ci && rel.first - iEnd <= 2;
  }
  const nounFirst = first.rule.includes(":noun-");
  // A subject noun may carry modifiers ("a drone strike on a vehicle in eastern Baghdad on Wednesday killed").
  if (j - iEnd > (nounFirst ? 12 : 6)) return false;
  for (let x = iEnd + 1; x < j; x++) if (v.toks[x].pos === "VERB") return false;
  return !causeBefore(v, nounFirst ? first : second);
}

/** "in retaliation for the attack", "after the strike": a noun introduced as a cause or a time. */
function causeBefore(v: SentenceView, noun: Event): boolean {
  const k = localIndexAt(v, noun.trigger.start);
  for (let x = k - 1; x >= 0 && x >= k - 4; x--) {
    if (CAUSE_PREPS.has(v.toks[x].norm)) return true;
    if (v.toks[x].pos === "VERB") break;
  }
  return false;
}

/** Local index of the token starting at `offset`, or -1. */
function localIndexAt(v: SentenceView, offset: number): number {
  const j = tokenOfOffset(v, offset);
  return v.toks[j]?.start === offset ? j : -1;
}
