import type { Event } from "../model/annotations.js";
import { type EventExtract, type PRF, isoDate, prf, readGold } from "./events-gold.js";

/**
 * PETRARCH-2 gold standard (78 news sentences with expected CAMEO events, read from
 * <bench>/petrarch/UP_PETR2_GSR_validation.jsonl).
 *
 * - CAMEO root: P/R/F1 over (sentence, two-digit root) pairs; a "noevents" sentence has no
 *   gold pair, so anything we find there is a false positive.
 *   Events we read as negated or hypothetical ("might", "may", "if") are left out.
 * - Actors: P/R/F1 over (sentence, role, country) triples, role = source|target, the gold
 *   country being the first three letters of the gold actor code (e.g. "IRQGOV" -> "IRQ");
 *   ours come from the events' sources' and targets' countries. PETRARCH-2 codes the
 *   location as the target when a sentence names no target actor ("attend a summit in
 *   Switzerland" -> CHE); an event of ours without targets is scored the same way, with
 *   its place's country as the target. An international organisation without a country
 *   counts as "IGO", the prefix the gold uses for them ("IGOUNO"). Gold actors coded "---"
 *   (no country known to the coders) are not counted.
 * - Reported speech, PETRARCH's way (`asPetrarch`): we keep the reported happening as an event of its
 *   own and add the speaker's accusation; PETRARCH codes only the speech act. So an event that is the
 *   substance of one of our accusations in the same sentence ("Israel said a mortar was fired at it"
 *   -> the 1123 accusation, not also the 190 attack) is not scored separately, and an attack reported
 *   by its own perpetrator ("The US claimed that they had attacked Iraq", "al-Shabab claimed the
 *   attack") is scored as the claim of responsibility it is in CAMEO (015).
 */
export interface Petr2Gold {
  readonly id: string;
  readonly date: string;
  readonly text: string;
  readonly expected: readonly { eventcode?: string; sourcecode?: string; targetcode?: string; noevents?: string }[];
}

export interface Petr2Miss {
  readonly id: string;
  readonly text: string;
  readonly goldRoots: string[];
  readonly ourRoots: string[];
  readonly goldActors: string[];
  readonly ourActors: string[];
  readonly events: string[];
}

export interface Petr2Score {
  readonly sentences: number;
  readonly root: PRF;
  readonly actors: PRF;
  readonly misses: readonly Petr2Miss[];
}

export function readPetr2(benchDir: string): Petr2Gold[] {
  return readGold(benchDir, "petrarch", "UP_PETR2_GSR_validation.jsonl")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Petr2Gold);
}

function rootOf(code: string | null | undefined): string | null {
  if (!code) return null;
  const m = /^(\d{2})/.exec(code);
  return m ? m[1] : null;
}

export function scorePetr2Items(
  items: readonly Petr2Gold[],
  extract: EventExtract,
  convention: (events: readonly Event[]) => readonly Event[] = asPetrarch,
): Petr2Score {
  let rtp = 0;
  let rfp = 0;
  let rfn = 0;
  let atp = 0;
  let afp = 0;
  let afn = 0;
  const misses: Petr2Miss[] = [];
  for (const item of items) {
    const goldRoots = new Set<string>();
    const goldActors = new Set<string>();
    for (const e of item.expected) {
      if (e.noevents) continue;
      const root = rootOf(e.eventcode);
      if (root) goldRoots.add(root);
      if (isActorCode(e.sourcecode)) goldActors.add(`src:${e.sourcecode.slice(0, 3)}`);
      if (isActorCode(e.targetcode)) goldActors.add(`tgt:${e.targetcode.slice(0, 3)}`);
    }
    // PETRARCH codes what happened: events we read as negated or hypothetical are not counted.
    const events = extract(item.text, isoDate(item.date) ?? "2000-01-01").filter(
      (e) => e.modality !== "negated" && e.modality !== "hypothetical",
    );
    const ourRoots = new Set<string>();
    const ourActors = new Set<string>();
    for (const e of convention(events)) {
      const root = rootOf(e.cameo);
      if (root) ourRoots.add(root);
      for (const s of e.sources) if (code(s)) ourActors.add(`src:${code(s)}`);
      for (const t of e.targets) if (code(t)) ourActors.add(`tgt:${code(t)}`);
      if (e.targets.length === 0 && e.place?.country) ourActors.add(`tgt:${e.place.country}`);
    }
    const [tp1, fp1, fn1] = compare(goldRoots, ourRoots);
    const [tp2, fp2, fn2] = compare(goldActors, ourActors);
    rtp += tp1;
    rfp += fp1;
    rfn += fn1;
    atp += tp2;
    afp += fp2;
    afn += fn2;
    if (fp1 + fn1 + fp2 + fn2 > 0) {
      misses.push({
        id: item.id,
        text: item.text,
        goldRoots: [...goldRoots],
        ourRoots: [...ourRoots],
        goldActors: [...goldActors],
        ourActors: [...ourActors],
        events: events.map(describe),
      });
    }
  }
  return { sentences: items.length, root: prf(rtp, rfp, rfn), actors: prf(atp, afp, afn), misses };
}

/** Our events in PETRARCH's convention for reported speech (see the module comment). */
export function asPetrarch(events: readonly Event[]): Event[] {
  // (An accusation made of a reported attack needs no named target: "Israel said a mortar bomb was fired at it".)
  const accusations = events.filter(
    (a) => a.type === "ACCUSE" && a.sources.length > 0 && (a.targets.length > 0 || /reported-attack-accusation$/.test(a.rule)),
  );
  const countries = (xs: readonly { country: string | null; entityId: string | null; start: number }[]) =>
    new Set(xs.map((x) => x.country ?? x.entityId ?? String(x.start)));
  const out: Event[] = [];
  for (const e of events) {
    const substance = accusations.some((a) => {
      if (a === e || a.evidence.sentence !== e.evidence.sentence || e.trigger.start < a.trigger.end) return false;
      // The accusation's trigger is the speech verb, or the event's doers are the accused.
      const accused = countries(a.targets);
      return /reported-attack-accusation$/.test(a.rule) || e.sources.some((s) => accused.has(s.country ?? s.entityId ?? String(s.start)));
    });
    if (substance && e.type !== "ACCUSE") continue;
    const claimer = e.attribution;
    const selfReported =
      e.type === "ASSAULT" &&
      claimer !== null &&
      e.sources.some(
        (s) => (s.entityId !== null && s.entityId === claimer.entityId) || (s.start === claimer.start && s.end === claimer.end),
      );
    out.push(selfReported ? { ...e, cameo: "015" } : e);
  }
  return out;
}

export function scorePetr2(benchDir: string, extract: EventExtract): Petr2Score {
  return scorePetr2Items(readPetr2(benchDir), extract);
}

/** The same score on our events as extracted, without PETRARCH's reported-speech convention. */
export function scorePetr2Raw(benchDir: string, extract: EventExtract): Petr2Score {
  return scorePetr2Items(readPetr2(benchDir), extract, (events) => events);
}

/** The gold's three-letter actor prefix: the country, or "IGO" for an international organisation (gold "IGOUNO", "IGOEU"). */
function code(a: { country: string | null; sector: string | null }): string | null {
  return a.country ?? (a.sector === "IGO" ? "IGO" : null);
}

/** A gold actor code with a country (or IGO) prefix; "---" marks an actor the coders could not place. */
function isActorCode(code: string | undefined): code is string {
  return code !== undefined && code.length >= 3 && /^[A-Z]{3}/.test(code);
}

function compare(gold: ReadonlySet<string>, ours: ReadonlySet<string>): [number, number, number] {
  let tp = 0;
  for (const g of gold) if (ours.has(g)) tp++;
  return [tp, ours.size - tp, gold.size - tp];
}

export function describe(e: Event): string {
  const who = (xs: readonly { text: string; country: string | null }[]) => xs.map((x) => `${x.text}/${x.country ?? "?"}`).join("+") || "-";
  return `${e.type}${e.mode ? "." + e.mode : ""} [${e.cameo ?? "-"}] "${e.trigger.text}" ${who(e.sources)} -> ${who(e.targets)} (${e.modality}; ${e.rule})`;
}
