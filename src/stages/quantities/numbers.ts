/** Reading numbers written in digits or English words ("5,200", "1.5 million", "twenty-five", "a dozen"). */

export const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

const UNIT_ALT = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const TENS_ALT = Object.keys(TENS).join("|");

/** A number in words: "twenty-five", "three hundred", "one thousand two hundred" (bounded repetition). */
export const NUMBER_WORDS_SOURCE =
  `(?:(?:${TENS_ALT})(?:[- ](?:${UNIT_ALT}))?|${UNIT_ALT}|a|an)` +
  `(?:[ -](?:hundred|thousand|million|billion)(?:[ -](?:and[ -])?(?:(?:${TENS_ALT})(?:[- ](?:${UNIT_ALT}))?|${UNIT_ALT})){0,1}){0,3}`;

/** Digits with optional thousands separators and decimals, optionally followed by a scale word: "5,200", "1.5 million". */
export const NUMBER_DIGITS_SOURCE = String.raw`\d{1,3}(?:,\d{3}){1,4}(?:\.\d+)?|\d{1,12}(?:\.\d{1,6})?`;

/**
 * Value of a number written in words or digits, or null. Accepts "5,200", "1.5 million",
 * "twenty-five", "three hundred and twelve", "a dozen", "a hundred".
 */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, " ");
  if (s.length === 0 || s.length > 80) return null;
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(hundred|thousand|million|billion|m|bn|k))?$/.exec(s);
  if (digits) {
    const base = Number(digits[1].replace(/,/g, "") + (digits[2] ? "." + digits[2] : ""));
    const scaleWord = digits[3];
    const scale = scaleWord === "m" ? 1e6 : scaleWord === "bn" ? 1e9 : scaleWord === "k" ? 1e3 : scaleWord ? SCALES[scaleWord] : 1;
    return Math.round(base * scale * 1e6) / 1e6;
  }
  const words = s.split(/[\s-]+/).filter((w) => w !== "and");
  if (words.length === 0) return null;
  if (words.length === 1 && words[0] === "dozen") return 12;
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((w === "a" || w === "an") && i === 0) {
      current = 1;
      seen = true;
    } else if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (w in TENS) {
      current += TENS[w];
      seen = true;
    } else if (w === "dozen") {
      current = (current || 1) * 12;
      seen = true;
    } else if (w === "hundred") {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}
