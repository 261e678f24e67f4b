import type { Note, Place, Token } from "../../model/annotations.js";
import { layer } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import { BASED, type Context, COORD, POSSESSIVE_PLACE, QUALIFIER_GAP, readContext, readContextAfter } from "./context.js";
import type { Gazetteer, GazetteerEntry, NameHit } from "./gazetteer.js";
import { haversineKm, offset, round } from "./geometry.js";
import {
  type Accepted,
  addAbbreviations,
  addressTail,
  type Anchor,
  contains,
  isArea,
  isDateline,
  isolated,
  leftGlued,
  type Match,
  MAX_UNKNOWN_NOTES,
  mayBeSurname,
  NEIGHBOURHOOD_KM,
  partOfLongerName,
  prior,
  sizeKm,
  unknownAfterLocative,
  withinArea,
} from "./match.js";
import { placeKey, withoutArticle } from "./normalize.js";
import {
  attributive,
  canStart,
  endsConjunct,
  endsQualifier,
  isAllCapsWord,
  isCapitalised,
  markMentions,
  nameish,
  ODD_CASE,
  saysNext,
  sentenceInitial,
  titleCaseSentences,
  TRAILING_WORDS,
} from "./words.js";

/**
 * Places: finds toponyms in the text and geocodes them with the gazetteer.
 *
 * 1. Candidates: runs of capitalised tokens (with "al-"/"el-" prefixes, hyphens and
 *    connectors such as "of", "and", "the") are looked up longest-first.
 * 2. Filters: spans inside person/organisation actor mentions are skipped; a name that is
 *    part of a longer capitalised name ("John Kerry", "Washington Post") is not a place;
 *    stoplisted words (months, "Sunni") never are, and common-word names ("Reading") only
 *    with locative context. Country names (and country actor mentions) are places only in
 *    locative context ("in Iraq", "eastern Syria", "Baghdad, Iraq", "in Iraq and Syria"):
 *    elsewhere they name the actor ("Iraq said").
 * 3. Ranking: population, feature class (capital > admin seat > town), curated priors,
 *    the countries the article is about (country names, demonyms, actor mentions) and
 *    "X, Y" qualifiers.
 *    A name qualified by an area we do not find it in ("Allendale, N.J.") is placed at the
 *    area ("somewhere in New Jersey").
 * 4. Coherence: an ambiguous name goes to the namesake near the article's other places; a
 *    qualified name keeps its sense in the whole article; a small foreign town far from
 *    everything else and in a country the article never mentions is a homonym, not a place.
 * 5. Parts and vicinity: "eastern Baghdad" (part), "near Mosul", "30 km south of Kirkuk"
 *    (near) move the point towards the direction, scaled by the size of the place.
 *
 * Place ids name the place, not the mention: every "Baghdad" has id "geonames:98182";
 * a part or vicinity has its own ("eastern Baghdad": "geonames:98182#part-e").
 * Modules: words (token tests), context (modifiers before a name), match (candidate
 * decisions and priors), gazetteer (the index), normalize (look-up keys), geometry.
 */
export const PLACES_STAGE = "places.v1";

export interface PlacesResources {
  readonly gazetteer: Gazetteer;
  /** Add a note for every gazetteer name rejected as a place, with the reason (for tuning). */
  readonly explain?: boolean;
}

const RULE = (id: string) => `${PLACES_STAGE}:${id}`;

interface NameFound {
  /** The name's look-up key. */
  readonly key: string;
  readonly hits: readonly NameHit[] | undefined;
  /** The key the hits were found under (the key, or the key without an Arabic article). */
  readonly usedKey: string;
}
type NameLookup = (surface: string) => NameFound;
const MAX_ANCHORS = 200;

/** "n", "se", "w" for a unit vector [north, east]. */
function compassLabel(v: readonly [number, number]): string {
  return (v[0] > 0.3 ? "n" : v[0] < -0.3 ? "s" : "") + (v[1] > 0.3 ? "e" : v[1] < -0.3 ? "w" : "");
}
/** After a name: ", Y and Z regions" / " and Odesa oblasts" (bounded: at most four more names). */
const REGION_LIST_AFTER =
  /^(?:(?:,\s{1,2}|,?\s{1,2}and\s{1,2})[A-Z][\w'’-]{1,24}(?:\s[A-Z][\w'’-]{1,24})?){0,4}\s{1,2}(?:regions|provinces|oblasts|governorates|states)\b/;

export function createPlacesStage(resources: PlacesResources): Stage<"places"> {
  const gz = resources.gazetteer;
  const radii = gz.radiusKm;
  const explain = resources.explain === true;

  return {
    name: PLACES_STAGE,
    requires: ["sentences", "tokens", "mentions"],
    provides: ["places"],
    run(doc) {
      const text = doc.text;
      const tokens = layer(doc, "tokens");
      const sentences = layer(doc, "sentences");
      const mentions = layer(doc, "mentions");
      const notes: Note[] = [];
      if (tokens.length === 0) return { places: [] };

      // Token coverage by actor mentions.
      const blocked = new Uint8Array(tokens.length); // 1 = person/organisation mention, 2 = country mention
      // Character span of the mention over each blocked token.
      const blockSpan = new Int32Array(tokens.length * 2);
      markMentions(tokens, mentions, blocked, blockSpan);

      // Evidence of the countries the article is about.
      const evidence = new Map<string, number>();
      const bump = (iso3: string | null | undefined, w: number) => {
        if (iso3) evidence.set(iso3, (evidence.get(iso3) ?? 0) + w);
      };
      for (const m of mentions) bump(m.country, 1);
      const personParts = new Set<string>();

      for (const m of mentions) if (m.kind === "person") for (const part of placeKey(m.text).split(" ")) personParts.add(part);

      // Headlines in Title Case ("Drone Strike Kills Three In Eastern Baghdad"): capitalisation
      // says nothing there, so the longer-name test is off for them.
      const titleCase = titleCaseSentences(tokens, sentences.length);

      // 1. Candidates.
      const lookupName = nameLookup(gz);
      const matches: Match[] = [];
      let unknownNote = -1;
      let i = 0;
      while (i < tokens.length) {
        const t = tokens[i];
        if (!canStart(tokens, i)) {
          i++;
          continue;
        }
        const dem = gz.demonyms.get(lookupName(t.text).key);
        if (dem) bump(dem, 1);
        let m = longestMatch(text, tokens, i, blocked, blockSpan, gz, lookupName);
        if (!m) {
          const unknown = unknownAfterLocative(text, tokens, i, blocked, gz);
          if (unknown && notes.length < MAX_UNKNOWN_NOTES) {
            unknownNote = notes.length;
            notes.push({
              stage: PLACES_STAGE,
              message: `unknown place name "${unknown.text}" (not in the gazetteer)`,
              start: unknown.start,
              end: unknown.end,
            });
          }
          i++;
          continue;
        }
        // A place found inside a name just noted as unknown ("In Eastern Baghdad"): the note was wrong.
        if (unknownNote >= 0 && (notes[unknownNote].end ?? 0) > m.start) {
          notes.splice(unknownNote, 1);
          unknownNote = -1;
        }
        // "the Kharkiv, Odesa and Dnipropetrovsk regions": each name is the region, not its seat.
        if (REGION_LIST_AFTER.test(text.slice(m.end, m.end + 120))) {
          const regions = gz.lookup(`${m.key} region`)?.filter((h) => h.entry.kind === "admin1");
          if (regions && regions.length > 0) m = { ...m, hits: regions };
        }
        matches.push(m);
        // "John Allen", "Mohamed Salah": a name glued to a capitalised word before it is a person's;
        // later bare uses ("Allen said") are the person too.
        if (!titleCase[m.sentence] && leftGlued(tokens, m, gz)) personParts.add(m.key);
        const countries = new Set(m.hits.map((h) => h.entry.country));
        const h0 = m.hits[0].entry;
        // Only names that are hard to mistake count as evidence (not small towns).
        if (countries.size === 1 && (h0.kind !== "city" || h0.population >= 100_000)) bump(h0.country, h0.kind === "country" ? 2 : 1);
        i = m.last + 1;
      }

      // "Fort Bragg, N.C.", "Trenton, NJ": an admin1 abbreviation after a comma qualifies the name before it.
      if (gz.abbreviations.size > 0) addAbbreviations(text, tokens, matches, gz);

      // "X, Y" where Y (a country or admin1) ends the phrase: Y qualifies X ("Baghdad, Iraq,"; not "in Gaza, Israel said").
      const isQualifier = (a: Match, b: Match): boolean =>
        a.sentence === b.sentence &&
        // only a town, site or district is qualified ("Iraq, Syria", "Anbar, Diyala" are lists)
        a.hits.some((h) => h.entry.kind === "city" || h.entry.kind === "site") &&
        QUALIFIER_GAP.test(text.slice(a.end, b.start)) &&
        b.hits.some((h) => h.entry.kind === "country" || h.entry.kind === "admin1") &&
        endsQualifier(tokens, b.last);

      // 2. Context and resolution, in text order (coordination looks at the previous place).
      let maxEvidence = 0;
      for (const v of evidence.values()) if (v > maxEvidence) maxEvidence = v;
      const places: Place[] = [];
      const accepted: Accepted[] = [];
      let prevAccepted: { end: number; locative: boolean; sentence: number } | null = null;
      const sentenceStart = (s: number) => sentences[s]?.start ?? 0;

      for (let k = 0; k < matches.length; k++) {
        const m = matches[k];
        const next = matches[k + 1];
        const prev = matches[k - 1];
        const sStart = sentenceStart(m.sentence);
        const ctx = readContextAfter(text, m.end, readContext(text, m.start, sStart));
        // "X, Y" with Y a country or admin1 qualifies X; Y itself is then a place.
        const qualifies = next && isQualifier(m, next) ? next : undefined;
        const qualifiedBy = prev && isQualifier(prev, m) ? prev : undefined;
        const coordinated: boolean =
          prevAccepted !== null &&
          prevAccepted.locative &&
          prevAccepted.sentence === m.sentence &&
          m.start - prevAccepted.end < 40 &&
          COORD.test(text.slice(prevAccepted.end, m.start)) &&
          endsConjunct(tokens, m.last, gz);

        const best = resolve(m, qualifies, qualifiedBy, evidence, maxEvidence);
        if (!best) continue;
        const e = best.entry;
        const locative: boolean =
          ctx.locative ||
          ctx.relation !== undefined ||
          coordinated ||
          (qualifiedBy !== undefined && isArea(e)) ||
          isDateline(tokens, m) ||
          (isArea(e) && addressTail(tokens, m)) ||
          BASED.test(text.slice(m.end, m.end + 12)) ||
          POSSESSIVE_PLACE.test(text.slice(m.end, m.end + 40));
        const stop = gz.stoplist.get(m.key);

        // "Allendale, N.J." where no Allendale in New Jersey is known: a place somewhere in New Jersey.
        const area = qualifies?.hits.find((q) => isArea(q.entry))?.entry;
        if (area && !m.hits.some((h) => contains(area, h.entry))) {
          accepted.push({ m, ctx, entry: withinArea(text, m, area), qualifies, qualifiedBy, fixed: true });
          prevAccepted = { end: m.end, locative: true, sentence: m.sentence };
          continue;
        }

        let reject: string | null = null;
        if (stop === "never") reject = "stoplist";
        else if (!titleCase[m.sentence] && partOfLongerName(tokens, m, gz)) reject = "longer-name";
        else if (stop === "context" && !locative && !qualifies) reject = "needs-context";
        else if (personParts.has(m.key) && mayBeSurname(e) && !locative && !qualifies && !qualifiedBy) reject = "person-name";
        else if (
          e.kind === "city" &&
          m.first === m.last &&
          sentenceInitial(tokens, m.first) &&
          tokens[m.first].pos !== "PROPN" &&
          !qualifies
        )
          reject = "sentence-initial-word";
        else if ((e.kind === "country" || m.countryMention) && !locative && !qualifies) reject = "actor-use";
        else if ((e.kind === "country" || m.countryMention) && (!ctx.locative || ctx.viaVerb) && attributive(tokens, m.last))
          reject = "attributive";
        else if (e.kind === "city" && e.featureCode === "PPLC" && !locative && saysNext(tokens, m.last)) reject = "metonym";
        else if (e.kind === "city" && e.population < 15000 && !locative && !qualifies && !qualifiedBy && !evidence.has(e.country ?? ""))
          reject = "weak-town";
        if (reject) {
          if (explain)
            notes.push({ stage: PLACES_STAGE, message: `not a place (${reject}): ${m.key} -> ${e.name}`, start: m.start, end: m.end });
          continue;
        }

        accepted.push({ m, ctx, entry: e, qualifies, qualifiedBy });
        prevAccepted = { end: m.end, locative, sentence: m.sentence };
      }

      // 3. Coherence: an ambiguous name goes to the namesake near the article's other places
      // ("Manchester" with "Colchester"), and a name qualified once ("Riverdale, N.J.") keeps
      // that sense everywhere in the article.
      // One anchor per distinct name, at most MAX_ANCHORS: keeps this pass linear on long inputs.
      const anchors: Anchor[] = [];
      const anchored = new Set<string>();
      for (const a of accepted)
        if (
          anchors.length < MAX_ANCHORS &&
          !anchored.has(a.m.key) &&
          (a.entry.kind === "city" || a.entry.kind === "admin1" || (a.entry.kind === "site" && a.entry.precision !== "region")) &&
          anchored.add(a.m.key)
        )
          anchors.push({
            key: a.m.key,
            lat: a.entry.lat,
            lon: a.entry.lon,
            trusted:
              a.entry.kind !== "city" || a.entry.population >= 200_000 || (a.entry.country !== null && evidence.has(a.entry.country)),
          });
      const qualifiedSense = new Map<string, GazetteerEntry>();
      for (const a of accepted) {
        if (a.m.hits.length > 1 && anchors.length > 1 && !a.fixed) {
          const best = resolve(a.m, a.qualifies, a.qualifiedBy, evidence, maxEvidence, anchors);
          if (best) a.entry = best.entry;
        }
        if ((a.m.hits.length > 1 || a.fixed) && (a.qualifies || a.qualifiedBy)) qualifiedSense.set(a.m.key, a.entry);
      }
      for (const a of accepted) {
        const sense = qualifiedSense.get(a.m.key);
        if (sense && !a.qualifies && !a.qualifiedBy) a.entry = sense;
        if (isolated(a, anchors, evidence)) {
          if (explain)
            notes.push({
              stage: PLACES_STAGE,
              message: `not a place (isolated): ${a.m.key} -> ${a.entry.name}`,
              start: a.m.start,
              end: a.m.end,
            });
          continue;
        }
        places.push(toPlace(text, a.m, a.entry, a.ctx, radii));
      }

      // Places in gazetteer order of appearance; ids are the place identities.
      places.sort((a, b) => a.start - b.start || a.end - b.end);
      return notes.length ? { places, notes } : { places };
    },
  };

  function longestMatch(
    text: string,
    tokens: readonly Token[],
    i: number,
    blocked: Uint8Array,
    blockSpan: Int32Array,
    gz: Gazetteer,
    lookupName: NameLookup,
  ): Match | null {
    const s = tokens[i].sentence;
    // Extent of the name-like run starting at i.
    let end = i;
    for (let j = i + 1; j < tokens.length && j - i < gz.maxTokens + 2; j++) {
      const t = tokens[j];
      if (t.sentence !== s) break;
      if (!nameish(tokens, j)) break;
      end = j;
    }
    for (let j = end; j >= i; j--) {
      const last = tokens[j];
      if (!(isCapitalised(last.text) || (j > i && (last.kind === "number" || TRAILING_WORDS.has(last.norm))))) continue;
      // A person/organisation mention blocks a name unless the name strictly contains it
      // ("Khan Younis" is a place even if "Khan" was read as a person).
      let inside = true;
      for (let x = i; x <= j && inside; x++)
        if (blocked[x] === 1) {
          const ms = blockSpan[2 * x];
          const me = blockSpan[2 * x + 1];
          inside = ms >= tokens[i].start && me <= last.end && me - ms < last.end - tokens[i].start;
        }
      if (!inside) continue;
      const surface = text.slice(tokens[i].start, last.end);
      const { hits, usedKey } = lookupName(surface);
      if (!hits) continue;
      const allCaps = isAllCapsWord(surface);
      const letters = surface.replace(/[^\p{L}]/gu, "").length;
      const odd = ODD_CASE.test(surface);
      const usable = hits.filter((h) => {
        if (h.caseSensitive) return allCaps;
        // "PoP", "iPhone": inner capitals the place name does not have.
        if (odd && !ODD_CASE.test(h.entry.name)) return false;
        // Short acronyms ("IS", "UN", "NATO") are not names of towns, except a dateline ("GAZA, March 3 -").
        if (allCaps && (letters <= 3 || (letters === 4 && !sentenceInitial(tokens, i)))) return false;
        return letters >= 3 || h.entry.kind === "country";
      });
      if (usable.length === 0) continue;
      let countryMention = false;
      // A country/actor mention counts when it covers the whole name ("Iraq", "US" of "US forces"),
      // not when the name is longer ("Jenin refugee camp" over the agent "refugee camp").
      for (let x = i; x <= j; x++)
        if (blocked[x] === 2 && blockSpan[2 * x] <= tokens[i].start && blockSpan[2 * x + 1] >= last.end) countryMention = true;
      return { first: i, last: j, start: tokens[i].start, end: last.end, key: usedKey, hits: usable, countryMention, sentence: s };
    }
    return null;
  }

  /**
   * A name as written -> its key and gazetteer hits (under the key, else under the key without an Arabic
   * article), memoised for one document: names repeat, and the gazetteer is large.
   */
  function nameLookup(gz: Gazetteer): NameLookup {
    const memo = new Map<string, NameFound>();
    return (surface) => {
      let found = memo.get(surface);
      if (found === undefined) {
        const key = placeKey(surface);
        let hits = gz.lookup(key);
        let usedKey = key;
        if (!hits) {
          const bare = withoutArticle(key);
          if (bare) {
            hits = gz.lookup(bare);
            usedKey = bare;
          }
        }
        found = { key, hits, usedKey };
        memo.set(surface, found);
      }
      return found;
    };
  }

  function resolve(
    m: Match,
    qualifies: Match | undefined,
    qualifiedBy: Match | undefined,
    evidence: ReadonlyMap<string, number>,
    maxEvidence: number,
    anchors: readonly Anchor[] = [],
  ): NameHit | null {
    let best: NameHit | null = null;
    let bestScore = -Infinity;
    // A bare name shared by a province and its seat ("Kassala", "Najran") is the town.
    const admin1Countries = new Set(m.hits.filter((h) => h.entry.kind === "admin1").map((h) => h.entry.country));
    for (const h of m.hits) {
      const e = h.entry;
      let score = prior(e);
      if (e.kind === "city" && admin1Countries.has(e.country) && /^PPL[AC]/.test(e.featureCode ?? "")) score += 10;
      let near = 0;
      for (const a of anchors) if (a.key !== m.key && haversineKm(a.lat, a.lon, e.lat, e.lon) <= NEIGHBOURHOOD_KM && ++near >= 3) break;
      score += 5 * near;
      const ev = e.country ? (evidence.get(e.country) ?? 0) : 0;
      if (ev > 0 && maxEvidence > 0) score += 4 + 10 * Math.min(1, ev / maxEvidence);
      if (qualifies && qualifies.hits.some((q) => contains(q.entry, e))) score += 100;
      if (qualifiedBy && qualifiedBy.hits.some((q) => contains(e, q.entry))) score += 100;
      if (score > bestScore) {
        bestScore = score;
        best = h;
      }
    }
    return best;
  }

  function toPlace(text: string, m: Match, e: GazetteerEntry, ctx: Context, radii: ReadonlyMap<string, number>): Place {
    let lat = e.lat;
    let lon = e.lon;
    let precision = e.precision;
    let start = m.start;
    let rule: string = e.kind;
    let id = e.id;
    const relation = ctx.relation;
    if (relation === "part" || relation === "near") {
      start = ctx.start;
      const size = sizeKm(e, radii);
      // A part or vicinity is a place of its own ("eastern Baghdad" is not Baghdad's point):
      // its id extends the place's id ("geonames:98182#part-e", "geonames:94787#near-s-30km").
      id = `${e.id}#${relation}`;
      if (ctx.vector && (ctx.vector[0] !== 0 || ctx.vector[1] !== 0)) {
        const km = ctx.distanceKm ?? (relation === "part" ? size * 0.5 : size * 1.5);
        ({ lat, lon } = offset(lat, lon, ctx.vector, km));
        id += `-${compassLabel(ctx.vector)}${ctx.distanceKm !== undefined ? `-${Math.round(ctx.distanceKm)}km` : ""}`;
      }
      if (relation === "part") {
        if (e.precision === "city") precision = "district";
        else if (e.precision === "country" || e.precision === "admin1") precision = "region";
      }
      rule = `${e.kind}-${relation}`;
    } else if (relation === "in") {
      rule = `${e.kind}-in`;
    }
    const place: Place = {
      id,
      name: e.name,
      country: e.country,
      lat: round(lat),
      lon: round(lon),
      precision,
      ...(relation ? { relation } : {}),
      ...(e.geonameId !== undefined ? { geonameId: e.geonameId } : {}),
      text: text.slice(start, ctx.end ?? m.end),
      start,
      end: ctx.end ?? m.end,
      rule: RULE(rule),
    };
    return place;
  }
}
