import { z } from "zod";
import { PLOVER_TYPES } from "../../model/annotations.js";

/** Schemas of the events stage's data files (data/events/*.json), checked when they are loaded. */

const ploverType = z.enum(PLOVER_TYPES);
const cameoCode = z.string().regex(/^\d{2,4}$/);

export const ploverFileSchema = z.object({
  types: z.array(z.object({ type: ploverType, definition: z.string(), modes: z.array(z.string()), symmetric: z.boolean() })).length(16),
});

export const cameoFileSchema = z.object({
  codes: z.record(
    cameoCode,
    z.object({ label: z.string().nullable(), type: ploverType.nullable(), mode: z.string().nullable(), context: z.string().nullable() }),
  ),
});

const pattern = z.object({
  pre: z.array(z.string().min(1)).optional(),
  post: z.array(z.string().min(1)).optional(),
  code: cameoCode.nullable(),
  reverse: z.literal(true).optional(),
  verbs: z.array(z.string()).optional(),
});

export const verbsFileSchema = z.object({
  sets: z.record(z.string().regex(/^&[A-Z0-9_]+$/), z.array(z.string())),
  blocks: z.array(z.object({ name: z.string(), code: cameoCode.nullable(), patterns: z.array(pattern) })),
  verbs: z.array(
    z.object({ lemma: z.string().min(1), forms: z.array(z.string()).optional(), code: cameoCode.nullable(), block: z.string() }),
  ),
});

export const nounsFileSchema = z.object({
  nouns: z.array(
    z.object({
      lemma: z.string().min(1),
      type: ploverType.nullable(),
      mode: z.string().nullable(),
      cameo: cameoCode.nullable(),
      context: z.string().optional(),
      standalone: z.boolean(),
      pluralOnly: z.boolean().optional(),
      speech: z.boolean().optional(),
      legislative: z.boolean().optional(),
      weapon: z.boolean().optional(),
    }),
  ),
});

export const phrasesFileSchema = z.object({
  phrases: z.array(
    z.object({
      verb: z.string().min(1),
      pre: z.array(z.string().min(1)).optional(),
      post: z.array(z.string().min(1)).optional(),
      type: ploverType.nullable(),
      mode: z.string().nullable().optional(),
      cameo: cameoCode.optional(),
      context: z.string().optional(),
      speakerSource: z.boolean().optional(),
      suppress: z.boolean().optional(),
      fallback: z.boolean().optional(),
      /** How many tokens may come between the verb and the words after it (default 4). */
      window: z.number().int().min(1).max(12).optional(),
    }),
  ),
  lightVerbs: z.array(z.string()),
  speechVerbs: z.array(z.string()),
  threatVerbs: z.array(z.string()),
  future: z.array(z.string()),
  hypothetical: z.array(z.string()),
  negation: z.array(z.string()),
  reported: z.array(z.string()),
  lookback: z.array(z.string()),
  controlVerbs: z.array(z.string()),
  governingVerbs: z.array(z.string()),
  codedSpeechVerbs: z.array(z.string()),
  orderVerbs: z.array(z.string()),
  forceNouns: z.array(z.string()),
  policeNouns: z.array(z.string()),
  attributiveParticiples: z.array(z.string()),
});

export const acledFileSchema = z.object({
  rules: z.array(z.object({ type: ploverType, modes: z.array(z.string()).optional(), acled: z.string() })),
});

export type PloverFile = z.infer<typeof ploverFileSchema>;
export type CameoFile = z.infer<typeof cameoFileSchema>;
export type VerbsFile = z.infer<typeof verbsFileSchema>;
export type NounsFile = z.infer<typeof nounsFileSchema>;
export type PhrasesFile = z.infer<typeof phrasesFileSchema>;
export type AcledFile = z.infer<typeof acledFileSchema>;
