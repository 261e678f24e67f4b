/**
 * Keys for matching names: the same function turns dictionary aliases and text tokens into
 * comparable token keys, so "Al-Sudani", "al Sudani" and "SUDANI" all become ["sudani"].
 */

const MARKS = /[\u0300-\u036f]/g;
const DROP = /[.'’‘`ʼʿʾ"“”]/g;

/** One word -> its key: no diacritics, lower case, no dots or apostrophes, British -ise spellings folded. */
export function normWord(word: string): string {
  // Fast path for plain ASCII words (nearly all tokens): no Unicode normalisation needed. One pass over the characters
  // tells whether the word is printable ASCII and holds a mark to drop (the ASCII ones: . ' ` ").
  let ascii = true;
  let drop = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      ascii = false;
      break;
    }
    if (c === 46 || c === 39 || c === 96 || c === 34) drop = true;
  }
  let w: string;
  if (ascii) {
    w = word.toLowerCase();
    if (drop) w = w.replace(DROP, "");
  } else {
    w = word.normalize("NFD").replace(MARKS, "").toLowerCase();
    if (HAS_DROP.test(w)) w = w.replace(DROP, "");
  }
  if (w.length > 6) {
    if (w.endsWith("isation") || w.endsWith("isations") || w.endsWith("ised")) {
      w = w.replace(/isation(s?)$/, "ization$1").replace(/ised$/, "ized");
    }
  }
  if (w === "defence") w = "defense";
  return w;
}

const HAS_DROP = /[.'’‘`ʼʿʾ"“”]/;

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
  let out = "";
  let prev = "";
  for (let i = 0; i < key.length; i++) {
    let c = key[i];
    const n = key[i + 1];
    if (c < "a" || c > "z") continue;
    if (n === "h" && (c === "d" || c === "t" || c === "k" || c === "g" || c === "p" || c === "s" || c === "c")) {
      c = c === "d" ? "z" : c === "g" ? "k" : c === "p" ? "f" : c === "c" ? "s" : c;
      i++;
    } else if (c === "q") c = "k";
    else if (c === "j") c = "y";
    else if (c === "w") continue;
    const vowel = c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";
    if (out.length === 0) c = vowel ? "a" : c;
    else if (vowel) continue;
    if (c === prev) continue;
    out += c;
    prev = c;
  }
  return out;
}
