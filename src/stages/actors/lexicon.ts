import type { Sector } from "../../model/annotations.js";
import { aliasKeys, normWord, skeleton } from "./normalize.js";
import {
  parseGeneratedRow,
  parseRoleText,
  type ActorRecord,
  type ActorsResources,
  type AgentRecord,
  type CountryRecord,
  type Role,
} from "./types.js";

const ROLES = new WeakMap<ActorRecord, readonly Role[]>();
/** An actor's roles; the generated file's are parsed on first use (most entries are never matched). */
export function rolesOf(a: ActorRecord): readonly Role[] {
  if (a.rolesRaw === undefined) return a.roles;
  let r = ROLES.get(a);
  if (!r) {
    r = a.rolesRaw
      .split(";")
      .map(parseRoleText)
      .filter((x): x is Role => typeof x !== "string");
    ROLES.set(a, r);
  }
  return r;
}

/** What a dictionary phrase can stand for. */
export type Entry =
  | { readonly type: "country"; readonly country: CountryRecord }
  | { readonly type: "capital"; readonly country: CountryRecord }
  | {
      readonly type: "actor";
      readonly actor: ActorRecord;
      /** A one-word (surname) key: trusted only with context. */
      readonly weak: boolean;
      /** A generated surname key: accepted only right after an office title ("President Mugabe"). */
      readonly titled?: boolean;
    }
  | { readonly type: "agent"; readonly agent: AgentRecord; readonly phrase: string };

/** Generic last words of group names: "Popular Mobilization Forces/Units/Group/Organization" share one core. */
export const GROUP_SUFFIXES = new Set([
  "forces",
  "force",
  "units",
  "unit",
  "group",
  "groups",
  "organization",
  "organizations",
  "committee",
  "committees",
  "movement",
  "front",
  "brigades",
  "brigade",
  "militia",
  "militias",
  "army",
  "council",
  "network",
  "battalions",
  "corps",
  "party",
  "alliance",
  "coalition",
]);

/** Common words that must never be a person's one-word (surname) key. */
const COMMON_SURNAMES = new Set(
  (
    "may june april august march will king prince love rich young white black brown green gray grey hope faith said " +
    "just long short little new north south east west rice bush price hill lee page ward power major general grant " +
    "cash house bill post mark frank dean chase chief justice early law best " +
    // very common Arabic, Persian, South and East Asian given names and surnames: never a person's one-word key
    "ahmed ahmad mohammed mohammad muhammad mohamed ali hassan hasan hussein husain hussain omar umar abdullah abdallah ibrahim " +
    "mahmoud mahmud mustafa khalid khaled saleh salih youssef yusuf karim kareem said saeed sayed khan singh kumar sharif " +
    "kim lee li wang zhang chen liu yang huang park choi nguyen tran hamdan hamad nasser jaber yousef cohen levy mohamud mohamoud " +
    // the commonest English-language surnames: too many namesakes to stand alone for one person
    "smith johnson williams jones miller davis wilson taylor anderson thomas jackson martin thompson garcia martinez robinson " +
    "clark lewis walker hall allen wright scott baker adams nelson campbell mitchell roberts carter phillips evans turner " +
    "parker collins edwards stewart morris murphy cook rogers morgan cooper peterson reed bailey bell kelly howard cox " +
    "richardson wood watson brooks bennett james hughes myers foster sanders ross powell sullivan russell jenkins perry " +
    "butler barnes fisher henderson coleman simmons patterson reynolds hamilton graham gonzales alexander wallace griffin " +
    "cole hayes gibson bryant ellis stevens murray ford marshall owens harrison kennedy wells woods webb tucker freeman burns " +
    "henry snyder simpson crawford porter mason shaw gordon hunter hicks dixon palmer robertson holmes stone meyer boyd mills " +
    "warren fox rose ryan ferguson nichols daniels stephens gardner payne dunn pierce arnold spencer peters hawkins hart " +
    "elliott knight bradley austin"
  ).split(" "),
);

/**
 * Indexed dictionary: phrase keys (token keys joined by spaces) -> entries, with the longest phrase
 * length per first word so the matcher only tries lengths that can match.
 */
export interface Lexicon {
  readonly phrases: EntryMap;
  readonly maxLen: Map<string, number>;
  /** The first two words of every phrase of two or more words ("united nations"): longer lengths are tried only after one. */
  readonly phrasePairs: Set<string>;
  /**
   * The agent phrases alone ("police", "security forces"), indexed the same way: all that a word without a capital can
   * start (every other entry needs one), in a much smaller index than the whole dictionary's.
   */
  readonly agentIndex: { readonly phrases: EntryMap; readonly maxLen: Map<string, number>; readonly phrasePairs: Set<string> };
  /** Group-name cores (suffix word removed) -> entries. */
  readonly cores: EntryMap;
  readonly coreMaxLen: Map<string, number>;
  /** Transliteration skeletons of person names -> entries. */
  readonly skeletons: EntryMap;
  readonly skelMaxLen: Map<string, number>;
  readonly countries: Map<string, CountryRecord>;
  /** Curated office holders by "title|COUNTRY". */
  readonly officeHolders: Map<string, { actor: ActorRecord; role: Role }[]>;
  readonly placeNames: ReadonlyMap<string, string | null>;
}

/** Phrase key -> one entry or several (most keys have one: no array, less work for the collector at start-up). */
export type EntryMap = Map<string, Entry | Entry[]>;

/** The entries stored under a key, as a list. */
export function entriesAt(map: EntryMap, key: string): readonly Entry[] | undefined {
  const v = map.get(key);
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

function add(map: EntryMap, max: Map<string, number>, keys: readonly string[], e: Entry, pairs: Set<string> | null = null): void {
  if (keys.length === 0) return;
  addKey(map, max, keys.join(" "), keys[0], keys.length, e, pairs);
}

/** Adds a phrase given as its joined key (the generated file's form: no splitting needed). */
function addKey(
  map: EntryMap,
  max: Map<string, number>,
  k: string,
  first: string,
  len: number,
  e: Entry,
  pairs: Set<string> | null = null,
): void {
  if (pairs && len >= 2) {
    const second = k.indexOf(" ", first.length + 1);
    pairs.add(second < 0 ? k : k.slice(0, second));
  }
  const v = map.get(k);
  if (v === undefined) map.set(k, e);
  else if (Array.isArray(v)) {
    for (const x of v) if (sameEntry(x, e)) return;
    v.push(e);
  } else if (!sameEntry(v, e)) map.set(k, [v, e]);
  const m = max.get(first);
  if (m === undefined || len > m) max.set(first, len);
}

/** "Popular Mobilization Forces" -> "popular mobilization"; "Islamic Resistance in Iraq" -> "islamic resistance"; else []. */
function groupCore(keys: readonly string[]): readonly string[] {
  const inAt = keys.lastIndexOf("in");
  if (inAt >= 2 && inAt >= keys.length - 3) return keys.slice(0, inAt);
  if (GROUP_SUFFIXES.has(keys[keys.length - 1])) return keys.slice(0, -1);
  return [];
}

/** Generated rows turned into records on first use (a memo: the same row always gives the same record). */
class GeneratedRows {
  private readonly made = new Map<number, ActorRecord>();
  constructor(private readonly lines: readonly string[]) {}
  get(row: number): ActorRecord {
    let a = this.made.get(row);
    if (!a) {
      a = parseGeneratedRow(this.lines[row]);
      this.made.set(row, a);
    }
    return a;
  }
}

class GeneratedEntry {
  readonly type = "actor" as const;
  constructor(
    private readonly rows: GeneratedRows,
    readonly row: number,
    readonly weak: boolean,
    readonly titled: boolean,
  ) {}
  get actor(): ActorRecord {
    return this.rows.get(this.row);
  }
}

function wordCount(k: string): number {
  let n = 1;
  for (let i = k.indexOf(" "); i >= 0; i = k.indexOf(" ", i + 1)) n++;
  return n;
}

function sameEntry(a: Entry, b: Entry): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "actor" && b.type === "actor") {
    if (a instanceof GeneratedEntry && b instanceof GeneratedEntry) return a.row === b.row && a.titled === b.titled;
    if (a instanceof GeneratedEntry || b instanceof GeneratedEntry) return false;
    return a.actor.id === b.actor.id;
  }
  if ((a.type === "country" || a.type === "capital") && (b.type === "country" || b.type === "capital"))
    return a.country.iso3 === b.country.iso3;
  if (a.type === "agent" && b.type === "agent") return a.agent === b.agent;
  return false;
}

/** Phoenix agent nouns that are places or things far more often than actors. */
const NOT_AGENTS = new Set([
  "neighborhood",
  "neighbourhood",
  "village",
  "community",
  "military base",
  "base",
  "city",
  "town",
  "country",
  "nation",
  "region",
  "province",
  "destroyer",
]);

const CONNECTOR_END = new Set(["to", "of", "for", "the", "and", "in", "on", "at", "with", "from"]);

function plural(w: string): string {
  if (w.endsWith("man")) return w.slice(0, -3) + "men";
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/.test(w)) return w + "es";
  return w + "s";
}

export function normTitle(t: string): string {
  const k = aliasKeys(t).join(" ");
  switch (k) {
    case "secretary of defense":
    case "secretary of war":
    case "war secretary":
    case "defense secretary":
      return "defense minister";
    case "secretary of state":
    case "foreign secretary":
      return "foreign minister";
    case "premier":
      return "prime minister";
    default:
      return k;
  }
}

export function buildLexicon(res: ActorsResources): Lexicon {
  const phrases: EntryMap = new Map();
  const maxLen = new Map<string, number>();
  const phrasePairs = new Set<string>();
  const cores: EntryMap = new Map();
  const coreMaxLen = new Map<string, number>();
  const skeletons: EntryMap = new Map();
  const skelMax = new Map<string, number>();
  const countries = new Map<string, CountryRecord>();
  const officeHolders = new Map<string, { actor: ActorRecord; role: Role }[]>();

  // Agents first (curated list before Phoenix's), so a phrase's agent reading is known.
  const agentKeys = new Set<string>();
  for (const a of res.agents) {
    for (const p of a.phrases) {
      const base = aliasKeys(p);
      if (base.length === 0 || CONNECTOR_END.has(base[base.length - 1])) continue;
      if (!a.curated && NOT_AGENTS.has(base.join(" "))) continue;
      // Phoenix lists singular nouns only (PETRARCH added plurals itself).
      const forms = a.curated ? [base] : [base, [...base.slice(0, -1), plural(base[base.length - 1])]];
      for (const keys of forms) {
        const k = keys.join(" ");
        if (a.curated === false && agentKeys.has(k)) continue;
        agentKeys.add(k);
        add(phrases, maxLen, keys, { type: "agent", agent: a, phrase: p }, phrasePairs);
      }
    }
  }
  // (Lists copied: later entries under the same key are added to the whole dictionary's list only.)
  const agentIndex = {
    phrases: new Map([...phrases].map(([k, v]) => [k, Array.isArray(v) ? [...v] : v] as const)),
    maxLen: new Map(maxLen),
    phrasePairs: new Set(phrasePairs),
  };

  for (const c of res.countries) {
    countries.set(c.iso3, c);
    for (const n of [c.name, ...c.aliases]) add(phrases, maxLen, aliasKeys(n), { type: "country", country: c }, phrasePairs);
    for (const n of c.capitals) add(phrases, maxLen, aliasKeys(n), { type: "capital", country: c }, phrasePairs);
  }

  // Curated actors shadow Phoenix ones on the same phrase.
  const curatedKeys = new Set<string>();
  const curatedByKey = new Map<string, ActorRecord>();
  for (const a of res.actors) {
    const names = [a.name, ...a.aliases];
    const person = a.kind === "person";
    for (const n of names) {
      const keys = aliasKeys(n);
      if (keys.length === 0) continue;
      const k = keys.join(" ");
      if (a.curated) {
        curatedKeys.add(k);
        if (keys.length > 1) curatedByKey.set(k, a);
      } else if (curatedKeys.has(k)) continue;
      const weak = person && keys.length === 1;
      if (weak && COMMON_SURNAMES.has(k)) continue;
      add(phrases, maxLen, keys, { type: "actor", actor: a, weak }, phrasePairs);
      if (person && a.curated) {
        add(skeletons, skelMax, keys.map(skeleton), { type: "actor", actor: a, weak });
      }
      if (!person && keys.length >= 2) {
        const core = groupCore(keys);
        if (core.length >= 2) add(cores, coreMaxLen, core, { type: "actor", actor: a, weak: false });
      }
    }
    // Curated people also answer to their surname ("Sudani"), as a weak key checked against context.
    if (person && a.curated) {
      const keys = aliasKeys(a.name);
      const last = keys[keys.length - 1];
      if (keys.length > 1 && last.length > 2 && !COMMON_SURNAMES.has(last) && !agentKeys.has(last)) {
        add(phrases, maxLen, [last], { type: "actor", actor: a, weak: true }, phrasePairs);
        add(skeletons, skelMax, [skeleton(last)], { type: "actor", actor: a, weak: true });
      }
    }
    if (a.curated) {
      for (const r of a.roles) {
        if (!r.title || !r.country) continue;
        const key = `${normTitle(r.title)}|${r.country}`;
        const list = officeHolders.get(key);
        if (list) list.push({ actor: a, role: r });
        else officeHolders.set(key, [{ actor: a, role: r }]);
      }
    }
  }
  // The generated Phoenix rows: keys are ready (no normalisation), records are made on first match.
  const rows = new GeneratedRows(res.generated);
  for (let r = 0; r < res.generated.length; r++) {
    const line = res.generated[r];
    const t1 = line.indexOf("\t");
    const t2 = line.indexOf("\t", t1 + 1);
    const t3 = line.indexOf("\t", t2 + 1);
    const t4 = line.indexOf("\t", t3 + 1);
    const t5 = line.indexOf("\t", t4 + 1);
    const t6 = line.indexOf("\t", t5 + 1);
    const person = line.startsWith("person", t1 + 1);
    const names = line.slice(t5 + 1, t6).split("|");
    // A Phoenix row sharing a full name with a hand-made row is the same actor: its other spellings
    // ("Israeli Prime Minister Benjamin Netanyahu") then lead to the hand-made entry.
    let target: ActorRecord | undefined;
    for (const k of names) {
      const c = k.includes(" ") ? curatedByKey.get(k) : undefined;
      if (c && (c.kind === "person") === person) {
        target = c;
        break;
      }
    }
    const made: (Entry | undefined)[] = [undefined, undefined, undefined];
    for (let k of names) {
      const titled = k.charCodeAt(0) === 126; /* ~ */
      if (titled) {
        if (target) continue;
        k = k.slice(1);
      }
      if (curatedKeys.has(k) || agentKeys.has(k)) continue;
      const sp = k.indexOf(" ");
      if (sp < 0 && COMMON_SURNAMES.has(k)) continue;
      const weak = person && sp < 0;
      // One entry object per row and reading, shared by its keys.
      const slot = titled ? 2 : weak ? 1 : 0;
      let entry = made[slot];
      if (entry === undefined) {
        entry = target ? { type: "actor", actor: target, weak } : new GeneratedEntry(rows, r, weak, titled);
        made[slot] = entry;
      }
      const len = sp < 0 ? 1 : wordCount(k);
      addKey(phrases, maxLen, k, sp < 0 ? k : k.slice(0, sp), len, entry, phrasePairs);
      if (!person && !target && len >= 2) {
        const core = groupCore(k.split(" "));
        if (core.length >= 2) add(cores, coreMaxLen, core, entry);
      }
    }
  }
  return {
    phrases,
    maxLen,
    phrasePairs,
    agentIndex,
    cores,
    coreMaxLen,
    skeletons,
    skelMaxLen: skelMax,
    countries,
    officeHolders,
    placeNames: res.placeNames,
  };
}

/** Is `role` held on `date` (YYYY-MM-DD)? Open ends count as held. */
export function roleActive(role: Role, date: string | null): boolean {
  if (date === null) return role.to === undefined;
  if (role.from !== undefined && role.from > date) return false;
  if (role.to !== undefined && role.to < date) return false;
  return true;
}

/** The role an actor holds on the date (the last active one), if any. */
export function activeRole(actor: ActorRecord, date: string | null): Role | undefined {
  let found: Role | undefined;
  for (const r of rolesOf(actor)) if (roleActive(r, date) && (r.from !== undefined || r.to !== undefined)) found = r;
  return found;
}

/** Sector of an actor on a date: its active role's sector, else its own. */
export function sectorOn(actor: ActorRecord, date: string | null): Sector | null {
  const r = activeRole(actor, date);
  return (r?.sector ?? actor.sector) as Sector | null;
}

export function countryOn(actor: ActorRecord, date: string | null): string | null {
  const r = activeRole(actor, date);
  if (r && r.country !== null) return r.country;
  return actor.country;
}

export { normWord };
