import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ActorRecordSchema,
  AgentRecordSchema,
  CountryRecordSchema,
  SECTORS,
  type ActorRecord,
  type ActorsResources,
  type AgentRecord,
  type CountryRecord,
  type Role,
  parseRoleText,
  GENERATED_ROW,
} from "../stages/actors/types.js";
import { aliasKeys } from "../stages/actors/normalize.js";

/**
 * Reads data/actors/: countries.tsv (+ countries-update.tsv), phoenix-actors.tsv (+ actors-update.tsv)
 * and phoenix-agents.tsv (+ agents.tsv). Hand-made files are validated with zod row by row; the
 * generated Phoenix file (22k rows) gets the same checks through a cheap hand-written validator,
 * which keeps the cold start small.
 */
export function loadActorsResources(dataDir: string): ActorsResources {
  const dir = join(dataDir, "actors");
  const countries = loadCountries(dir);
  const replaced = new Set<string>();
  const curated = readActors(join(dir, "actors-update.tsv"), true, replaced);
  const generated = readGenerated(join(dir, "phoenix-actors.tsv"), replaced);
  const agents = [...readAgents(join(dir, "agents.tsv"), true), ...readAgents(join(dir, "phoenix-agents.tsv"), false)];
  const placeNames = new Map<string, string | null>();
  const placesFile = join(dir, "place-names.tsv");
  const placeLines = readFileSync(placesFile, "utf8").split("\n");
  for (let i = 0; i < placeLines.length; i++) {
    const l = placeLines[i];
    if (l.length === 0 || l.startsWith("#")) continue;
    const tab = l.indexOf("\t");
    const iso = tab < 0 ? "" : l.slice(tab + 1);
    if (tab < 1 || !/^([A-Z]{3}|-)$/.test(iso)) fail(placesFile, i + 1, "want: match key, ISO3 or -");
    placeNames.set(l.slice(0, tab), iso === "-" ? null : iso);
  }
  addAdmin1Names(join(dataDir, "places", "admin1.tsv"), placeNames, countries);
  return { countries, actors: curated, generated, agents, placeNames };
}

/**
 * The places gazetteer's first-level divisions ("Cabo Delgado", "Upper Nile") are place names too, so that the
 * actors stage counts them toward the article's country and never takes them for people. US states are left out
 * ("Georgia", "Washington"), as are names that are countries' names or are shared by two countries.
 */
function addAdmin1Names(file: string, placeNames: Map<string, string | null>, countries: readonly CountryRecord[]): void {
  const countryKeys = new Set<string>();
  for (const c of countries) for (const n of [c.name, ...c.aliases]) countryKeys.add(aliasKeys(n).join(" "));
  const found = new Map<string, string | null>();
  for (const { cols } of rows(file)) {
    const [iso, name, , , aliases] = cols;
    if (!/^[A-Z]{3}$/.test(iso) || iso === "USA") continue;
    for (const n of [name, ...(aliases ?? "").split("|")]) {
      const key = aliasKeys(n).join(" ");
      if (key.length < 3 || countryKeys.has(key)) continue;
      const prev = found.get(key);
      found.set(key, prev === undefined || prev === iso ? iso : null);
    }
  }
  for (const [key, iso] of found) if (!placeNames.has(key)) placeNames.set(key, iso);
}

function rows(file: string): { cols: string[]; line: number }[] {
  const text = readFileSync(file, "utf8");
  const out: { cols: string[]; line: number }[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].replace(/\r$/, "");
    if (l.length === 0 || l.startsWith("#")) continue;
    out.push({ cols: l.split("\t"), line: i + 1 });
  }
  return out;
}

function fail(file: string, line: number, msg: string): never {
  throw new Error(`${file}:${line}: ${msg}`);
}

function list(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split("|")
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

function loadCountries(dir: string): CountryRecord[] {
  const base = new Map<string, CountryRecord>();
  const file = join(dir, "countries.tsv");
  for (const { cols, line } of rows(file)) {
    if (cols.length < 2) fail(file, line, "expected iso3, name, aliases");
    base.set(cols[0], { iso3: cols[0], name: cols[1], aliases: list(cols[2]), capitals: [] });
  }
  const upd = join(dir, "countries-update.tsv");
  for (const { cols, line } of rows(upd)) {
    if (cols.length < 2) fail(upd, line, "expected iso3, name, aliases, capitals, wikidata");
    const [iso, name, aliasCol = "", capCol = "", wd = ""] = cols;
    const prev = base.get(iso);
    const replace = aliasCol.startsWith("=");
    const extra = list(replace ? aliasCol.slice(1) : aliasCol);
    const aliases = replace || !prev ? extra : [...prev.aliases, ...extra];
    // (A replaced list is the whole list: "Congo" is no longer the Republic of the Congo's once listed for the DRC.)
    if (prev && !replace && prev.name !== name && !aliases.includes(prev.name)) aliases.push(prev.name);
    const rec = { iso3: iso, name, aliases: [...new Set(aliases)], capitals: list(capCol), ...(wd ? { wikidata: wd } : {}) };
    const parsed = CountryRecordSchema.safeParse(rec);
    if (!parsed.success) fail(upd, line, parsed.error.message);
    base.set(iso, parsed.data);
  }
  return [...base.values()];
}

const SECTOR_SET = new Set<string>(SECTORS);
function parseRole(s: string, file: string, line: number): Role {
  const r = parseRoleText(s);
  if (typeof r === "string") fail(file, line, r);
  return r;
}

/** The generated file: each row's shape is checked here; rows become records only when matched. */
function readGenerated(file: string, replaced: ReadonlySet<string>): string[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length === 0 || l.charCodeAt(0) === 35 /* # */) continue;
    if (!GENERATED_ROW.test(l)) fail(file, i + 1, "malformed row (want id, kind, country, sector, name, keys, wikidata, roles)");
    if (replaced.size > 0 && replaced.has(l.slice(0, l.indexOf("\t")))) continue;
    out.push(l);
  }
  return out;
}

/** `replaced` collects the Phoenix ids named in the hand-made file's "replaces" column (read first). */
function readActors(file: string, curated: boolean, replaced: Set<string>): ActorRecord[] {
  const out: ActorRecord[] = [];
  const ids = new Set<string>();
  for (const { cols, line } of rows(file)) {
    if (cols.length < 5) fail(file, line, "expected id, kind, country, sector, name, aliases, wikidata, roles[, replaces]");
    const [id, kind, country, sector, name, aliasCol = "", wd = "", roleCol = "", replaces = ""] = cols;
    if (ids.has(id)) fail(file, line, `duplicate id ${id}`);
    ids.add(id);
    const rec = {
      id,
      kind,
      country: country === "-" || country === "" ? null : country,
      sector: sector === "-" || sector === "" ? null : sector,
      name,
      aliases: curated ? list(aliasCol) : aliasCol.split("|"),
      ...(wd ? { wikidata: wd } : {}),
      roles: curated
        ? roleCol
            .split(";")
            .filter((r) => r.trim().length > 0)
            .map((r) => parseRole(r, file, line))
        : [],
      curated,
      // The generated file stores match keys and leaves roles unparsed until an entry is matched.
      ...(curated ? {} : { keyed: true, rolesRaw: roleCol }),
    };
    if (curated) {
      const parsed = ActorRecordSchema.safeParse(rec);
      if (!parsed.success) fail(file, line, parsed.error.message);
      out.push(parsed.data);
      for (const r of replaces.split(";")) if (r.trim()) replaced.add(r.trim());
    } else {
      if (!/^(person|organization|group|institution)$/.test(kind)) fail(file, line, `bad kind ${kind}`);
      if (rec.country !== null && !/^[A-Z]{3}$/.test(rec.country)) fail(file, line, `bad country ${rec.country}`);
      if (rec.sector !== null && !SECTOR_SET.has(rec.sector)) fail(file, line, `bad sector ${rec.sector}`);
      out.push(rec as ActorRecord);
    }
  }
  return curated ? out : out.filter((r) => !replaced.has(r.id));
}

function readAgents(file: string, curated: boolean): AgentRecord[] {
  const out: AgentRecord[] = [];
  for (const { cols, line } of rows(file)) {
    const rec = { phrases: list(cols[0]), sector: cols[1], flags: list((cols[2] ?? "").replace(/,/g, "|")), curated };
    if (curated) {
      const parsed = AgentRecordSchema.safeParse(rec);
      if (!parsed.success) fail(file, line, parsed.error.message);
      out.push(parsed.data);
    } else {
      if (!SECTOR_SET.has(rec.sector)) fail(file, line, `bad sector ${rec.sector}`);
      out.push(rec as AgentRecord);
    }
  }
  return out;
}
