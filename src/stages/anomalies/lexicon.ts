import type { CountryInfo, InstitutionInfo } from "./resources.js";
import type { AnomaliesResources } from "./resources.js";
import { PhraseIndex } from "./scan.js";

export type RefForm = "name" | "demonym" | "city";

/** What a country-lexicon phrase stands for; `code: null` blocks a longer non-country name ("Niger Delta"). */
export interface CountryHit {
  readonly code: string | null;
  readonly form: RefForm;
}

/** The data files turned into lookup structures, once, in the stage factory. */
export interface Lexicon {
  readonly countries: ReadonlyMap<string, CountryInfo>;
  readonly countryIndex: PhraseIndex<CountryHit>;
  /** For each code, the other members of its confusable groups. */
  readonly confusableWith: ReadonlyMap<string, readonly string[]>;
  readonly institutionIndex: PhraseIndex<InstitutionInfo | null>;
  readonly memberNouns: PhraseIndex<true>;
  readonly foreignCues: ReadonlySet<string>;
  readonly neighbourCues: ReadonlySet<string>;
  readonly coordination: ReadonlySet<string>;
  readonly pairIntroducers: ReadonlySet<string>;
  readonly slotPrepositions: ReadonlySet<string>;
  readonly stopWords: ReadonlySet<string>;
  readonly changeWords: ReadonlySet<string>;
  readonly crossBorderCues: ReadonlySet<string>;
  readonly genericHeads: ReadonlySet<string>;
}

const lowerSet = (xs: readonly string[]): ReadonlySet<string> => new Set(xs.map((x) => x.toLowerCase()));

export function compileLexicon(r: AnomaliesResources): Lexicon {
  const countries = new Map<string, CountryInfo>();
  const countryIndex = new PhraseIndex<CountryHit>();
  for (const c of r.countries.countries) {
    countries.set(c.code, c);
    for (const n of c.names) countryIndex.add(n, { code: c.code, form: "name" });
    for (const d of c.demonyms) countryIndex.add(d, { code: c.code, form: "demonym" });
    for (const city of c.cities) countryIndex.add(city, { code: c.code, form: "city" });
  }
  for (const n of r.countries.ambiguous) countryIndex.add(n, { code: null, form: "name" });
  for (const n of r.countries.notCountries) countryIndex.add(n, { code: null, form: "name" });

  const confusableWith = new Map<string, string[]>();
  for (const g of r.confusables.groups)
    for (const a of g.codes) {
      const list = confusableWith.get(a) ?? [];
      for (const b of g.codes) if (b !== a && !list.includes(b)) list.push(b);
      confusableWith.set(a, list);
    }

  const institutionIndex = new PhraseIndex<InstitutionInfo | null>();
  for (const inst of r.institutions.institutions) for (const f of inst.forms) institutionIndex.add(f, inst);
  for (const n of r.institutions.notInstitutions) institutionIndex.add(n, null);
  const memberNouns = new PhraseIndex<true>(true);
  for (const n of r.institutions.memberNouns) memberNouns.add(n, true);

  return {
    countries,
    countryIndex,
    confusableWith,
    institutionIndex,
    memberNouns,
    foreignCues: lowerSet(r.institutions.foreignCues),
    neighbourCues: lowerSet(r.cues.neighbourCues),
    coordination: lowerSet(r.cues.coordination),
    pairIntroducers: lowerSet(r.cues.pairIntroducers),
    slotPrepositions: lowerSet(r.cues.slotPrepositions),
    stopWords: lowerSet(r.cues.stopWords),
    changeWords: lowerSet(r.cues.changeWords),
    crossBorderCues: lowerSet(r.cues.crossBorderCues),
    genericHeads: lowerSet(r.cues.genericHeads),
  };
}
