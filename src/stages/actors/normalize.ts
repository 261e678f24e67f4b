/**
 * Keys for matching names: the same function turns dictionary aliases and text tokens into
 * comparable token keys, so "Al-Sudani", "al Sudani" and "SUDANI" all become ["sudani"].
 */

const MARKS = /[\u0300-\u036f]/g;
const DROP = /[.'’‘`ʼʿʾ"“”]/g;

/** One word -> its key: no diacritics, lower case, no dots or apostrophes, British -ise spellings folded. */
export function normWord(word: string): string {
  let w = word.normalize("NFD").replace(MARKS, "").toLowerCase().replace(DROP, "");
  if (w.length > 6) {
    w = w.replace(/isation(s?)$/, "ization$1").replace(/ised$/, "ized");
  }
  if (w === "defence") w = "defense";
  if (w === "organisation") w = "organization";
  return w;
}

/** Arabic articles dropped from name keys ("al-Sudani" = "Sudani"). */
export const ARTICLES = new Set(["al", "el"]);

/** Words that may stay lower case inside a proper name ("Council of Representatives", "bin Salman"). */
export const CONNECTORS = new Set([
  "of",
  "the",
  "and",
  "for",
  "in",
  "on",
  "to",
  "against",
  "de",
  "du",
  "des",
  "la",
  "le",
  "del",
  "da",
  "dos",
  "van",
  "von",
  "der",
  "bin",
  "ibn",
  "bint",
  "wal",
  "wa",
  "e",
  "i",
  "fi",
  "au",
  "aux",
  "sur",
  "en",
  "y",
  "&",
]);

/** Splits an alias into keys: words split on spaces and hyphens, articles and a leading "the" dropped. */
export function aliasKeys(alias: string): string[] {
  const parts = alias.split(/[\s\-‐‑–]+/);
  const keys: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const k = normWord(parts[i]);
    if (k.length === 0) continue;
    if (ARTICLES.has(k) && i < parts.length - 1) continue;
    keys.push(k);
  }
  if (keys.length > 1 && keys[0] === "the") keys.shift();
  return keys;
}

/**
 * A light transliteration skeleton for names: vowels dropped after the first letter, doubled
 * letters collapsed, a few Arabic/Persian romanisation pairs folded (q/k/gh, dh/z, ou/u...).
 * "Mohandis", "Muhandis" and "Mohandes" share "mhnds".
 */
export function skeleton(key: string): string {
  let s = key
    .replace(/[^a-z]/g, "")
    .replace(/dh/g, "z")
    .replace(/th/g, "t")
    .replace(/kh/g, "k")
    .replace(/gh/g, "k")
    .replace(/q/g, "k")
    .replace(/ph/g, "f")
    .replace(/sh/g, "s")
    .replace(/ch/g, "s")
    .replace(/j/g, "y")
    .replace(/w/g, "");
  if (s.length === 0) return s;
  const first = /[aeiouy]/.test(s[0]) ? "a" : s[0];
  s = first + s.slice(1).replace(/[aeiouy]/g, "");
  return s.replace(/(.)\1+/g, "$1");
}
