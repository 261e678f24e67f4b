/**
 * Builds data/actors/phoenix-actors.tsv, data/actors/phoenix-agents.tsv and data/actors/countries.tsv
 * from the MIT-licensed Phoenix (petrarch2) dictionaries and the NGEC country list in ../shared/bench.
 *
 *   npx tsx scripts/build-actors.ts
 *
 * The outputs are our own compact TSV files (see data/README.md, section "actors"). Hand-made
 * corrections and post-2014 actors live in data/actors/*-update.tsv and are never overwritten here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR, SHARED_BENCH_DIR } from "../src/runtime/paths.js";
import { aliasKeys } from "../src/stages/actors/normalize.js";

/** People whose last office ended before this date are dropped: they are rare in current news and cost load time. */
const PERSON_CUTOFF = "2008-01-01";

const DICT = join(SHARED_BENCH_DIR, "dictionaries");
const OUT = join(DATA_DIR, "actors");

// CAMEO role codes -> PLOVER sectors (first recognised code wins).
const SECTOR: Record<string, string> = {
  GOV: "GOV",
  MIL: "MIL",
  REB: "REB",
  UAF: "REB",
  INS: "REB",
  SEP: "REB",
  IMG: "REB",
  OPP: "OPP",
  PTY: "PTY",
  COP: "POL",
  JUD: "JUD",
  LEG: "LEG",
  SPY: "SPY",
  MED: "MED",
  JRN: "MED",
  EDU: "EDU",
  BUS: "BUS",
  CVL: "CVL",
  LAB: "CVL",
  AGR: "CVL",
  PPL: "CVL",
  REL: "REL",
  MUS: "REL",
  CHR: "REL",
  JEW: "REL",
  BUD: "REL",
  HIN: "REL",
  NGO: "NGO",
  HRI: "NGO",
  IGO: "IGO",
  REF: "REF",
  CRM: "CRM",
  HLH: "HLH",
};

const TITLE_WORDS = new Set(
  "president vice prime minister premier chancellor king queen emir sultan leader chief head secretary general pm mr mrs foreign defense defence interior state deputy acting supreme".split(
    " ",
  ),
);

const OFFICE_WORDS = new Set(
  "secretary president minister ministers envoy spokesman spokesperson chairman chief head director commissioner ambassador representative rapporteur coordinator".split(
    " ",
  ),
);

const ORG_WORDS = new Set(
  (
    "army forces force party council ministry committee government front movement brigade brigades guard guards police court " +
    "parliament assembly congress senate union organization organisation agency bank state office house league corps " +
    "commission authority authorities group network alliance coalition association federation institute foundation " +
    "service services navy command battalion battalions regiment division center centre tribunal company corporation " +
    "cabinet administration department bureau secretariat mission fund program programme society church radio television " +
    "news times post journal network jihad mujahideen taliban army's brotherhood militia militias unit units legion"
  ).split(" "),
);

function readLines(file: string): string[] {
  return readFileSync(join(DICT, file), "utf8").split(/\r?\n/);
}

/** "NURI_AL_MALIKI_" -> "Nuri al-Maliki" (display only). */
function displayName(raw: string): string {
  const words = raw
    .replace(/_+$/, "")
    .split(/[_\s]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const lw = w.toLowerCase();
    if ((lw === "al" || lw === "el") && i + 1 < words.length) {
      out.push(lw + "-" + cap(words[++i]));
      continue;
    }
    if (/^[A-Z]{2,5}$/.test(w) && (words.length === 1 || !/[AEIOUY]/.test(w))) out.push(w);
    else if (["of", "the", "and", "for", "in", "bin", "ibn", "de", "du", "des", "la", "le"].includes(lw) && i > 0) out.push(lw);
    else out.push(cap(w));
  }
  return out.join(" ");
}

function cap(w: string): string {
  return w
    .toLowerCase()
    .split("-")
    .map((p) => (p.length > 0 ? p[0].toUpperCase() + p.slice(1) : p))
    .join("-");
}

function cleanAlias(raw: string): string {
  return raw.replace(/#.*$/, "").replace(/\[.*$/, "").trim().replace(/_+$/, "").replace(/_/g, " ").replace(/\s+/g, " ").trim();
}

/** YYMMDD or YYYYMMDD -> YYYY-MM-DD; null when malformed. */
function phoenixDate(s: string): string | null {
  let y: number, m: string, d: string;
  if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    y = yy > 30 ? 1900 + yy : 2000 + yy;
    m = s.slice(2, 4);
    d = s.slice(4, 6);
  } else if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    m = s.slice(4, 6);
    d = s.slice(6, 8);
  } else return null;
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${y}-${m}-${d}`;
}

interface Role {
  country: string | null;
  sector: string | null;
  from: string | null;
  to: string | null;
}

const ISO3 = new Set<string>();

/** CAMEO country codes that are not ISO 3166 alpha-3 (or name states that no longer exist) -> ISO3. */
const CAMEO_COUNTRY: Record<string, string> = {
  KSV: "XKX",
  ANG: "AGO",
  TMP: "TLS",
  USR: "RUS",
  YUG: "SRB",
  SCG: "SRB",
  FRY: "SRB",
  SRP: "SRB",
};

/** "IRQGOVHRI >110101" -> role. */
function parseCode(code: string): Role | null {
  const m = /^([A-Z]{3,})\s*(.*)$/.exec(code.trim());
  if (!m) return null;
  const letters = m[1];
  const range = m[2].trim();
  let country: string | null = null;
  let rest = letters;
  const head = CAMEO_COUNTRY[letters.slice(0, 3)] ?? letters.slice(0, 3);
  if (ISO3.has(head)) {
    country = head;
    rest = letters.slice(3);
  } else if (head === "IGO" || head === "NGO" || head === "IMG" || head === "MNC") {
    rest = letters;
  } else if (head.length === 3 && !SECTOR[head]) {
    // Non-ISO country code (e.g. regional groupings): keep no country.
    rest = letters.slice(3);
  }
  let sector: string | null = null;
  for (let i = 0; i + 3 <= rest.length; i += 3) {
    const s = SECTOR[rest.slice(i, i + 3)];
    if (s) {
      sector = s;
      break;
    }
  }
  if (head === "MNC") sector = "BUS";
  let from: string | null = null;
  let to: string | null = null;
  if (range.startsWith(">")) from = phoenixDate(range.slice(1));
  else if (range.startsWith("<")) to = phoenixDate(range.slice(1));
  else if (range.includes("-")) {
    const [a, b] = range.split("-");
    from = phoenixDate(a);
    to = phoenixDate(b);
    if (!from || !to) return null;
  } else if (range.length > 0) return null;
  return { country, sector, from, to };
}

interface RawEntry {
  head: string;
  comment: string;
  aliases: string[];
  codes: string[];
  file: string;
}

function parseActorFile(file: string): RawEntry[] {
  const out: RawEntry[] = [];
  let cur: RawEntry | null = null;
  for (const line of readLines(file)) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const trimmed = line.trim();
    const codes = [...trimmed.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    if (/^\s/.test(line) && trimmed.startsWith("[")) {
      if (cur) cur.codes.push(...codes);
      continue;
    }
    if (trimmed.startsWith("+")) {
      if (cur) cur.aliases.push(cleanAlias(trimmed.slice(1)));
      if (cur) cur.codes.push(...codes);
      continue;
    }
    if (trimmed.startsWith("[")) {
      if (cur) cur.codes.push(...codes);
      continue;
    }
    const hash = trimmed.indexOf("#");
    cur = { head: cleanAlias(trimmed), comment: hash >= 0 ? trimmed.slice(hash + 1) : "", aliases: [], codes, file };
    out.push(cur);
  }
  return out;
}

const ids = new Set<string>();
function makeId(name: string, country: string | null): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  let id = "px." + base;
  if (ids.has(id) && country) id += "." + country.toLowerCase();
  let n = 2;
  const stem = id;
  while (ids.has(id)) id = `${stem}.${n++}`;
  ids.add(id);
  return id;
}

function fmtRole(r: Role): string {
  return `${r.country ?? "-"}/${r.sector ?? "-"}:${r.from ?? ""}..${r.to ?? ""}`;
}

function main(): void {
  // Countries: NGEC countries.csv (MIT) -> iso3, name, aliases. Territories listed under a country are dropped later by
  // the hand-made countries-update.tsv, which replaces the alias list of any country it names.
  const csv = readFileSync(join(SHARED_BENCH_DIR, "codebooks", "countries.csv"), "utf8")
    .split(/\r?\n/)
    .slice(1);
  const countryRows: string[] = [];
  for (const line of csv) {
    if (!line.trim()) continue;
    const m = /^([^,]*),([^,]*),([^,]*),(?:"([^"]*)"|(.*))$/.exec(line);
    if (!m) continue;
    const iso = m[3];
    if (!/^[A-Z]{3}$/.test(iso) || iso === "EUR" || iso === "UNO") continue;
    ISO3.add(iso);
    const name = m[2].replace(/\s*\[.*\]$/, "");
    const aliases = (m[4] ?? m[5] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s !== name);
    countryRows.push([iso, name, aliases.join("|")].join("\t"));
  }
  // ISO codes of states and territories the NGEC list leaves out.
  for (const extra of [
    "XKX",
    "SSD",
    "PSE",
    "TWN",
    "DMA",
    "BMU",
    "AIA",
    "COK",
    "ABW",
    "CYM",
    "GLP",
    "GGY",
    "PRI",
    "VGB",
    "FLK",
    "IMN",
    "ASM",
  ])
    ISO3.add(extra);

  // Agent nouns first: their words must not be taken as names of specific actors.
  const agentRows: string[] = [];
  const agentWords = new Set<string>();
  const macros: Record<string, string[]> = {};
  for (const line of readLines("Phoenix.agents.txt")) {
    const t = line.replace(/#.*$/, "").trim();
    if (!t) continue;
    const mac = /^!(\w+)!\s*=\s*(.*)$/.exec(t);
    if (mac) {
      macros[mac[1]] = mac[2].split(",").map((s) => s.trim().toLowerCase());
      continue;
    }
    const m = /^(.*?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]/.exec(t);
    if (!m) continue;
    const code = m[3];
    let sector: string | null = null;
    for (let i = 0; i + 3 <= code.length; i += 3) {
      sector = SECTOR[code.slice(i, i + 3)] ?? null;
      if (sector) break;
    }
    if (code.startsWith("ELI")) sector = "GOV";
    if (!sector) continue;
    let forms: string[] = [m[1].trim()];
    const macro = /!(\w+)!/.exec(forms[0]);
    if (macro && macros[macro[1]]) forms = macros[macro[1]].map((w) => forms[0].replace(macro[0], w));
    else if (/MINIST_?$/.test(forms[0])) forms = macros.MINIST.map((w) => forms[0].replace(/MINIST_?$/, w));
    const phrases = new Set<string>();
    for (const f of forms) {
      const p = f.replace(/_+$/, "").replace(/_/g, " ").toLowerCase().trim();
      if (p.length > 1 && /^[a-z][a-z '\-.]*$/.test(p)) phrases.add(p);
    }
    if (m[2]) for (const p of m[2].split(",")) if (p.trim()) phrases.add(p.trim().replace(/_/g, " ").toLowerCase());
    if (phrases.size === 0) continue;
    for (const p of phrases) agentWords.add(p);
    const former = code.startsWith("ELI") ? "former" : "";
    agentRows.push([[...phrases].join("|"), sector, former].join("\t"));
  }

  const countryWords = new Set<string>();
  for (const row of countryRows)
    for (const n of [row.split("\t")[1], ...row.split("\t")[2].split("|")]) for (const w of aliasKeys(n)) countryWords.add(w);
  const entries = [
    ...parseActorFile("Phoenix.Countries.actors.txt"),
    ...parseActorFile("Phoenix.International.actors.txt"),
    ...parseActorFile("Phoenix.MilNonState.actors.txt"),
  ];
  const rows: string[] = [];
  const placeKeys = new Map<string, string>(); // key -> ISO3, "-" when two countries claim it
  let skipped = 0;
  for (const e of entries) {
    const roles = e.codes.map(parseCode).filter((r): r is Role => r !== null && (r.sector !== null || r.country !== null));
    // A bare country code (no sector) is a country, region or city list: countries come from countries.tsv, places from the places stage.
    if (roles.length === 0 || roles.every((r) => r.sector === null)) {
      // Kept as place names: the stage must not report "Goma" or "Khost" as unknown actors.
      const iso = roles.length > 0 ? (roles[roles.length - 1].country ?? "-") : "-";
      for (const a of [cleanAlias(e.head), ...e.aliases]) {
        if (!a || /[()]/.test(a)) continue;
        const k = aliasKeys(displayName(a)).join(" ");
        if (k.length <= 2) continue;
        const prev = placeKeys.get(k);
        placeKeys.set(k, prev === undefined || prev === iso ? iso : "-");
      }
      skipped++;
      continue;
    }
    if (roles.some((r) => r.country === null && r.sector === "BUS")) {
      skipped++; // multinational companies: out of scope, and they would double the file
      continue;
    }
    const name = displayName(e.head);
    const words = e.head
      .toLowerCase()
      .split(/[_\s]+/)
      .filter(Boolean);
    const isOrg = words.some((w) => ORG_WORDS.has(w.replace(/_$/, "")));
    const current = roles[roles.length - 1];
    const known = roles.find((r) => r.sector !== null) ?? current;
    let kind: string;
    if (e.comment.includes("CountryInfo")) kind = "person";
    else if (isOrg || words.length === 1 || words.length > 5) kind = known.sector === "REB" ? "group" : "organization";
    else if (e.file.includes("MilNonState")) kind = "group";
    else kind = "person";
    if (kind === "organization" && (known.sector === "GOV" || known.sector === "LEG" || known.sector === "JUD")) kind = "institution";
    // Offices named as actors ("UN Secretary General", "Prime Minister of Israel") are institutions, not people.
    if (kind === "person" && !e.comment.includes("CountryInfo") && words.some((w) => OFFICE_WORDS.has(w.replace(/_$/, ""))))
      kind = "institution";
    const aliasSet = new Set<string>();
    for (const a of [cleanAlias(e.head), ...e.aliases]) {
      if (!a || a.length < 2) continue;
      if (/'S\b/i.test(a)) continue; // "SYRIA'S GOVERNMENT": a composition, handled by the stage
      if (agentWords.has(a.toLowerCase())) continue; // "SENATE" alone is any country's senate
      if (/[()]/.test(a)) {
        const bare = a.replace(/\s*\([^)]*\)\s*/g, " ").trim();
        if (bare.length > 1) aliasSet.add(displayName(bare));
        continue;
      }
      aliasSet.add(displayName(a));
    }
    // "German Chancellor", "Iraqi President": an office, not its holder on every date; the stage resolves offices by date.
    for (const a of [...aliasSet]) {
      const ws = aliasKeys(a);
      if (
        ws.length > 0 &&
        ws.some((w) => TITLE_WORDS.has(w)) &&
        ws.every((w) => TITLE_WORDS.has(w) || countryWords.has(w) || w === "of" || w === "the")
      ) {
        aliasSet.delete(a);
      }
    }
    if (aliasSet.size === 0) continue;
    if (kind === "person") {
      const ends = roles.map((r) => r.to ?? "9999");
      if (ends.every((d) => d < PERSON_CUTOFF)) {
        skipped++;
        continue;
      }
    }
    aliasSet.add(name);
    // Aliases are stored as pre-computed match keys (space-joined), so loading needs no normalisation.
    const keySet = new Set<string>();
    for (const a of aliasSet) {
      const k = aliasKeys(a).join(" ");
      if (k.length > 1) keySet.add(k);
    }
    // People also get their surname, marked "~": the stage accepts it only after an office title ("President Mugabe").
    if (kind === "person") {
      const keys = aliasKeys(name);
      const last = keys[keys.length - 1];
      if (keys.length > 1 && last.length >= 4 && !keySet.has(last) && !agentWords.has(last)) keySet.add("~" + last);
    }
    if (keySet.size === 0) continue;
    const country = known.country;
    const sector = known.sector;
    rows.push(
      [makeId(name, country), kind, country ?? "-", sector ?? "-", name, [...keySet].join("|"), "", roles.map(fmtRole).join(";")].join(
        "\t",
      ),
    );
  }

  const header = (cols: string) => `# generated by scripts/build-actors.ts from the Phoenix dictionaries (MIT); do not edit\n# ${cols}\n`;
  writeFileSync(
    join(OUT, "phoenix-actors.tsv"),
    header("id\tkind\tcountry\tsector\tname\tmatch keys (normalised aliases)\twikidata\troles") + rows.join("\n") + "\n",
  );
  writeFileSync(join(OUT, "phoenix-agents.tsv"), header("phrases\tsector\tflags") + agentRows.join("\n") + "\n");
  writeFileSync(
    join(OUT, "countries.tsv"),
    "# generated by scripts/build-actors.ts from NGEC countries.csv (MIT); do not edit\n# iso3\tname\taliases\n" +
      countryRows.join("\n") +
      "\n",
  );
  writeFileSync(
    join(OUT, "place-names.tsv"),
    "# generated by scripts/build-actors.ts: cities and regions listed under countries in the Phoenix dictionaries (MIT)\n# match key\tISO3 ('-' when unknown or shared)\n" +
      [...placeKeys]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([k, iso]) => `${k}\t${iso}`)
        .join("\n") +
      "\n",
  );
  console.log(
    `places: ${placeKeys.size}, actors: ${rows.length} (skipped ${skipped}), agents: ${agentRows.length}, countries: ${countryRows.length}`,
  );
}

main();
