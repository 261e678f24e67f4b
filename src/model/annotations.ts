/**
 * The document model: every annotation is a stand-off record pointing into the
 * original text with a half-open character span [start, end). The text itself is
 * never copied or changed. Every annotation records `rule`: "<stage>:<rule-id>",
 * the stage (with its version) and the rule that produced it.
 *
 * These are plain, readonly, JSON-serialisable records. Zod schemas for the
 * public output live in ./schema.ts and are checked against these types.
 */

/** Half-open character span into the original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Something found in the text: a span plus the rule that produced it. */
export interface Annotation extends Span {
  readonly text: string;
  /** "<stage.vN>:<rule-id>", e.g. "times.v1:month-year". */
  readonly rule: string;
}

export interface Sentence extends Span {
  readonly index: number;
}

export type TokenKind = "word" | "number" | "punctuation" | "symbol" | "other";

export interface Token extends Span {
  readonly text: string;
  /** Universal POS tag (wink-nlp). */
  readonly pos: string;
  readonly lemma: string;
  /** Lower-cased text. */
  readonly norm: string;
  readonly kind: TokenKind;
  /** Index of the sentence that holds the token. */
  readonly sentence: number;
}

/** Where the publication date came from. */
export type PublishedSource = "argument" | "dateline" | "metadata" | "none";

export interface Published {
  /** ISO date YYYY-MM-DD, or null when none could be found. */
  readonly value: string | null;
  readonly source: PublishedSource;
  /** Span of the dateline when source is "dateline". */
  readonly start?: number;
  readonly end?: number;
}

/** PLOVER actor sectors (plus a few structural kinds). */
export type Sector =
  | "GOV" // government, executive
  | "MIL" // state military
  | "LEG" // legislature
  | "JUD" // judiciary
  | "POL" // police / security forces
  | "REB" // rebels, armed groups, militias, insurgents
  | "OPP" // political opposition
  | "PTY" // political party
  | "IGO" // intergovernmental organisation
  | "NGO" // non-governmental organisation
  | "MED" // media
  | "BUS" // business
  | "CVL" // civilians, people
  | "REL" // religious
  | "SPY" // intelligence
  | "EDU"
  | "HLH"
  | "REF" // refugees, displaced
  | "CRM" // criminals
  | "UNK";

export type EntityKind = "country" | "person" | "organization" | "group" | "institution" | "unknown";

/** A canonical actor the mentions resolve to. */
export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** ISO 3166-1 alpha-3, or null for international / unknown. */
  readonly country: string | null;
  readonly sector: Sector | null;
  readonly wikidata?: string;
}

export type MentionKind = "actor" | "country" | "person" | "organization" | "group" | "unknown";

export interface Mention extends Annotation {
  readonly id: string;
  readonly kind: MentionKind;
  /** Id of the resolved entity in `entities`, absent for unknown names. */
  readonly entityId?: string;
  /** Country and sector of this mention (may differ from the entity's, e.g. "Iraqi militias"). */
  readonly country?: string | null;
  readonly sector?: Sector | null;
}

export type GeoPrecision = "country" | "admin1" | "admin2" | "city" | "district" | "site" | "region";

export interface Place extends Annotation {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: GeoPrecision;
  /** "near" when the text names a part or vicinity ("eastern Baghdad", "near Kirkuk"). */
  readonly relation?: "in" | "near" | "part";
  readonly geonameId?: number;
}

export type TimeType = "date" | "time" | "duration" | "set";
export type TimePrecision = "minute" | "hour" | "day" | "week" | "month" | "season" | "quarter" | "year" | "decade" | "century";
export type TimeModifier =
  "since" | "by" | "before" | "after" | "until" | "approx" | "more_than" | "less_than" | "early" | "mid" | "late" | "start" | "end";

export interface TimeExpression extends Annotation {
  readonly type: TimeType;
  /**
   * ISO-like value at its precision: "2024-01-27", "2020-01", "2020", "2024-W05",
   * "2023-SU"; durations as ISO 8601 ("P20Y", "P3D"; "PXY" when unspecified).
   */
  readonly value: string;
  readonly precision: TimePrecision | null;
  readonly modifier?: TimeModifier;
  /** How the value was anchored: stated in full, or implied from the reference date. */
  readonly anchor: "absolute" | "relative";
}

export type QuantityQualifier =
  "exact" | "about" | "more_than" | "at_least" | "less_than" | "at_most" | "several" | "dozens" | "hundreds" | "thousands" | "range";

export const QUANTITY_ROLES = [
  "killed",
  "injured",
  "troops",
  "attacks",
  "hostages",
  "prisoners",
  "targets",
  "people",
  "displaced",
  "arrested",
  "missing",
  "other",
] as const;
export type QuantityRole = (typeof QUANTITY_ROLES)[number];

export interface Quantity extends Annotation {
  readonly value: number;
  /** Upper bound for ranges ("20 to 30"). */
  readonly max?: number;
  readonly qualifier: QuantityQualifier;
  readonly role: QuantityRole;
  /** The counted noun as written ("troops", "people"). */
  readonly unit?: string;
  /** For changes ("from 5,200 to about 3,500"): the earlier value; `value` is the new one. */
  readonly from?: number;
}

export const PLOVER_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const MODALITIES = ["asserted", "reported", "planned", "future", "hypothetical", "negated"] as const;
export type Modality = (typeof MODALITIES)[number];

/** Quantity roles that name what is counted: every role but "other" (the lexicon's roles, the series a user can ask for). */
export const COUNTED_ROLES = QUANTITY_ROLES.filter((r): r is Exclude<QuantityRole, "other"> => r !== "other");

export interface ActorRef extends Span {
  readonly name: string;
  readonly entityId: string | null;
  readonly country: string | null;
  readonly sector: Sector | null;
  readonly text: string;
}

export interface EventDate {
  readonly value: string;
  readonly precision: TimePrecision | null;
  /** explicit: a time in the event's clause; sentence / governing: inherited; publication: fell back to the article date. */
  readonly basis: "explicit" | "sentence" | "governing" | "publication";
  readonly modifier?: TimeModifier;
}

export interface EventPlace {
  readonly id: string;
  readonly name: string;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: GeoPrecision;
  readonly relation?: "in" | "near" | "part";
  readonly start: number;
  readonly end: number;
}

export interface Count {
  readonly value: number;
  readonly max?: number;
  readonly qualifier: QuantityQualifier;
}

export interface Attribution extends Span {
  readonly name: string;
  readonly entityId: string | null;
  readonly text: string;
}

export interface Evidence extends Span {
  readonly sentence: number;
  readonly text: string;
}

export interface Event {
  readonly id: string;
  readonly type: PloverType;
  readonly mode: string | null;
  readonly context: string | null;
  /** CAMEO root (two digits) or a finer code where known. */
  readonly cameo: string | null;
  /** ACLED event type where one applies. */
  readonly acled: string | null;
  readonly date: EventDate | null;
  readonly sources: readonly ActorRef[];
  readonly targets: readonly ActorRef[];
  readonly place: EventPlace | null;
  readonly killed: Count | null;
  readonly injured: Count | null;
  readonly quantities: readonly Quantity[];
  readonly modality: Modality;
  readonly historical: boolean;
  readonly attribution: Attribution | null;
  readonly confidence: number;
  readonly trigger: Span & { readonly text: string };
  readonly evidence: Evidence;
  readonly rule: string;
}

export type AnomalyKind = "entity-swap" | "institution-mismatch" | "redaction" | "number-conflict" | "translation-artifact";

export interface Anomaly extends Annotation {
  readonly kind: AnomalyKind;
  readonly message: string;
  readonly suggestion?: string;
  readonly confidence: number;
}

/** A note from a stage: an expected miss, never an error. */
export interface Note {
  readonly stage: string;
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
}
