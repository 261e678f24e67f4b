import type { Anomaly, Place, Quantity, QuantityRole, TimeExpression } from "../../model/annotations.js";
import type { Lexicon } from "./lexicon.js";
import { firstAtOrAfter, sentenceAt } from "./scan.js";
import type { DocView } from "./view.js";

/** Roles where two different totals for one place and time contradict each other. */
const COUNTED: ReadonlySet<QuantityRole> = new Set([
  "killed",
  "injured",
  "troops",
  "hostages",
  "prisoners",
  "displaced",
  "arrested",
  "missing",
  "attacks",
]);
const PLACE_PREPOSITIONS = new Set(["in", "at", "near", "across", "inside", "around", "throughout", "into"]);

interface Keyed {
  readonly q: Quantity;
  readonly sentence: number;
  readonly place: string;
  readonly time: string;
  readonly lo: number;
  readonly hi: number;
}

/**
 * number-conflict: the same count (same role, place and time reference) given with
 * values that cannot both be true. Stated changes ("from 5,200 to about 3,500", "rose
 * to"), vague counts ("dozens"), and compatible bounds ("at least 10" and 12) are not
 * conflicts. Needs the quantities layer; places and times refine the key.
 */
export function findNumberConflicts(
  v: DocView,
  lex: Lexicon,
  quantities: readonly Quantity[],
  places: readonly Place[],
  times: readonly TimeExpression[],
  stage: string,
): Anomaly[] {
  const keyed: Keyed[] = [];
  const sortedPlaces = [...places].sort((a, b) => a.start - b.start);
  const sortedTimes = [...times].sort((a, b) => a.start - b.start);
  for (const q of quantities) {
    if (!COUNTED.has(q.role) || q.from !== undefined) continue;
    const range = interval(q);
    if (!range) continue;
    const sentence = sentenceAt(v.sentences, q.start);
    if (sentence < 0 || v.sentenceHas(sentence, lex.changeWords)) continue;
    const place = placeAfter(v, q, sentence, sortedPlaces);
    if (place === null) continue; // no place: too little to say two counts are the same count
    keyed.push({ q, sentence, place, time: timeOf(v, sentence, q, sortedTimes), lo: range[0], hi: range[1] });
  }
  const out: Anomaly[] = [];
  const groups = new Map<string, Keyed[]>();
  for (const k of keyed) {
    const key = `${k.q.role}|${k.place}|${k.time}`;
    const list = groups.get(key);
    if (list) list.push(k);
    else groups.set(key, [k]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const first = list[0];
    for (const k of list.slice(1)) {
      if (k.sentence === first.sentence && k.q.start === first.q.start) continue;
      if (k.lo <= first.hi && first.lo <= k.hi) continue; // compatible
      out.push({
        kind: "number-conflict",
        start: k.q.start,
        end: k.q.end,
        text: k.q.text,
        message: `${k.q.role}: "${k.q.text}" conflicts with "${first.q.text}" given earlier for the same place${first.time ? ` and time (${first.time})` : ""}`,
        suggestion: first.q.text,
        confidence: 0.6,
        rule: `${stage}:number-conflict/same-role-place-time`,
      });
    }
  }
  return out;
}

function interval(q: Quantity): [number, number] | null {
  const v = q.value;
  switch (q.qualifier) {
    case "exact":
      return [v, v];
    case "about":
      return [v * 0.85, v * 1.15];
    case "more_than":
    case "at_least":
      return [v, Number.POSITIVE_INFINITY];
    case "less_than":
    case "at_most":
      return [0, v];
    case "range":
      return q.max !== undefined ? [v, q.max] : null;
    default:
      return null;
  }
}

/** The place the count is located in: a place after it in its sentence, or "in <country>". */
function placeAfter(v: DocView, q: Quantity, sentence: number, places: readonly Place[]): string | null {
  const s = v.sentences[sentence];
  const i = firstAtOrAfter(places, q.end);
  const p = places[i];
  if (p && p.end <= s.end && p.start - q.end <= 120) return p.geonameId !== undefined ? `g${p.geonameId}` : p.name.toLowerCase();
  for (let k = firstAtOrAfter(v.refs, q.end); k < v.refs.length && v.refs[k].start - q.end <= 120; k++) {
    const r = v.refs[k];
    if (r.sentence !== sentence || r.form === "demonym") continue;
    const prev = v.words[r.w0 - 1];
    if (prev && PLACE_PREPOSITIONS.has(prev.lower)) return r.form === "city" ? r.text.toLowerCase() : r.code;
  }
  return null;
}

/** The date the count is about: the nearest date expression after it in its sentence, else before it ("" when none). */
function timeOf(v: DocView, sentence: number, q: Quantity, times: readonly TimeExpression[]): string {
  // English puts the date after the count ("killed 18 people ... on Saturday"); a date
  // before it (often the dateline) counts only when none follows.
  const s = v.sentences[sentence];
  const i = firstAtOrAfter(times, q.end);
  for (let k = i; k < times.length && times[k].start < s.end; k++)
    if (times[k].type === "date" && times[k].end <= s.end) return times[k].value;
  for (let k = i - 1; k >= 0 && times[k].start >= s.start; k--)
    if (times[k].type === "date" && times[k].end <= q.start) return times[k].value;
  return "";
}
