import { z } from "zod";
import type { Sector } from "../../model/annotations.js";

/** Sectors allowed in the actor data files (a subset of the model's Sector). */
export const SECTORS = [
  "GOV",
  "MIL",
  "LEG",
  "JUD",
  "POL",
  "REB",
  "OPP",
  "PTY",
  "IGO",
  "NGO",
  "MED",
  "BUS",
  "CVL",
  "REL",
  "SPY",
  "EDU",
  "HLH",
  "REF",
  "CRM",
  "UNK",
] as const satisfies readonly Sector[];

const sector = z.enum(SECTORS);
const iso3 = z.string().regex(/^[A-Z]{3}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RoleSchema = z.object({
  /** Lower-case office title ("prime minister"), when known. */
  title: z.string().min(1).optional(),
  country: iso3.nullable(),
  sector: sector.nullable(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type Role = z.infer<typeof RoleSchema>;

export const ActorRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.\-]*$/),
  kind: z.enum(["person", "organization", "group", "institution"]),
  country: iso3.nullable(),
  sector: sector.nullable(),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  roles: z.array(RoleSchema),
  /** From the hand-made update file: wins over the Phoenix-derived entries. */
  curated: z.boolean(),
  /** Aliases are already match keys (space-joined, see normalize.ts): generated files store them so. */
  keyed: z.boolean().optional(),
  /** Roles not parsed yet (generated file); see rolesOf() in lexicon.ts. */
  rolesRaw: z.string().optional(),
});
export type ActorRecord = z.infer<typeof ActorRecordSchema>;

export const CountryRecordSchema = z.object({
  iso3,
  name: z.string().min(1),
  /** Names, short forms and demonyms ("Iraq", "Iraqi", "Iraqis"). */
  aliases: z.array(z.string().min(1)),
  /** Capitals and seats of government used as metonyms ("Washington said"). */
  capitals: z.array(z.string().min(1)),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
});
export type CountryRecord = z.infer<typeof CountryRecordSchema>;

export const AgentRecordSchema = z.object({
  phrases: z.array(z.string().min(1)).min(1),
  sector,
  /** title: may stand before a name; person: one human; nameonly: an actor only before a name; equip: weapons, an actor only with a country; former: ex-office. */
  flags: z.array(z.enum(["title", "person", "nameonly", "equip", "groupref", "igoref", "former"])),
  curated: z.boolean(),
});
export type AgentRecord = z.infer<typeof AgentRecordSchema>;

/** Everything the actors stage needs, read once by src/runtime/load-actors.ts. */
export interface ActorsResources {
  readonly countries: readonly CountryRecord[];
  /** Hand-made actors (validated). */
  readonly actors: readonly ActorRecord[];
  /**
   * Rows of the generated phoenix-actors.tsv, checked for shape by the loader and turned into
   * ActorRecords only when matched (parseGeneratedRow): most of the 15k rows never are.
   */
  readonly generated: readonly string[];
  readonly agents: readonly AgentRecord[];
  /** Match keys of place names (cities, regions) -> ISO3 or null: never unknown actors; "Darfur rebels" take the country. */
  readonly placeNames: ReadonlyMap<string, string | null>;
}

const SECTOR_SET = new Set<string>(SECTORS);
const ROLE_RE = /^(?:([^@]+)@)?([A-Z]{3}|-)\/([A-Z]{3}|-):(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/;

/** "prime minister@IRQ/GOV:2022-10-27.." -> Role, or an error message. */
export function parseRoleText(s: string): Role | string {
  const m = ROLE_RE.exec(s.trim());
  if (!m) return `bad role "${s}" (want title@CTY/SEC:from..to)`;
  const sector = m[3] === "-" ? null : m[3];
  if (sector !== null && !SECTOR_SET.has(sector)) return `unknown sector ${sector}`;
  return {
    ...(m[1] ? { title: m[1].trim() } : {}),
    country: m[2] === "-" ? null : m[2],
    sector: sector as Role["sector"],
    ...(m[4] ? { from: m[4] } : {}),
    ...(m[5] ? { to: m[5] } : {}),
  };
}

const SECTOR_OR_NULL = (s: string): Role["sector"] => (SECTOR_SET.has(s) ? (s as Role["sector"]) : null);

/** Shape of a generated row: id, kind, country, sector, name, match keys, wikidata, roles. */
export const GENERATED_ROW =
  /^px\.[a-z0-9.\-]+\t(?:person|organization|group|institution)\t(?:[A-Z]{3}|-)\t(?:[A-Z]{3}|-)\t[^\t]+\t[^\t]+\t(?:Q\d+)?\t[^\t]*$/;

/** A generated row -> ActorRecord (roles stay raw until used). */
export function parseGeneratedRow(line: string): ActorRecord {
  const [id, kind, country, sector, name, keys, wd, roles] = line.split("\t");
  return {
    id,
    kind: kind as ActorRecord["kind"],
    country: country === "-" ? null : country,
    sector: sector === "-" ? null : SECTOR_OR_NULL(sector),
    name,
    aliases: keys.split("|"),
    ...(wd ? { wikidata: wd } : {}),
    roles: [],
    curated: false,
    keyed: true,
    rolesRaw: roles ?? "",
  };
}
