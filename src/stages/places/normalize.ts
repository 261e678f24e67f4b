/**
 * Keys for gazetteer look-up. Names are compared without case, diacritics,
 * apostrophes, dots and hyphens ("Sana'a" = "Sanaa", "Saint-Denis" = "Saint Denis"),
 * abbreviations are spelt out ("St." = "Saint"),
 * and a word-final "ah" is read as "a" (Arabic transliterations: "Raqqah" = "Raqqa").
 */
const MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘ʼʻ`´]/g;
const SEPARATORS = /[-‐‑‒–—_/.,]+/g;
const SPACES = /\s+/g;
const FINAL_AH = /(?<=\w\w)ah\b/g;
/** Abbreviated name words: "St. Petersburg" = "Saint Petersburg", "Mt." = "Mount", "Ft." = "Fort". */
const ABBREVIATIONS: Record<string, string> = { st: "saint", ste: "sainte", mt: "mount", ft: "fort" };
const ABBREVIATION = /\b(?:st|ste|mt|ft)\b/g;

const PLAIN = /^[a-z ]*$/;

export function placeKey(s: string): string {
  const lower = s.toLowerCase();
  // Fast path for plain ASCII names (most of them): no diacritics, apostrophes or separators.
  // (Each step only where it can change something: a space, an "ah", a "t" of the abbreviations.)
  if (PLAIN.test(lower)) {
    let key = lower;
    if (key.includes(" ")) key = key.replace(SPACES, " ").trim();
    if (key.includes("ah")) key = key.replace(FINAL_AH, "a");
    return key.includes("t") ? key.replace(ABBREVIATION, (w) => ABBREVIATIONS[w]) : key;
  }
  return s
    .normalize("NFD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(SEPARATORS, " ")
    .replace(SPACES, " ")
    .trim()
    .replace(FINAL_AH, "a")
    .replace(ABBREVIATION, (w) => ABBREVIATIONS[w]);
}

/** Arabic definite articles written as a separate word in transliterated names ("Al Fallujah", "Ar Raqqah"). */
const ARTICLE = /^(?:al|el|ar|as|ad|an|ash|at|az|adh|ath|ad|ed|es|en|et|ez) /;

/** The key without a leading Arabic article, or null when it has none. */
export function withoutArticle(key: string): string | null {
  const m = ARTICLE.exec(key);
  if (!m || key.length - m[0].length < 3) return null;
  return key.slice(m[0].length);
}
