import type { Anomaly } from "../../model/annotations.js";
import type { RedactionsFile } from "./resources.js";

export interface RedactionMatcher {
  find(text: string, stage: string): Anomaly[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * redaction: marks left where words were removed. "**" attached to a word or standing
 * alone, runs of block characters, a removal word in brackets ("[censored]"), and XXX
 * placeholders. Markdown bold ("**word**") and separator lines ("***" alone on a line)
 * are not removals; neither is a Roman numeral ("Super Bowl XXX", "XXX Corps").
 */
export function createRedactionMatcher(data: RedactionsFile): RedactionMatcher {
  const words = [...data.bracketWords].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, "[ \\t]+"));
  const bracket = new RegExp(`[[(][ \\t]*(?:${words.join("|")})[ \\t]*[\\])]`, "giu");
  const blocks = new RegExp(`[${escape(data.blockChars)}]+`, "gu");
  const before = new Set(data.placeholderExceptionsBefore.map((w) => w.toLowerCase()));
  const after = new Set(data.placeholderExceptionsAfter.map((w) => w.toLowerCase()));

  return {
    find(text, stage) {
      const out: Anomaly[] = [];
      const add = (start: number, end: number, id: string, message: string, confidence: number): void => {
        out.push({ kind: "redaction", start, end, text: text.slice(start, end), message, confidence, rule: `${stage}:redaction/${id}` });
      };

      let lines: Lines | null = null;
      for (const m of text.matchAll(/\*{2,}/g)) {
        const start = m.index;
        const end = start + m[0].length;
        lines ??= linesOf(text);
        const line = lines.at(start);
        if (isSeparatorLine(text, line) || isMarkdownBold(text, start, end, line)) continue;
        add(start, end, "asterisks", "removed-text mark: asterisks stand where words were taken out", 0.9);
      }
      for (const m of text.matchAll(blocks))
        add(m.index, m.index + m[0].length, "blocks", "removed-text mark: blacked-out characters", 0.95);
      for (const m of text.matchAll(bracket)) add(m.index, m.index + m[0].length, "bracket", `removed-text mark: ${m[0]}`, 0.95);
      for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?:X{3,}|x{3,})(?![\p{L}\p{N}])/gu)) {
        const start = m.index;
        const end = start + m[0].length;
        const prev = /([\p{L}]+)\.?[ \t]*$/u.exec(text.slice(Math.max(0, start - 40), start));
        const next = /^[ \t]*([\p{L}]+)/u.exec(text.slice(end, end + 40));
        if ((prev && before.has(prev[1].toLowerCase())) || (next && after.has(next[1].toLowerCase()))) continue;
        add(start, end, "placeholder", "placeholder where a name or number was left out", 0.7);
      }
      for (const m of text.matchAll(/\{\{[^{}\n]{0,40}\}\}/g))
        add(m.index, m.index + m[0].length, "template", "unfilled template slot where a name or number should be", 0.7);
      for (const m of text.matchAll(/_{3,}/g))
        add(m.index, m.index + m[0].length, "underscores", "blank left where text was left out", 0.5);
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

interface Lines {
  /** [start, end) of the line holding offset `at` (end excludes the newline). */
  at(offset: number): [number, number];
}

/** Line boundaries computed once, so that each mark costs a binary search, not a scan of its line. */
function linesOf(text: string): Lines {
  const breaks: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks.push(i);
  return {
    at(offset) {
      let lo = 0;
      let hi = breaks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (breaks[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return [lo === 0 ? 0 : breaks[lo - 1] + 1, lo < breaks.length ? breaks[lo] : text.length];
    },
  };
}

/** "***" or "* * *" alone on its line: a section break. */
function isSeparatorLine(text: string, [ls, le]: [number, number]): boolean {
  return le - ls <= 40 && /^[\s*]*$/.test(text.slice(ls, le));
}

/** "**word**" on one line, opening before a non-space and closing after one: emphasis, not removal. */
function isMarkdownBold(text: string, start: number, end: number, [lineStart, lineEnd]: [number, number]): boolean {
  const opens = (s: number, e: number): boolean => e < text.length && !/\s/.test(text[e]) && (s === 0 || /[\s(["'“]/.test(text[s - 1]));
  const closes = (s: number, e: number): boolean =>
    s > 0 && !/\s/.test(text[s - 1]) && (e >= text.length || /[\s.,;:!?)\]"'”]/.test(text[e]));
  if (opens(start, end)) {
    const close = text.indexOf("**", end);
    if (close > end && close < lineEnd && close - end <= 120 && closes(close, close + 2)) return true;
  }
  if (closes(start, end)) {
    const open = text.lastIndexOf("**", start - 1);
    if (open >= lineStart && start - open <= 122 && opens(open, open + 2)) return true;
  }
  return false;
}
