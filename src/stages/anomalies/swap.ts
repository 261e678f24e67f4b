import type { Anomaly } from "../../model/annotations.js";
import type { Lexicon } from "./lexicon.js";
import { firstAtOrAfter, stem } from "./scan.js";
import type { CountryRef, DocView } from "./view.js";

/** An actor that can be coordinated with a country: a country ref, or an acronym such as ECOWAS. */
interface Actor {
  readonly key: string;
  readonly w0: number;
  readonly w1: number;
  readonly sentence: number;
  readonly ref?: CountryRef;
}

const MODIFIER_POS = new Set(["NOUN", "PROPN", "ADJ"]);

/**
 * entity-swap: a country name that contradicts the article's own frame. The frame is
 * learned from the article: which partner a country is paired with ("talks between A
 * and B"), which slot it fills ("troops in X", "X's junta"), and how often each member
 * of a confusable group is named. A mention is flagged only when it belongs to a
 * confusable group, a confusable counterpart dominates the article, and the mention
 * fills a role that the counterpart fills elsewhere.
 */
export function findEntitySwaps(v: DocView, lex: Lexicon, stage: string): Anomaly[] {
  const actors = collectActors(v);
  const partners = new Map<CountryRef, string[]>();
  const pairCount = new Map<string, number>();
  /** "P>R" -> the city that stood for R beside P ("Washington and Baghdad"). */
  const pairCity = new Map<string, string>();
  for (let k = 0; k + 1 < actors.length; k++) {
    const a = actors[k];
    const b = actors[k + 1];
    if (a.sentence !== b.sentence || a.key === b.key || !coordinated(v, lex, a, b)) continue;
    const key = pairKey(a.key, b.key);
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
    if (b.ref?.form === "city" && !pairCity.has(`${a.key}>${b.key}`)) pairCity.set(`${a.key}>${b.key}`, b.ref.text);
    if (a.ref?.form === "city" && !pairCity.has(`${b.key}>${a.key}`)) pairCity.set(`${b.key}>${a.key}`, a.ref.text);
    if (a.ref) partners.set(a.ref, [...(partners.get(a.ref) ?? []), b.key]); // at most two partners each
    if (b.ref) partners.set(b.ref, [...(partners.get(b.ref) ?? []), a.key]);
  }

  const slotKeys = new Map<CountryRef, string[]>();
  const slotsByCode = new Map<string, Map<string, number>>();
  for (const r of v.refs) {
    const keys = slots(v, lex, r);
    slotKeys.set(r, keys);
    const m = slotsByCode.get(r.code) ?? new Map<string, number>();
    for (const key of keys) m.set(key, (m.get(key) ?? 0) + 1);
    slotsByCode.set(r.code, m);
  }

  const out: Anomaly[] = [];
  for (const m of v.refs) {
    const rivals = lex.confusableWith.get(m.code);
    if (!rivals) continue;
    const q = v.freq.get(m.code) ?? 0;
    let rival: string | null = null;
    for (const r of rivals) {
      const n = v.freq.get(r) ?? 0;
      if (n >= 3 && n >= 2 * q && (rival === null || n > (v.freq.get(rival) ?? 0))) rival = r;
    }
    if (rival === null) continue;
    const mine = partners.get(m) ?? [];
    if (mine.includes(rival)) continue; // "Iraq and Iran": both meant
    // Tied word for word to the rival ("Baghdad, Iran", "the Iranian Council of Representatives"):
    // no context can make that right, so the guards below do not apply.
    const city = m.form === "city" ? null : rivalCityNearby(v, m, rival);
    const inst = m.form === "city" ? null : rivalInstitutionAfter(v, lex, m, rival);
    if (!city && !inst && (nearNeighbourCue(v, lex, m) || hasOwnAnchor(v, m) || inCommaList(v, m))) continue;

    const rivalName = lex.countries.get(rival)?.name ?? rival;
    if (m.form === "city") {
      // A capital standing for its country ("Washington and Tehran"): only the partner test applies.
      const swap = citySwap(lex, m, mine, rival, pairCount, pairCity);
      if (swap)
        out.push({
          kind: "entity-swap",
          start: m.start,
          end: m.end,
          text: m.text,
          message: `"${m.text}" may be a slip for ${swap.city}: elsewhere the article pairs ${actorName(lex, swap.partner)} with ${rivalName} (${swap.n}x), not with ${lex.countries.get(m.code)?.name ?? m.code}`,
          suggestion: swap.city,
          confidence: 0.65,
          rule: `${stage}:entity-swap/pair-city`,
        });
      continue;
    }

    const reasons: { confidence: number; id: string; text: string }[] = [];
    for (const p of mine) {
      if (p === rival) continue;
      const n = pairCount.get(pairKey(p, rival)) ?? 0;
      if (n > 0)
        reasons.push({
          confidence: 0.85,
          id: "pair",
          text: `elsewhere the article pairs ${actorName(lex, p)} with ${rivalName} (${n}x), not with ${lex.countries.get(m.code)?.name ?? m.code}`,
        });
    }
    // A shared role is weaker evidence than a shared partner: it counts only for a rare name
    // in an article that names its counterpart many times over.
    const rivalSlots = slotsByCode.get(rival);
    // Both countries in one sentence about movement ("Nigerien soldiers crossed into Nigeria"): two roles, not a slip.
    const crossing = (v.sentenceCodes.get(m.sentence)?.has(rival) ?? false) && v.sentenceHas(m.sentence, lex.crossBorderCues);
    const n = v.freq.get(rival) ?? 0;
    const rare = !crossing && (q === 1 ? n >= 3 : n >= Math.max(5, 4 * q));
    const shared = rare ? (slotKeys.get(m) ?? []).filter((k) => rivalSlots?.has(k)) : [];
    const context = (slotKeys.get(m) ?? []).find((k) => k.startsWith("ctx|") && rivalSlots?.has(k));
    if (context && !crossing && (v.freq.get(rival) ?? 0) >= 5)
      reasons.push({
        confidence: 0.75,
        id: "context",
        text: `the same words ("${context.slice(4)} ...") are followed by ${rivalName} elsewhere in the article`,
      });
    if (shared.length > 0)
      reasons.push({
        confidence: 0.7,
        id: "slot",
        text: `the same role ("${describeSlot(shared[0])}") is filled by ${rivalName} elsewhere in the article`,
      });
    if (city) reasons.push({ confidence: 0.9, id: "city", text: `${city} is in ${rivalName}` });
    if (inst) reasons.push({ confidence: 0.85, id: "institution", text: `the ${inst} belongs to ${rivalName}` });
    const person = personAfter(v, m);
    if (person && person.country === rival)
      reasons.push({ confidence: 0.85, id: "person", text: `${person.text} belongs to ${rivalName}` });
    // Last resort: the only reference to a country in an article about its confusable neighbour,
    // in no relation that would explain it (no partner, list, border, movement or third country).
    if (reasons.length === 0 && q === 1 && (v.freq.get(rival) ?? 0) >= 5 && mine.length === 0) {
      const lone = loneMention(v, lex, m, rival);
      const own = lex.countries.get(m.code)?.name ?? m.code;
      if (lone === "location")
        reasons.push({
          confidence: 0.5,
          id: "lone-location",
          text: `the article is about ${rivalName} and names ${own} only here, as a location`,
        });
      else if (lone === "mention")
        reasons.push({
          confidence: 0.45,
          id: "lone-mention",
          text: `the article is about ${rivalName} and names ${own} only here, in no relation to it`,
        });
    }
    if (reasons.length === 0) continue;

    reasons.sort((a, b) => b.confidence - a.confidence);
    const suggestion = usualForm(v, lex, rival, m.form === "demonym" ? "demonym" : "name");
    out.push({
      kind: "entity-swap",
      start: m.start,
      end: m.end,
      text: m.text,
      message: `"${m.text}" may be a slip for ${suggestion}: ${reasons[0].text}; the article refers to ${rivalName} ${v.freq.get(rival)} times, to ${lex.countries.get(m.code)?.name ?? m.code} ${q}`,
      suggestion,
      confidence: round(Math.min(0.95, reasons[0].confidence + 0.05 * (reasons.length - 1))),
      rule: `${stage}:entity-swap/${reasons[0].id}`,
    });
  }
  return out;
}

const round = (x: number): number => Math.round(x * 100) / 100;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function actorName(lex: Lexicon, key: string): string {
  if (key.startsWith("ORG:") || key.startsWith("ENT:")) return key.slice(4);
  return lex.countries.get(key)?.name ?? key;
}

/** Country refs plus upper-case acronyms (ECOWAS, NATO), in text order. */
function collectActors(v: DocView): Actor[] {
  const actors: Actor[] = [];
  let r = 0;
  for (let i = 0; i < v.words.length; i++) {
    const ref = r < v.refs.length && v.refs[r].w0 === i ? v.refs[r] : undefined;
    if (ref) {
      actors.push({ key: ref.code, w0: ref.w0, w1: ref.w1, sentence: ref.sentence, ref });
      r++;
      i = ref.w1 - 1;
      continue;
    }
    const w = v.words[i];
    if (!v.blocked.has(i) && w.text.length >= 3 && /^\p{Lu}{3,}$/u.test(w.text))
      actors.push({ key: `ORG:${w.text}`, w0: i, w1: i + 1, sentence: v.wordSentence[i] });
  }
  // Organisations and groups the actors stage resolved ("the African Union", "the junta").
  const extra: Actor[] = [];
  for (const m of v.mentions) {
    if (m.kind === "country" || m.kind === "person" || !m.entityId) continue;
    const w0 = firstAtOrAfter(v.words, m.start);
    const w1 = firstAtOrAfter(v.words, m.end);
    if (w0 >= w1 || w0 >= v.words.length) continue;
    // A mention that holds a country name ("Prime Minister of Iraq") leaves the pairing to the name.
    const k = firstAtOrAfter(v.refs, m.start);
    if (k < v.refs.length && v.refs[k].start < m.end) continue;
    extra.push({ key: `ENT:${m.entityId}`, w0, w1, sentence: v.wordSentence[w0] });
  }
  if (extra.length === 0) return actors;
  const merged = [...actors, ...extra].sort((a, b) => a.w0 - b.w0 || (a.ref ? -1 : 1));
  const out: Actor[] = [];
  for (const a of merged) if (out.length === 0 || a.w0 >= out[out.length - 1].w1) out.push(a);
  return out;
}

/** "A and B", "A and the B", "A or B", "A-B" (as in "US-Iran talks"). */
function coordinated(v: DocView, lex: Lexicon, a: Actor, b: Actor): boolean {
  const between = v.words.slice(a.w1, b.w0);
  if (between.length === 0) return v.words[b.w0].gap === "-";
  if (between.some((w) => w.gap === "other") || v.words[b.w0].gap === "other") return false;
  if (between.length > 2) return false;
  if (!lex.coordination.has(between[0].lower) || between[0].lower === "with") return false;
  return between.length === 1 || between[1].lower === "the";
}

/** The roles a country ref plays: "troop|in", "contain|obj", "mod|junta". */
function slots(v: DocView, lex: Lexicon, r: CountryRef): string[] {
  const keys: string[] = [];
  const W = v.words;
  const same = (i: number): boolean => i >= 0 && i < W.length && v.wordSentence[i] === r.sentence;
  let p = r.w0 - 1;
  if (same(p) && (W[p].lower === "the" || W[p].lower === "its") && W[p + 1].gap !== "other") p--;
  // "in eastern Congo": one adjective between the preposition and the name is a role of its own.
  if (same(p) && W[p + 1].gap !== "other" && v.posAt(W[p].start) === "ADJ" && /^\p{Ll}/u.test(W[p].text)) {
    keys.push(`${stem(W[p].lower)}|adj`);
    p--;
  }
  if (same(p) && W[p].lower === "the" && W[p + 1].gap !== "other") p--;
  if (same(p) && W[p + 1].gap !== "other") {
    if (lex.slotPrepositions.has(W[p].lower)) {
      for (let q = p - 1, n = 0; same(q) && n < 4; q--, n++) {
        if (W[q + 1].gap === "other" || v.refAt.has(q)) break;
        const w = W[q];
        if (lex.stopWords.has(w.lower) || /^\p{N}/u.test(w.text) || lex.slotPrepositions.has(w.lower)) continue;
        keys.push(`${stem(w.lower)}|${W[p].lower}`);
        break;
      }
    } else if (v.posAt(W[p].start) === "VERB" && !lex.stopWords.has(W[p].lower)) keys.push(`${stem(W[p].lower)}|obj`);
  }
  // The three words before the name, as written ("forces stationed in X"): a context this
  // specific is the same role even when the name itself is common in the article.
  let c = r.w0 - 1;
  if (same(c) && W[c].lower === "the") c--;
  if (same(c - 2) && [c - 1, c, c + 1].every((i) => W[i].gap !== "other") && lex.slotPrepositions.has(W[c].lower)) {
    const ctx = [W[c - 2], W[c - 1], W[c]];
    if (ctx.some((w) => !lex.stopWords.has(w.lower) && !lex.slotPrepositions.has(w.lower)) && !ctx.some((_, j) => v.refAt.has(c - 2 + j)))
      keys.push(`ctx|${ctx.map((w) => stem(w.lower)).join(" ")}`);
  }
  let n = r.w1;
  if (same(n) && W[n].lower.endsWith("s") && /^['’]s$/.test(W[n].text)) n++;
  if (same(n) && W[n].gap !== "other" && !v.refAt.has(n) && !lex.stopWords.has(W[n].lower) && !lex.genericHeads.has(W[n].lower)) {
    const pos = v.posAt(W[n].start);
    if (pos === undefined ? /^\p{Ll}/u.test(W[n].text) : MODIFIER_POS.has(pos)) keys.push(`mod|${stem(W[n].lower)}`);
  }
  return keys;
}

function describeSlot(key: string): string {
  const [a, b] = key.split("|");
  if (a === "mod") return `X ${b}...`;
  if (b === "adj") return `${a} X`;
  if (a === "ctx") return `${b} X`;
  if (b === "obj") return `${a}... X`;
  return `${a}... ${b} X`;
}

/** "neighbouring Niger", "Niger's border": the text itself says a second country is meant. */
function nearNeighbourCue(v: DocView, lex: Lexicon, m: CountryRef): boolean {
  for (let i = Math.max(0, m.w0 - 4); i < Math.min(v.words.length, m.w1 + 3); i++) {
    if (i >= m.w0 && i < m.w1) continue;
    if (v.wordSentence[i] === m.sentence && lex.neighbourCues.has(v.words[i].lower)) return true;
  }
  return false;
}

/** A city of the mention's own country, or a person of it (actors stage), in the same sentence. */
function hasOwnAnchor(v: DocView, m: CountryRef): boolean {
  const cities = v.sentenceCodes.get(m.sentence)?.get(m.code)?.cities ?? 0;
  if (cities - (m.form === "city" ? 1 : 0) > 0) return true;
  for (const x of v.ownMentions.get(m.sentence)?.get(m.code) ?? []) {
    // Only people: the actors stage gives groups the country of a nearby country word ("people in Niger").
    if (x.kind !== "person") continue;
    if (x.end <= m.start || x.start >= m.end) return true;
    // A known person whose mention takes in the country word ("Iranian President <name>", resolved to Iran); not
    // "Slovenia's president" alone, whose holder was looked up from the country word itself.
    if (x.kind === "person" && x.entityId && x.end > m.end && !/:title-holder$/.test(x.rule)) return true;
  }
  return false;
}

/** "Baghdad, Iran", "Baghdad in Iran", "Iran's capital Baghdad" or "the capital of Iran, Baghdad": a city of the rival tied to the mention. */
function rivalCityNearby(v: DocView, m: CountryRef, rival: string): string | null {
  const k = v.refIndex.get(m) ?? -1;
  const before = v.refs[k - 1];
  if (before && before.sentence === m.sentence && before.code === rival && before.form === "city") {
    const between = v.text.slice(before.end, m.start);
    if (/^[ \t]*,[ \t]*$/.test(between) || /^[ \t]+in[ \t]+(?:the[ \t]+)?$/i.test(between)) return before.text;
  }
  const after = v.refs[k + 1];
  if (after && after.sentence === m.sentence && after.code === rival && after.form === "city") {
    const between = v.text.slice(m.end, after.start);
    if (/^(?:['’]s)?[ \t]+capital,?[ \t]+$/i.test(between)) return after.text;
    const lead = v.text.slice(Math.max(0, m.start - 30), m.start);
    if (/^[ \t]*,[ \t]*$/.test(between) && /\bcapital[ \t]+of[ \t]+(?:the[ \t]+)?$/i.test(lead)) return after.text;
  }
  return null;
}

/** "Iran's Council of Representatives": an institution of the rival country named as the mention's own. */
function rivalInstitutionAfter(v: DocView, lex: Lexicon, m: CountryRef, rival: string): string | null {
  for (let i = m.w1; i < Math.min(v.words.length, m.w1 + 3); i++) {
    if (v.wordSentence[i] !== m.sentence) break;
    const hit = lex.institutionIndex.match(v.words, i, v.text);
    if (hit && hit[0] && hit[0].countries.includes(rival) && !hit[0].countries.includes(m.code))
      return v.text.slice(v.words[i].start, v.words[i + hit[1] - 1].end);
  }
  return null;
}

const LOCATIVE = new Set(["in", "across", "throughout", "inside", "within"]);

/** "in Gambia, where ...", "Nigeria's defence ministry said": a single mention that nothing in its sentence explains. */
const RELATIONAL = new Set([
  "by",
  "from",
  "to",
  "with",
  "against",
  "toward",
  "towards",
  "between",
  "into",
  "via",
  "than",
  "like",
  "including",
  "unlike",
  "on",
  "over",
  "about",
]);

function loneMention(v: DocView, lex: Lexicon, m: CountryRef, rival: string): "location" | "mention" | null {
  // A person or body of the rival named in the sentence in its own right ("Tinubu ... the coup in Niger"),
  // not merely through a country word ("Nigerien soldiers"): the two are set side by side on purpose.
  if (namedRivalActor(v, m.sentence, rival)) return null;
  // The object of a relation ("backed by Iran", "fighters from South Sudan") names another party.
  const prev = v.words[m.w0 - 1];
  const prev2 = v.words[m.w0 - 2];
  if (prev && (RELATIONAL.has(prev.lower) || (prev.lower === "the" && prev2 && RELATIONAL.has(prev2.lower)))) return null;
  const after = v.text.slice(m.end, m.end + 12);
  const before = v.text.slice(Math.max(0, m.start - 12), m.start);
  // Coordinated with anything ("Nigeria and its allies", "Iran-backed"); lists of countries are inCommaList's.
  if (/^[ \t]*(?:and\b|or\b|\/|-)/u.test(after) || /(?:\band|\bor|\/|-)[ \t]*(?:the[ \t]+)?$/.test(before)) return null;
  // A sentence about movement or diplomacy, or one naming a third country, may well mean the neighbour.
  if (v.sentenceHas(m.sentence, lex.crossBorderCues)) return null;
  // A third country earlier in the same clause ("French troops in Niger") makes the mention part of its story.
  const rivals = lex.confusableWith.get(m.code) ?? [];
  const k = v.refIndex.get(m) ?? -1;
  for (let j = k - 1, seen = 0; j >= 0 && seen < 3; j--, seen++) {
    const r = v.refs[j];
    if (r.sentence !== m.sentence) break;
    if (r.code === m.code || rivals.includes(r.code)) continue;
    const between = v.text.slice(r.end, m.start);
    if (!/[,;:()]/.test(between) && between.split(/\s+/).filter(Boolean).length <= 8) return null;
  }
  let p = m.w0 - 1;
  if (p >= 0 && v.words[p].lower === "the") p--;
  return p >= 0 && v.wordSentence[p] === m.sentence && LOCATIVE.has(v.words[p].lower) ? "location" : "mention";
}

/** "Iranian President Masoud Pezeshkian": the person the title names (actors stage), right after it. */
function personAfter(v: DocView, m: CountryRef): { text: string; country: string } | null {
  // The actors stage may have taken the title into the person's mention ("Iranian Prime Minister X").
  const at = firstAtOrAfter(v.mentions, m.start);
  for (let i = Math.max(0, at - 3); i < Math.min(v.mentions.length, at + 1); i++) {
    const x = v.mentions[i];
    if (x.kind === "person" && x.entityId && x.country && x.start <= m.start && x.end >= m.end && x.end > m.end)
      return { text: v.text.slice(m.end, x.end).trim(), country: x.country };
  }
  const next = v.refs[(v.refIndex.get(m) ?? -2) + 1];
  for (let i = firstAtOrAfter(v.mentions, m.end); i < v.mentions.length && v.mentions[i].start < m.end + 60; i++) {
    const x = v.mentions[i];
    if (x.kind !== "person" || !x.country) continue;
    const between = v.text.slice(m.end, x.start);
    // Only title words between: no punctuation, no other country, at most four words.
    if (/[,.;:()"“”]/.test(between) || between.split(/\s+/).filter(Boolean).length > 4) return null;
    if (next && next.start < x.end) return null;
    return { text: x.text, country: x.country };
  }
  return null;
}

function citySwap(
  lex: Lexicon,
  m: CountryRef,
  partners: readonly string[],
  rival: string,
  pairCount: ReadonlyMap<string, number>,
  pairCity: ReadonlyMap<string, string>,
): { partner: string; city: string; n: number } | null {
  for (const p of partners) {
    if (p === rival || p === m.code) continue;
    const n = pairCount.get(pairKey(p, rival)) ?? 0;
    const city = pairCity.get(`${p}>${rival}`) ?? lex.countries.get(rival)?.cities[0];
    if (n > 0 && city) return { partner: p, city, n };
  }
  return null;
}

/** "Iran, Iraq and Syria": a name followed or preceded by a bare comma and another country is one of several. */
function inCommaList(v: DocView, m: CountryRef): boolean {
  const k = v.refIndex.get(m) ?? -1;
  const prev = v.refs[k - 1];
  const next = v.refs[k + 1];
  // "Khartoum, South Sudan" is a place and its country, not a list: cities do not count.
  if (
    prev &&
    prev.form !== "city" &&
    prev.sentence === m.sentence &&
    /^[ \t]*,[ \t]*(?:the[ \t]+)?$/i.test(v.text.slice(prev.end, m.start))
  )
    return true;
  if (
    next &&
    next.form !== "city" &&
    next.sentence === m.sentence &&
    /^[ \t]*,[ \t]*(?:the[ \t]+)?$/i.test(v.text.slice(m.end, next.start))
  )
    return true;
  return false;
}

/** How this article itself writes the country ("DR Congo", "Iraq", "Nigerien"); the data's form when it never does. */
/** Usual forms already worked out for a document: one scan of its references per (country, form), not one per anomaly. */
const usualForms = new WeakMap<DocView, Map<string, string>>();

function usualForm(v: DocView, lex: Lexicon, code: string, form: "name" | "demonym"): string {
  let memo = usualForms.get(v);
  if (!memo) usualForms.set(v, (memo = new Map()));
  const key = `${code}:${form}`;
  let found = memo.get(key);
  if (found === undefined) memo.set(key, (found = computeUsualForm(v, lex, code, form)));
  return found;
}

function computeUsualForm(v: DocView, lex: Lexicon, code: string, form: "name" | "demonym"): string {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const r of v.refs) {
    if (r.code !== code || r.form !== form || /^[\p{Lu}\s'’-]{4,}$/u.test(r.text)) continue; // not an ALL-CAPS dateline
    const n = (counts.get(r.text) ?? 0) + 1;
    counts.set(r.text, n);
    if (best === null || n > (counts.get(best) ?? 0)) best = r.text;
  }
  if (best) return best;
  const info = lex.countries.get(code);
  return form === "demonym" ? (info?.demonyms[0] ?? info?.name ?? code) : (info?.name ?? code);
}

/** A person of the rival's country in the sentence, named in its own right (not through a country word). */
function namedRivalActor(v: DocView, sentence: number, rival: string): boolean {
  for (const x of v.ownMentions.get(sentence)?.get(rival) ?? []) {
    if (x.kind !== "person") continue; // groups are too loosely tied to a country ("Islamic State" -> Iraq)
    const k = firstAtOrAfter(v.refs, x.start);
    const holdsCountryWord = k < v.refs.length && v.refs[k].start < x.end;
    const before = v.refs[k - 1];
    if (!holdsCountryWord && !(before && before.end > x.start)) return true;
  }
  return false;
}
