import { z } from "zod";
import { COUNTED_ROLES } from "../../model/annotations.js";

/** Every role but "other", which is what a number gets when no role word applies. */
const ROLE_NAMES = COUNTED_ROLES;

const word = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z .'-]*$/, "lower-case words");

const roleEntry = z.object({
  /** Counted nouns (plural and singular), lower-case; multi-word compounds allowed ("rocket attacks"). */
  nouns: z.array(word),
  /** Verb forms near a number that give it this role ("killing three people", "three were wounded"). */
  verbs: z.array(word),
});

/** Schema of data/quantities/lexicon.json, checked when it is loaded. */
export const quantitiesLexiconSchema = z.object({
  roles: z.object(Object.fromEntries(ROLE_NAMES.map((r) => [r, roleEntry])) as Record<(typeof ROLE_NAMES)[number], typeof roleEntry>),
  /** Words that make a following number a label ("Section 301", "Brigade 12"), not a count. */
  labelsBefore: z.array(z.string().min(1).max(20)),
});

export type QuantitiesLexicon = z.infer<typeof quantitiesLexiconSchema>;
