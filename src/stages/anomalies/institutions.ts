import type { Anomaly } from "../../model/annotations.js";
import type { Lexicon } from "./lexicon.js";
import type { InstitutionInfo } from "./resources.js";
import { firstAtOrAfter } from "./scan.js";
import type { CountryRef, DocView } from "./view.js";

/**
 * institution-mismatch: a national institution ("the Knesset") named where the sentence's
 * own actors belong to another country ("88 Iraqi parliamentarians submitted a bill to
 * the Knesset"). Strong context: a country word right before the institution ("the Iraqi
 * Knesset") or a country's legislators in the same sentence. Weak context: the sentence
 * and the article are about another country and the institution's country is never named.
 * A sentence that names the institution's own country, or that describes a visit or an
 * address ("addressed the Bundestag"), is left alone.
 */
export function findInstitutionMismatches(v: DocView, lex: Lexicon, stage: string): Anomaly[] {
  const out: Anomaly[] = [];
  const W = v.words;
  for (let i = 0; i < W.length;) {
    const hit = lex.institutionIndex.match(W, i, v.text);
    if (!hit) {
      i++;
      continue;
    }
    const [inst, n] = hit;
    const at = i;
    i += n;
    if (inst === null) continue;
    const before = at > 0 ? W[at - 1] : undefined;
    const refBefore = refEndingAt(v, at);
    if (inst.needsArticle && n === 1 && !(before && before.lower === "the") && !refBefore) continue;

    const sentence = v.wordSentence[at];
    const codes = v.sentenceCodes.get(sentence);
    if (inst.countries.some((c) => codes?.has(c))) continue;
    if (v.sentenceHas(sentence, lex.foreignCues)) continue;
    const inSentence = refsNear(v, at, sentence);

    const start = W[at].start;
    const end = W[at + n - 1].end;
    const strong =
      refBefore && !inst.countries.includes(refBefore.code)
        ? refBefore
        : (memberContext(v, lex, inSentence, inst) ?? ofCountryAfter(v, at + n) ?? personNextTo(v, at, at + n, inst));
    let contextCode: string | null = strong ? strong.code : null;
    let confidence = 0.85;
    let why = contextCode ? `the sentence's actors are ${lex.countries.get(contextCode)?.name ?? contextCode}` : "";
    if (!contextCode) {
      // Weak: the article is about another country and never names the institution's own.
      const frame = v.frame;
      if (!frame || inst.countries.includes(frame)) continue;
      if (inst.countries.some((c) => (v.freq.get(c) ?? 0) > 0)) continue;
      if (!codes?.has(frame)) continue;
      contextCode = frame;
      confidence = 0.55;
      why = `the article is about ${lex.countries.get(frame)?.name ?? frame} and never mentions ${inst.countries.map((c) => lex.countries.get(c)?.name ?? c).join(" or ")}`;
    }
    const ctx = lex.countries.get(contextCode);
    const owner = inst.countries.map((c) => lex.countries.get(c)?.name ?? c).join("/");
    const suggestion = ctx?.legislature ?? `the legislature of ${ctx?.name ?? contextCode}`;
    out.push({
      kind: "institution-mismatch",
      start,
      end,
      text: v.text.slice(start, end),
      message: `"${v.text.slice(start, end)}" is ${owner}'s ${inst.kind}, but ${why}`,
      suggestion,
      confidence: Math.min(confidence, inst.confidence ?? 1),
      rule: `${stage}:institution/${strong ? "actor-context" : "article-frame"}`,
    });
  }
  return out;
}

/** A country ref right before the institution, allowing "'s" and "the": "Iraq's Knesset", "the Iraqi Knesset". */
function refEndingAt(v: DocView, at: number): CountryRef | null {
  let k = at - 1;
  if (k >= 0 && /^['’]s$/.test(v.words[k].text)) k--;
  const r = k >= 0 ? v.refEndingAt.get(k) : undefined;
  return r && r.form !== "city" ? r : null;
}

/** "Iraqi parliamentarians", "lawmakers from Iraq": a country's legislators in the same sentence. */
function memberContext(v: DocView, lex: Lexicon, inSentence: readonly CountryRef[], inst: InstitutionInfo): CountryRef | null {
  for (const r of inSentence) {
    if (inst.countries.includes(r.code) || r.form === "city") continue;
    let k = r.w1;
    if (k < v.words.length && /^['’]s$/.test(v.words[k].text)) k++;
    if (k < v.words.length && lex.memberNouns.match(v.words, k, v.text)) return r;
    // "lawmakers from Iraq"
    const p = r.w0 - 1;
    if (p > 0 && (v.words[p].lower === "from" || v.words[p].lower === "of") && lex.memberNouns.match(v.words, p - 1, v.text)) return r;
  }
  return null;
}

/** "the Knesset of Iraq". */
function ofCountryAfter(v: DocView, k: number): CountryRef | null {
  if (k >= v.words.length || v.words[k].lower !== "of") return null;
  const r = v.refAt.get(k + 1) ?? (v.words[k + 1]?.lower === "the" ? v.refAt.get(k + 2) : undefined);
  return r && r.form === "name" ? r : null;
}

/** Country refs of the sentence within 40 words of word `at` (bounded, so a long sentence stays linear). */
function refsNear(v: DocView, at: number, sentence: number): CountryRef[] {
  const out: CountryRef[] = [];
  const from = v.words[Math.max(0, at - 40)].start;
  const to = v.words[Math.min(v.words.length - 1, at + 40)].end;
  for (let i = firstAtOrAfter(v.refs, from); i < v.refs.length && v.refs[i].start < to; i++)
    if (v.refs[i].sentence === sentence) out.push(v.refs[i]);
  return out;
}

/** "Knesset Speaker Mohammed al-Halbousi": a person of another country (actors stage) right next to the institution. */
function personNextTo(v: DocView, w0: number, w1: number, inst: InstitutionInfo): { code: string } | null {
  const start = v.words[w0].start;
  const end = v.words[w1 - 1].end;
  for (let i = Math.max(0, firstAtOrAfter(v.mentions, start) - 2); i < v.mentions.length && v.mentions[i].start < end + 40; i++) {
    const x = v.mentions[i];
    if (x.kind !== "person" || !x.country || inst.countries.includes(x.country)) continue;
    if (x.start <= start && x.end >= end) return { code: x.country }; // the title is part of the person's mention
    const gap = x.start >= end ? v.text.slice(end, x.start) : x.end <= start ? v.text.slice(x.end, start) : null;
    if (gap !== null && !/[,.;:()]/.test(gap) && gap.split(/\s+/).filter(Boolean).length <= 2) return { code: x.country };
  }
  return null;
}
