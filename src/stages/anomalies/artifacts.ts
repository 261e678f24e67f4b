import type { Anomaly } from "../../model/annotations.js";

// Scripts that should not appear untranslated in running English text.
const FOREIGN =
  "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Cyrillic}\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Thai}\\p{Script=Devanagari}";
const FOREIGN_RUN = new RegExp(`[${FOREIGN}]+(?:[ \\t·・][${FOREIGN}]+)*`, "gu");
// UTF-8 read as Windows-1252 / Latin-1: "Ã©" for "é", "â€™" for "’", "Â " before a no-break space.
const MOJIBAKE =
  /(?:[ÃÂ][\u0080-\u00BF]|â€[\u0080-\u00BF\u2018-\u201E\u2020-\u2122\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC])+/gu;

/**
 * translation-artifact (conservative): words left in another script in the middle of
 * English text (not a gloss in brackets or quotes), and text damaged by a wrong
 * character encoding. Semantic mistranslations ("the first year of the United States")
 * are not attempted: they cannot be told from style without a language model.
 */
export function findTranslationArtifacts(text: string, stage: string): Anomaly[] {
  const out: Anomaly[] = [];
  if (latinShare(text) >= 0.8) {
    for (const m of text.matchAll(FOREIGN_RUN)) {
      const start = m.index;
      const end = start + m[0].length;
      const before = text
        .slice(Math.max(0, start - 2), start)
        .trimEnd()
        .slice(-1);
      const after = text
        .slice(end, end + 2)
        .trimStart()
        .charAt(0);
      if (/[(\[«"“'‘「『]/.test(before) || /[)\]»"”'’」』]/.test(after)) continue; // a gloss or a quotation
      out.push({
        kind: "translation-artifact",
        start,
        end,
        text: m[0],
        message: "untranslated words in another script inside the English text",
        confidence: 0.6,
        rule: `${stage}:artifact/foreign-script`,
      });
    }
  }
  for (const m of text.matchAll(MOJIBAKE)) {
    out.push({
      kind: "translation-artifact",
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      message: "characters damaged by a wrong text encoding (UTF-8 read as Latin-1)",
      confidence: 0.8,
      rule: `${stage}:artifact/mojibake`,
    });
  }
  return out;
}

const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;

/** Share of Latin letters among all letters, counted per code point (sampled from the first 20,000 characters). */
function latinShare(text: string): number {
  const sample = text.slice(0, 20000);
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // ASCII (nearly all of an English text): only A-Z and a-z are letters, and they are Latin.
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        latin++;
      }
      continue;
    }
    const cp = sample.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (LETTER.test(ch)) {
      letters++;
      if (LATIN.test(ch)) latin++;
    }
  }
  return letters === 0 ? 0 : latin / letters;
}
