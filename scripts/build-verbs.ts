/**
 * Builds the events stage's generated data files from the public reference files in
 * ../shared/bench (never copied into the repo; only our own derived JSON is written):
 *
 *   data/events/verbs.json  verb lemmas (+ particles) and their object/subject patterns -> CAMEO code,
 *                           derived from the MIT PETRARCH verb dictionary (CAMEO.2.0.txt);
 *   data/events/cameo.json  CAMEO code -> label and PLOVER type/mode/context, derived from the
 *                           CC BY-SA CAMEO2PLOVER table and the CAMEO code labels.
 *
 * Usage: npx tsx scripts/build-verbs.ts [benchDir]
 *
 * The PETRARCH pattern language is simplified on purpose: a pattern becomes the ordered
 * words that must appear before and after the verb in the same clause (synonym sets are
 * kept by name and expanded when the stage loads). Source/target markers are dropped: the
 * stage finds actors from clause structure instead.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DATA_DIR, SHARED_BENCH_DIR } from "../src/runtime/paths.js";

const bench = resolve(process.argv[2] ?? SHARED_BENCH_DIR);
const outDir = join(DATA_DIR, "events");

/* ---------------------------------------------------------------- verbs */

interface PatternOut {
  /** Items before the verb, in order: a word ("air strike") or a set ("&WEAPON"). */
  pre?: string[];
  post?: string[];
  /** CAMEO code, or null when the pattern says "not an event". */
  code: string | null;
  /** The code is for the reverse direction (target acts on source). */
  reverse?: true;
  /**
   * The verbs of the block this pattern was written for (from the pattern's comment, which
   * the source file uses to name them); absent when the comment names none.
   */
  verbs?: string[];
}
interface VerbOut {
  /** Base form, lower case; multi-word verbs keep their particle: "carry out". */
  lemma: string;
  /** Irregular inflected forms listed in the source. */
  forms?: string[];
  code: string | null;
  /** Name of the source block (for traces). */
  block: string;
}
interface BlockOut {
  name: string;
  code: string | null;
  patterns: PatternOut[];
}

function parseCode(raw: string | undefined): { code: string | null; reverse?: true } {
  if (raw === undefined) return { code: null };
  const body = raw.replace(/[[\]]/g, "").trim();
  if (body === "" || body.startsWith("---")) return { code: null };
  const [a, b] = body.split(":");
  if (a && /^\d{2,4}$/.test(a.trim())) return { code: a.trim() };
  if (b && /^\d{2,4}$/.test(b.trim())) return { code: b.trim(), reverse: true };
  return { code: null };
}

function wordOf(raw: string): string {
  return raw.replace(/_+$/, "").replace(/_/g, " ").toLowerCase();
}

/** Splits a pattern side into items: words, {compound words}, (prep phrase words), &SETS. Markers ($ ^ + %) are dropped. */
function items(side: string): string[] {
  const out: string[] = [];
  const cleaned = side.replace(/[()]/g, " ");
  const re = /\{([^}]*)\}|(\S+)/g;
  for (const m of cleaned.matchAll(re)) {
    if (m[1] !== undefined) {
      const words = m[1].trim().split(/\s+/).filter(Boolean);
      // A compound of plain words is one multi-word item; sets inside stay separate items.
      if (words.every((w) => !w.startsWith("&"))) out.push(words.map(wordOf).join(" "));
      else for (const w of words) out.push(w.startsWith("&") ? w.replace(/_+$/, "") : wordOf(w));
      continue;
    }
    const t = m[2];
    if (/^[$^+%|=]+$/.test(t)) continue;
    if (t.startsWith("&")) out.push(t.replace(/_+$/, ""));
    else if (/^[A-Z0-9][A-Z0-9'_.-]*$/i.test(t)) out.push(wordOf(t));
  }
  return out.filter((w) => w.length > 0);
}

const verbLines = readFileSync(join(bench, "dictionaries", "CAMEO.2.0.txt"), "utf8").split(/\r?\n/);
const sets: Record<string, string[]> = {};
const blocks: BlockOut[] = [];
const verbs: VerbOut[] = [];
let section: "head" | "sets" | "verbs" = "head";
let currentSet: string | null = null;
let block: BlockOut | null = null;

for (const rawLine of verbLines) {
  const line = rawLine.replace(/\t/g, " ");
  if (line.startsWith("####### SYNONYM SETS")) {
    section = "sets";
    continue;
  }
  if (line.startsWith("####### VERB PATTERNS")) {
    section = "verbs";
    continue;
  }
  const body = line.replace(/#.*$/, "").trim();
  if (section === "sets") {
    if (body.startsWith("&")) {
      currentSet = body.replace(/_+$/, "");
      sets[currentSet] = [];
    } else if (body.startsWith("+") && currentSet) {
      sets[currentSet].push(wordOf(body.slice(1)));
    }
    continue;
  }
  if (section !== "verbs" || body === "") continue;
  const header = /^---\s+(\S+)\s+(\[[^\]]*\])\s+---/.exec(body);
  if (header) {
    block = { name: header[1].toLowerCase(), code: parseCode(header[2]).code, patterns: [] };
    blocks.push(block);
    continue;
  }
  if (!block) continue;
  if (body.startsWith("-")) {
    const comment = /#\s*(.*)$/.exec(line)?.[1] ?? "";
    const m = /^-\s*(.*?)\s*(\[[^\]]*\])?\s*$/.exec(body);
    if (!m) continue;
    const [pre, post] = m[1].includes("*") ? m[1].split("*", 2) : ["", m[1]];
    const { code, reverse } = m[2] ? parseCode(m[2]) : { code: block.code, reverse: undefined };
    const p: PatternOut = { code };
    const preItems = items(pre);
    const postItems = items(post ?? "");
    if (preItems.length) p.pre = preItems;
    if (postItems.length) p.post = postItems;
    if (reverse) p.reverse = true;
    if (!p.pre && !p.post) continue;
    const named = comment
      .split(/[,\s]+/)
      .filter((w) => /^[A-Z][A-Z_-]+$/.test(w))
      .map((w) => wordOf(w));
    if (named.length) p.verbs = [...new Set(named)];
    block.patterns.push(p);
    continue;
  }
  // A verb line: VERB {FORMS} [code]  or  +MULTI_WORD {+FORMS} [code]
  const vm = /^(\+?)([A-Z][A-Z0-9_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(body);
  if (!vm) continue;
  const lemma = wordOf(vm[2]);
  const forms = vm[3]
    ? vm[3]
        .slice(1, -1)
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((f) => wordOf(f.replace(/^\+/, "")))
    : [];
  const v: VerbOut = { lemma, code: vm[4] ? parseCode(vm[4]).code : block.code, block: block.name };
  if (forms.length) v.forms = forms;
  verbs.push(v);
}

// A pattern naming a synonym set the source never defines (&FIGHT_CRIM, &WEATHER) cannot match as meant: drop it.
let dropped = 0;
for (const b of blocks) {
  const before = b.patterns.length;
  b.patterns = b.patterns.filter((p) => [...(p.pre ?? []), ...(p.post ?? [])].every((i) => !i.startsWith("&") || sets[i] !== undefined));
  dropped += before - b.patterns.length;
}
if (dropped) console.log(`dropped ${dropped} patterns that use undefined synonym sets`);
const patternCount = blocks.reduce((n, b) => n + b.patterns.length, 0);
writeFileSync(
  join(outDir, "verbs.json"),
  JSON.stringify(
    {
      $comment:
        "GENERATED by scripts/build-verbs.ts from the MIT PETRARCH verb dictionary CAMEO.2.0.txt (Open Event Data Alliance). Do not edit by hand: edit the script or data/events/phrases.json.",
      sets,
      blocks,
      verbs,
    },
    null,
    0,
  ) + "\n",
);
console.log(`verbs.json: ${verbs.length} verbs, ${blocks.length} blocks, ${patternCount} patterns, ${Object.keys(sets).length} sets`);

/* ---------------------------------------------------------------- CAMEO -> PLOVER */

const labels = new Map<string, string>();
for (const line of readFileSync(join(bench, "codebooks", "cameo_codes.csv"), "utf8").split(/\r?\n/)) {
  const m = /^"?(\d{2,4})"?,\s*"?(.*?)"?\s*$/.exec(line);
  if (m) labels.set(m[1], m[2]);
}

interface CameoOut {
  label: string | null;
  type: string | null;
  mode: string | null;
  context: string | null;
}
const cameo: Record<string, CameoOut> = {};
for (const line of readFileSync(join(bench, "plover", "CAMEO2PLOVER-2021.txt"), "utf8").split(/\r?\n/)) {
  const m = /^(\d{2,4}):\s*([^#]*)/.exec(line);
  if (!m) continue;
  const code = m[1];
  const parts = m[2].split(",").map((s) => s.trim());
  const type = parts[0] || null;
  if (code.length === 2) continue; // root headers; roots get the code "<root>0"'s mapping below
  const context = (parts[2] ?? "").split(";")[0].trim() || null;
  // "ease" was dropped as a mode in 2021 (see the table's own note).
  const mode = parts[1] && parts[1] !== "ease" ? parts[1] : null;
  cameo[code] = { label: labels.get(code) ?? null, type, mode, context };
}
// CAMEO 02 (appeal) has no row in the table: PLOVER folds appeals into REQUEST, with the
// same sub-structure as 10 (demand): 02x <-> 10x.
for (const [code, label] of labels) {
  if (!code.startsWith("02")) continue;
  const twin = cameo["10" + code.slice(2)] ?? cameo["100"];
  cameo[code] = { label, type: "REQUEST", mode: twin.mode, context: twin.context };
}
// CAMEO 01 (public statements) is not an event in PLOVER; kept with type null so the codes stay labelled.
for (const [code, label] of labels) if (code.startsWith("01")) cameo[code] = { label, type: null, mode: null, context: null };
// Roots map like their "<root>0" code.
for (const [code, label] of labels) {
  if (code.length === 2 && !cameo[code]) {
    const base = cameo[code + "0"];
    cameo[code] = { label, type: base?.type ?? null, mode: base?.mode ?? null, context: base?.context ?? null };
  }
}
for (const [code, label] of labels) {
  if (cameo[code]) continue;
  // A code in the labels but not the table: inherit from its parent.
  const parent = cameo[code.slice(0, 3)] ?? cameo[code.slice(0, 2) + "0"];
  if (parent) cameo[code] = { label, type: parent.type, mode: parent.mode, context: parent.context };
}
const sorted = Object.fromEntries(Object.entries(cameo).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  join(outDir, "cameo.json"),
  JSON.stringify(
    {
      $comment:
        "GENERATED by scripts/build-verbs.ts: CAMEO code -> label and PLOVER type/mode/context, derived from CAMEO2PLOVER-2021 (Open Event Data Alliance, CC BY-SA 4.0) and the CAMEO code labels. Licence: CC BY-SA 4.0.",
      codes: sorted,
    },
    null,
    1,
  ) + "\n",
);
console.log(`cameo.json: ${Object.keys(sorted).length} codes`);
