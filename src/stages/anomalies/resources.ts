import { z } from "zod";

/**
 * Schemas of the anomalies stage's data files (data/anomalies/*.json). The loader in
 * src/runtime/load-anomalies.ts reads the files and checks them against these; the
 * stage itself only ever sees validated values.
 */

const code = z.string().regex(/^[A-Z]{3}$/, "ISO 3166-1 alpha-3 code");
const phrase = z.string().trim().min(1);

export const CountrySchema = z.object({
  code,
  name: phrase,
  names: z.array(phrase).min(1),
  demonyms: z.array(phrase),
  cities: z.array(phrase),
  legislature: phrase.optional(),
});
export type CountryInfo = z.infer<typeof CountrySchema>;

export const CountriesFileSchema = z.object({
  $comment: z.string().optional(),
  countries: z.array(CountrySchema).min(1),
  /** Names that could be more than one country ("Congo", "Korean"): counted for nobody, never flagged. */
  ambiguous: z.array(phrase),
  /** Longer names that contain a country name but are not the country ("Niger Delta", "Gulf of Guinea"). */
  notCountries: z.array(phrase),
});
export type CountriesFile = z.infer<typeof CountriesFileSchema>;

export const ConfusablesFileSchema = z.object({
  $comment: z.string().optional(),
  groups: z.array(z.object({ codes: z.array(code).min(2), why: z.string() })).min(1),
});
export type ConfusablesFile = z.infer<typeof ConfusablesFileSchema>;

export const InstitutionSchema = z.object({
  forms: z.array(phrase).min(1),
  countries: z.array(code).min(1),
  kind: z.enum(["legislature"]),
  /** The bare form counts only after "the" or a country word. */
  needsArticle: z.boolean().optional(),
  /** Ceiling on the confidence of a mismatch (lower for names that are also ordinary words). */
  confidence: z.number().min(0).max(1).optional(),
  /** Why the country list is what it is. */
  note: z.string().optional(),
});
export type InstitutionInfo = z.infer<typeof InstitutionSchema>;

export const InstitutionsFileSchema = z.object({
  $comment: z.string().optional(),
  institutions: z.array(InstitutionSchema).min(1),
  notInstitutions: z.array(phrase),
  /** Words for the members of a legislature ("lawmakers"): "Iraqi lawmakers ... the Knesset" ties the Knesset to Iraq. */
  memberNouns: z.array(phrase).min(1),
  /** Words that make a foreign institution legitimate in the sentence ("addressed the Bundestag"). */
  foreignCues: z.array(phrase),
});
export type InstitutionsFile = z.infer<typeof InstitutionsFileSchema>;

export const RedactionsFileSchema = z.object({
  $comment: z.string().optional(),
  bracketWords: z.array(phrase).min(1),
  blockChars: z.string().min(1),
  placeholderExceptionsBefore: z.array(phrase),
  placeholderExceptionsAfter: z.array(phrase),
});
export type RedactionsFile = z.infer<typeof RedactionsFileSchema>;

export const CuesFileSchema = z.object({
  $comment: z.string().optional(),
  neighbourCues: z.array(phrase),
  coordination: z.array(phrase),
  pairIntroducers: z.array(phrase),
  slotPrepositions: z.array(phrase).min(1),
  stopWords: z.array(phrase),
  changeWords: z.array(phrase),
  /** Words of movement and diplomacy: a neighbour named with them is meant ("fled to Niger"). */
  crossBorderCues: z.array(phrase),
  /** Heads too general to tie a country word to a role ("Iranian officials" says nothing about Iraq's officials). */
  genericHeads: z.array(phrase),
});
export type CuesFile = z.infer<typeof CuesFileSchema>;

/** Everything the stage needs, validated: one value per data file. */
export interface AnomaliesResources {
  readonly countries: CountriesFile;
  readonly confusables: ConfusablesFile;
  readonly institutions: InstitutionsFile;
  readonly redactions: RedactionsFile;
  readonly cues: CuesFile;
}
