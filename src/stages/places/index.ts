import type { Mention, Note, Place, Token } from "../../model/annotations.js";
import { layer } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import type { Gazetteer, GazetteerEntry, NameHit } from "./gazetteer.js";
import { directionVector, haversineKm, offset, round } from "./geometry.js";
import { placeKey, withoutArticle } from "./normalize.js";

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
 * 4. Parts and vicinity: "eastern Baghdad" (part), "near Mosul", "30 km south of Kirkuk"
 *    (near) move the point towards the direction, scaled by the size of the place.
 */
export const PLACES_STAGE = "places.v1";

export interface PlacesResources {
  readonly gazetteer: Gazetteer;
  /** Add a note for every gazetteer name rejected as a place, with the reason (for tuning). */
  readonly explain?: boolean;
}

const RULE = (id: string) => `${PLACES_STAGE}:${id}`;

/** Lower-case words that may sit inside a multi-word place name. */
const CONNECTORS = new Set([
  "of",
  "and",
  "the",
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "el",
  "al",
  "ad",
  "ar",
  "as",
  "an",
  "ash",
  "at",
  "az",
  "ez",
  "es",
  "en",
  "bin",
  "ibn",
  "bint",
  "upon",
  "on",
  "sur",
  "am",
  "im",
  "del",
  "da",
  "do",
  "dos",
  "das",
  "di",
  "van",
  "der",
  "von",
  "y",
]);
/** Lower-case Arabic articles that may start a name when hyphenated ("al-Tanf"). */
const ARTICLES = new Set(["al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ez", "es", "ed"]);
/** Capitalised words after a place name that keep it a place ("Mosul Dam", "Kirkuk Airport"). */
const FACILITY_WORDS = new Set([
  "airport",
  "airbase",
  "air",
  "base",
  "camp",
  "dam",
  "port",
  "crossing",
  "border",
  "bridge",
  "square",
  "refinery",
  "field",
  "valley",
  "river",
  "province",
  "governorate",
  "district",
  "region",
  "oblast",
  "city",
  "prison",
  "hospital",
  "checkpoint",
  "highway",
  "road",
  "mountains",
  "mountain",
  "plain",
  "plains",
  "desert",
  "lake",
  "island",
  "islands",
  "coast",
  "cathedral",
  "mosque",
  "church",
  "museum",
  "stadium",
  "palace",
  "hotel",
  "market",
  "bazaar",
  "citadel",
  "gate",
  "harbour",
  "harbor",
  "station",
  "terminal",
]);
/** Words before a name that are not part of it ("Northern Syria", "Iraqi Kurdistan", "Monday"). */
const COMPASS =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|upper|lower|greater|occupied)$/i;

const SAY_VERBS = new Set([
  "say",
  "said",
  "says",
  "warn",
  "warned",
  "warns",
  "claim",
  "claimed",
  "announce",
  "announced",
  "accuse",
  "accused",
  "deny",
  "denied",
  "demand",
  "demanded",
  "urge",
  "urged",
  "insist",
  "insisted",
  "reject",
  "rejected",
  "condemn",
  "condemned",
  "respond",
  "responded",
  "threaten",
  "threatened",
  "want",
  "wants",
  "hope",
  "hopes",
  "argue",
  "argued",
  "confirm",
  "confirmed",
  "agree",
  "agreed",
  "plan",
  "plans",
  "seek",
  "seeks",
  "believe",
  "believes",
  "blamed",
  "blames",
  "sees",
  "views",
  "pledged",
  "vowed",
  "signed",
  "imposed",
  "sanctioned",
]);
const AUX = new Set([
  "has",
  "have",
  "had",
  "is",
  "was",
  "will",
  "would",
  "could",
  "may",
  "might",
  "should",
  "must",
  "also",
  "has",
  "did",
  "does",
  "'s",
]);

// Context before a name, matched against a short window of text that ends where the name starts.
// All quantifiers are bounded, so the scan is linear in the window length.
const DIST_DIR =
  /\b(\d{1,4}(?:[.,]\d{1,3})?)[\s-]{0,2}(km|kms|kilometers?|kilometres?|miles?|mi)\s{1,3}(?:\([^()]{0,24}\)\s{1,3})?((?:north|south)[\s-]?(?:east|west)|north|south|east|west)(?:wards?)?\s{1,3}of\s{1,3}(?:the\s{1,3})?$/i;
const DIR_OF =
  /\b(the\s{1,3})?((?:north|south)[\s-]?(?:east|west)|north|south|east|west)(?:ern\s{1,3}(?:part|outskirts|edge|side|suburbs?))?\s{1,3}of\s{1,3}(?:the\s{1,3})?$/i;
const DIR_ADJ = /\b((?:north|south)[\s-]?(?:east|west)(?:ern)?|northern|southern|eastern|western|central|north|south|east|west)\s{1,3}$/i;
const NEAR =
  /\b(near|nearby|outside|around|close\s{1,3}to|next\s{1,3}to|(?:on\s{1,3}the\s{1,3})?(?:outskirts|suburbs|vicinity|edge|environs|periphery|fringes)\s{1,3}of)\s{1,3}(?:the\s{1,3})?$/i;
const LOCATIVE =
  /\b(in|at|near|from|to|across|into|inside|throughout|within|towards?|outside|around|over|through|via|off|along|beyond|entered|enter|visited|visit|visiting|left|leave|leaving|reached|reach|fled|flee|toured|deployed|stationed|based|returned|travelled|traveled|arrived|headed|(?:bound|leaving|left|leave|headed|heading|departed|departing|sailed|flew|fly|flying)\s{1,3}for|all\s{1,3}over)\s{1,3}(?:the\s{1,3})?(?:(?:occupied|neighbou?ring|war-torn|war-ravaged|besieged|embattled|rebel-held|government-held)\s{1,3})?$/i;
const GEO_OF =
  /\b(capital|parts?|outskirts|cit(?:y|ies)|provinces?|regions?|borders?|territor(?:y|ies)|soil|airspace|areas?|coast|cent(?:re|er)|heart|interior|streets|towns?|villages?|skies|waters|countryside|suburbs|corners?|north|south|east|west|rest|map|governorates?|districts?|outside|side)\s{1,3}of\s{1,3}(?:the\s{1,3})?$/i;
/** "Britain-based", "a London-based group": the name locates something. */
const BASED = /^-(?:based|born|headquartered)\b/i;

/**
 * A dateline: an all-capitals name opening a sentence ("BAGHDAD (AP) -", "WASHINGTON, April 5",
 * "MEXICO CITY (AP)"): always a place.
 */
function isDateline(tokens: readonly Token[], m: Match): boolean {
  if (!sentenceInitial(tokens, m.first)) return false;
  const surface = tokens
    .slice(m.first, m.last + 1)
    .map((t) => t.text)
    .join("");
  if (!isAllCapsWord(surface) || surface.replace(/[^\p{L}]/gu, "").length < 4) return false;
  const n = tokens[m.last + 1];
  return !n || n.sentence !== m.sentence || n.kind === "punctuation" || !isAllCapsWord(n.text);
}

/** Entries that could be someone's surname: towns and minor sites, not countries, regions or big cities. */
function mayBeSurname(e: GazetteerEntry): boolean {
  if (e.kind === "country" || e.kind === "admin1") return false;
  if (e.kind === "site") return e.prior < 9;
  return e.population < 500_000 && e.featureCode !== "PPLC" && e.featureCode !== "PPLA";
}

/** "according to X", "a letter to X", "ambassador to X": "to" without motion or location. */
const NOT_LOCATIVE_TO =
  /\b(?:according|thanks|due|compared|belonging|belongs|pointed|listen(?:ed)?|talk(?:ed|ing)?|sp[eo]ak(?:ing)?|spoke|said|told|wrote|write|writing|letter|message|ambassador|envoy|answer|repl(?:y|ied)|respond(?:ed)?|referring|refers|similar|opposed|related|committed|loyal|allegiance|support|threats?|apolog(?:y|ized|ised)|addressed|handed|sent|gave|given|sold|delivered|offered|owed|to)\s{1,3}to\s{1,3}(?:the\s{1,3})?$/i;
/** "countries such as Greece, Italy or Spain": a list of places. */
const PLACE_LIST =
  /\b(?:countries|nations|states|cities|towns|villages|places|regions|provinces|areas|destinations|capitals|islands)\s{1,3}(?:such\s{1,3}as|like|including|as\s{1,3}well\s{1,3}as)\s{1,3}(?:the\s{1,3})?$/i;
const IN_WORDS = /\b(in|at|inside|within)\s{1,3}(?:the\s{1,3})?$/i;
const COORD = /^\s{0,3}(?:,\s{0,3}(?:and|or)?|and|or|&)\s{1,3}(?:the\s{1,3})?(?:(?:north|south|east|west)(?:ern)?\s{1,3})?$/i;
const QUALIFIER_GAP = /^\s{0,2}(?:,|\()\s{0,2}$/;

interface Match {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly hits: readonly NameHit[];
  /** The name is covered by a country actor mention. */
  readonly countryMention: boolean;
  readonly sentence: number;
}

interface Accepted {
  readonly m: Match;
  readonly ctx: Context;
  entry: GazetteerEntry;
  readonly qualifies?: Match;
  readonly qualifiedBy?: Match;
  /** Resolved by its qualifier alone; the coherence pass leaves it. */
  readonly fixed?: boolean;
}

/** A place already resolved in the article, pulling ambiguous names towards it. */
interface Anchor {
  readonly key: string;
  readonly lat: number;
  readonly lon: number;
  /** Not itself a possible stray homonym (a small town of a country the article never mentions). */
  readonly trusted: boolean;
}
const NEIGHBOURHOOD_KM = 300;

interface Context {
  relation?: "part" | "near" | "in";
  vector?: readonly [number, number];
  distanceKm?: number;
  start: number;
  locative: boolean;
  modifier?: string;
}

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

      // 1. Candidates.
      const matches: Match[] = [];
      let i = 0;
      while (i < tokens.length) {
        const t = tokens[i];
        if (!canStart(tokens, i)) {
          i++;
          continue;
        }
        const dem = gz.demonyms.get(placeKey(t.text));
        if (dem) bump(dem, 1);
        const m = longestMatch(text, tokens, i, blocked, blockSpan, gz);
        if (!m) {
          const unknown = unknownAfterLocative(text, tokens, i, blocked, gz);
          if (unknown && notes.length < MAX_UNKNOWN_NOTES) {
            notes.push({
              stage: PLACES_STAGE,
              message: `unknown place name "${unknown.text}" (not in the gazetteer)`,
              start: unknown.start,
              end: unknown.end,
            });
            i = unknown.last + 1;
            continue;
          }
          i++;
          continue;
        }
        matches.push(m);
        // "John Allen", "Mohamed Salah": a name glued to a capitalised word before it is a person's;
        // later bare uses ("Allen said") are the person too.
        if (leftGlued(tokens, m, gz)) personParts.add(m.key);
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
        // a country is not qualified by another ("Iraq, Syria and Iran" is a list)
        a.hits.some((h) => h.entry.kind !== "country") &&
        QUALIFIER_GAP.test(text.slice(a.end, b.start)) &&
        b.hits.some((h) => h.entry.kind === "country" || h.entry.kind === "admin1") &&
        endsQualifier(tokens, b.last, gz);

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
        const ctx = readContext(text, m.start, sStart);
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
          (isArea(e) && addressTail(tokens, m, gz)) ||
          BASED.test(text.slice(m.end, m.end + 12));
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
        else if (partOfLongerName(tokens, m, gz)) reject = "longer-name";
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
        else if ((e.kind === "country" || m.countryMention) && !ctx.locative && attributive(tokens, m.last)) reject = "attributive";
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
      const anchors: Anchor[] = [];
      for (const a of accepted)
        if (a.entry.kind === "city" || a.entry.kind === "admin1" || (a.entry.kind === "site" && a.entry.precision !== "region"))
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
      if (!hits) continue;
      const allCaps = isAllCapsWord(surface);
      const letters = surface.replace(/[^\p{L}]/gu, "").length;
      const odd = ODD_CASE.test(surface);
      const usable = hits.filter((h) => {
        if (h.caseSensitive) return allCaps;
        // "PoP", "iPhone": inner capitals the place name does not have.
        if (odd && !ODD_CASE.test(h.entry.name)) return false;
        // Short acronyms ("IS", "UN", "AP") are not names of towns.
        if (allCaps && letters <= 4) return false;
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
    for (const h of m.hits) {
      const e = h.entry;
      let score = prior(e);
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
    const relation = ctx.relation;
    if (relation === "part" || relation === "near") {
      start = ctx.start;
      const size = sizeKm(e, radii);
      if (ctx.vector && (ctx.vector[0] !== 0 || ctx.vector[1] !== 0)) {
        const km = ctx.distanceKm ?? (relation === "part" ? size * 0.5 : size * 1.5);
        ({ lat, lon } = offset(lat, lon, ctx.vector, km));
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
      id: e.id,
      name: e.name,
      country: e.country,
      lat: round(lat),
      lon: round(lon),
      precision,
      ...(relation ? { relation } : {}),
      ...(e.geonameId !== undefined ? { geonameId: e.geonameId } : {}),
      text: text.slice(start, m.end),
      start,
      end: m.end,
      rule: RULE(rule),
    };
    return place;
  }
}

/**
 * A small foreign town far from everything else the article names, in a country it never
 * mentions ("Fano militias" in Ethiopia, "Lido beach" in Mogadishu): a homonym, not the town.
 */
function isolated(a: Accepted, anchors: readonly Anchor[], evidence: ReadonlyMap<string, number>): boolean {
  const e = a.entry;
  if (e.kind !== "city" || e.population >= 200_000 || e.featureCode === "PPLC" || a.qualifies || a.qualifiedBy) return false;
  if (e.country && evidence.has(e.country)) return false;
  let others = 0;
  for (const x of anchors) {
    if (x.key === a.m.key || !x.trusted) continue;
    others++;
    if (haversineKm(x.lat, x.lon, e.lat, e.lon) <= 1500) return false;
  }
  return others >= 2;
}

const ABBREVIATION_AFTER = /^,\s{1,2}([A-Z][A-Za-z.]{0,5})(?=[\s,;:)"'’]|$)/;

/** Inserts qualifier matches for admin1 abbreviations that follow a name of a place inside that admin1. */
function addAbbreviations(text: string, tokens: readonly Token[], matches: Match[], gz: Gazetteer): void {
  const added: Match[] = [];
  for (const m of matches) {
    const mm = ABBREVIATION_AFTER.exec(text.slice(m.end, m.end + 12));
    if (!mm) continue;
    let abbr = mm[1];
    let entry = gz.abbreviations.get(abbr);
    if (!entry && abbr.endsWith(".")) {
      abbr = abbr.slice(0, -1);
      entry = gz.abbreviations.get(abbr);
    }
    // Postal codes ("NJ") need a namesake inside; AP forms with a dot ("N.J.", "Va.") are distinctive enough alone.
    if (!entry || (!abbr.includes(".") && !m.hits.some((h) => contains(entry!, h.entry)))) continue;
    const start = m.end + mm[0].length - mm[1].length;
    const end = start + abbr.length;
    let first = m.last + 1;
    while (first < tokens.length && tokens[first].end <= start) first++;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
    if (first >= tokens.length || tokens[first].start > start) continue;
    added.push({
      first,
      last,
      start,
      end,
      key: `abbr:${abbr}`,
      hits: [{ entry, caseSensitive: true }],
      countryMention: false,
      sentence: m.sentence,
    });
  }
  if (added.length === 0) return;
  matches.push(...added);
  matches.sort((a, b) => a.start - b.start);
}

/** An unknown place known only to lie in `area` (its qualifier): the area's point and precision, the name as written. */
function withinArea(text: string, m: Match, area: GazetteerEntry): GazetteerEntry {
  const name = text.slice(m.start, m.end);
  return {
    id: `within:${area.id}:${m.key.replace(/ /g, "-")}`,
    name,
    country: area.country,
    lat: area.lat,
    lon: area.lon,
    precision: area.precision,
    kind: "site",
    population: 0,
    prior: 0,
  };
}

const MAX_UNKNOWN_NOTES = 10;
const UNKNOWN_PREP = new Set(["in", "near", "outside", "at"]);

/**
 * "clashes in Barsalogho": a capitalised name right after "in"/"near"/"outside"/"at" that the
 * gazetteer does not know, reported as a note (an expected miss, not an error).
 */
function unknownAfterLocative(
  text: string,
  tokens: readonly Token[],
  i: number,
  blocked: Uint8Array,
  gz: Gazetteer,
): { text: string; start: number; end: number; last: number } | null {
  let prev = tokens[i - 1];
  if (prev?.norm === "the" && i >= 2) prev = tokens[i - 2];
  if (!prev || prev.sentence !== tokens[i].sentence || !UNKNOWN_PREP.has(prev.norm) || !isCapitalised(tokens[i].text)) return null;
  let last = i;
  // Capitalised words only (hyphen-joined allowed): "Zorgho", "Ras Kamboni", "Bir al-Abd".
  while (
    last - i < 4 &&
    last + 1 < tokens.length &&
    tokens[last + 1].sentence === tokens[i].sentence &&
    nameish(tokens, last + 1) &&
    (isCapitalised(tokens[last + 1].text) || tokens[last + 1].text === "-" || attached(tokens, last, last + 1))
  )
    last++;
  while (last > i && !isCapitalised(tokens[last].text)) last--;
  for (let x = i; x <= last; x++) if (blocked[x] !== 0) return null;
  const start = tokens[i].start;
  const end = tokens[last].end;
  const key = placeKey(text.slice(start, end));
  if (gz.stoplist.has(key) || gz.demonyms.has(key) || TEMPORAL.test(tokens[i].text) || isAllCapsWord(tokens[i].text)) return null;
  const after = tokens[last + 1];
  if (after && after.sentence === tokens[i].sentence && after.kind === "word" && isCapitalised(after.text)) return null;
  return { text: text.slice(start, end), start, end, last };
}

/** Prior plausibility of an entry independent of context (see the ranking notes above). */
function prior(e: GazetteerEntry): number {
  switch (e.kind) {
    case "country":
      return 62;
    case "admin1":
      return 32;
    case "site":
      return e.prior * 5;
    case "city": {
      const fc = e.featureCode ?? "";
      const bonus = fc === "PPLC" ? 14 : fc === "PPLA" ? 6 : fc === "PPLA2" ? 2 : fc === "PPLX" ? -6 : 0;
      return 4 * Math.log10(e.population + 10) + bonus;
    }
  }
}

/** Whether `area` (a country or admin1 entry) holds `inner`. */
function contains(area: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (area === inner) return false;
  if (area.kind === "country") return inner.country === area.country && inner.kind !== "country";
  if (area.kind === "admin1") {
    if (inner.country !== area.country) return false;
    if (area.admin1 && inner.admin1) return area.admin1 === inner.admin1;
    return inner.kind === "city" || inner.kind === "site";
  }
  return false;
}

function isArea(e: GazetteerEntry): boolean {
  return e.kind === "country" || e.kind === "admin1" || e.precision === "region";
}

/** Typical extent (km) of a place, used to scale "eastern X" and "north of X" offsets. */
function sizeKm(e: GazetteerEntry, radii: ReadonlyMap<string, number>): number {
  if (e.radiusKm) return e.radiusKm;
  switch (e.precision) {
    case "country":
      return radii.get(e.country ?? "") ?? 250;
    case "admin1":
      return 60;
    case "region":
      return 150;
    case "admin2":
      return 25;
    case "city":
      return e.population > 1_000_000 ? 12 : e.population > 100_000 ? 7 : 4;
    case "district":
      return 2;
    case "site":
      return 1.5;
  }
}

function markMentions(tokens: readonly Token[], mentions: readonly Mention[], blocked: Uint8Array, blockSpan: Int32Array): void {
  if (mentions.length === 0) return;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let k = 0;
  for (let i = 0; i < tokens.length && k < sorted.length; i++) {
    const t = tokens[i];
    while (k < sorted.length && sorted[k].end <= t.start) k++;
    for (let x = k; x < sorted.length && sorted[x].start < t.end; x++) {
      const m = sorted[x];
      if (m.end <= t.start) continue;
      // Unknown names are left to this stage (many are places); country and actor mentions
      // ("Iraq", "US forces") are places only in locative context; people and organisations never.
      if (m.kind === "unknown") continue;
      const kind = m.kind === "country" || m.kind === "actor" ? 2 : 1;
      if (kind === 1 || blocked[i] === 0) {
        blocked[i] = kind;
        blockSpan[2 * i] = m.start;
        blockSpan[2 * i + 1] = m.end;
      }
    }
  }
}

/** Capitalised function words that may stand before a name at the start of a sentence ("In Baghdad, ..."). */
const FUNCTION_WORDS = new Set(
  "in at on from to the of by for with since during after before near across into inside outside and or but as while when where if then once around over under between throughout within towards toward via a an this that these those its their his her our".split(
    " ",
  ),
);

/**
 * A name glued to other capitalised words is part of a longer name: "John Kerry",
 * "President Biden", "Washington Post", "Baghdad Operations Command". Exceptions: a
 * function word, demonym, compass word, month or weekday before it, and facility words
 * after it ("Mosul Dam", "Kirkuk Airport").
 */
function partOfLongerName(tokens: readonly Token[], m: Match, gz: Gazetteer): boolean {
  if (leftGlued(tokens, m, gz)) return true;
  const after = tokens[m.last + 1];
  if (
    after &&
    after.sentence === m.sentence &&
    after.kind === "word" &&
    isCapitalised(after.text) &&
    !attached(tokens, m.last, m.last + 1)
  ) {
    const surface = tokens
      .slice(m.first, m.last + 1)
      .map((t) => t.text)
      .join("");
    const ok =
      FUNCTION_WORDS.has(after.norm) ||
      FACILITY_WORDS.has(after.norm) ||
      TEMPORAL.test(after.text) ||
      isAllCapsWord(after.text) ||
      // an all-capitals dateline before ordinary text ("SAN ANTONIO Turner Sports ...")
      (isAllCapsWord(surface) && surface.length >= 4);
    if (!ok) return true;
  }
  return false;
}
/** The name follows a capitalised word that is not a function word, demonym, compass word or date word. */
function leftGlued(tokens: readonly Token[], m: Match, gz: Gazetteer): boolean {
  const before = tokens[m.first - 1];
  if (!before || before.sentence !== m.sentence || before.kind !== "word" || !isCapitalised(before.text)) return false;
  const k = placeKey(before.text);
  return !(FUNCTION_WORDS.has(before.norm) || gz.demonyms.has(k) || COMPASS.test(before.text) || TEMPORAL.test(before.text));
}

/** First word of its sentence (after any opening quotes or brackets). */
function sentenceInitial(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && tokens[j].sentence === tokens[i].sentence; j--)
    if (tokens[j].kind === "word" || tokens[j].kind === "number") return false;
  return true;
}

const TEMPORAL =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

const UPPER_START = /^\p{Lu}/u;
const ODD_CASE = /\p{Ll}\p{Lu}/u;
function isCapitalised(s: string): boolean {
  return UPPER_START.test(s);
}
function isAllCapsWord(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
function attached(tokens: readonly Token[], a: number, b: number): boolean {
  return tokens[a].end === tokens[b].start;
}

/** A token that can start a name: a capitalised word, or "al-"/"el-" before a capitalised word. */
function canStart(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== "word" || t.text.length > MAX_WORD) return false;
  if (isCapitalised(t.text)) return true;
  return (
    ARTICLES.has(t.norm) &&
    i + 2 < tokens.length &&
    tokens[i + 1].text === "-" &&
    attached(tokens, i, i + 1) &&
    attached(tokens, i + 1, i + 2) &&
    isCapitalised(tokens[i + 2].text)
  );
}

/** No place-name word is longer than this; longer tokens are noise (and would slow key building). */
const MAX_WORD = 40;
/** Lower-case words that may end a name ("Kandahar province", "Rafah crossing", "Jenin refugee camp"). */
const TRAILING_WORDS = new Set([
  ...FACILITY_WORDS,
  "county",
  "state",
  "refugee",
  "displacement",
  "nuclear",
  "power",
  "plant",
  "corridor",
  "strait",
  "straits",
  "sea",
  "oil",
  "gas",
  "heights",
  "strip",
  "peninsula",
  "airfield",
  "garrison",
  "compound",
  "gulf",
  "ocean",
  "canal",
]);

/** A token that can continue a name started before it. */
function nameish(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (t.text.length > MAX_WORD) return false;
  if (TRAILING_WORDS.has(t.norm)) return true;
  if (t.text === "-" || t.text === "‐") return attached(tokens, j - 1, j) && j + 1 < tokens.length && attached(tokens, j, j + 1);
  if (t.text === "." || t.text === "'" || t.text === "’" || t.norm === "'s" || t.norm === "’s") return attached(tokens, j - 1, j);
  if (t.kind === "number") return /^\d{1,3}$/.test(t.text);
  if (t.kind !== "word") return false;
  return isCapitalised(t.text) || CONNECTORS.has(t.norm) || (attached(tokens, j - 1, j) && tokens[j - 1].text === "-");
}

/** Reads the words before a name: part/vicinity modifiers and locative prepositions. */
function readContext(text: string, start: number, sentenceStart: number): Context {
  const from = Math.max(sentenceStart, start - 80);
  let window = text.slice(from, start);
  const ctx: Context = { start, locative: false };
  let mm: RegExpExecArray | null;
  if ((mm = DIST_DIR.exec(window))) {
    const value = Number(mm[1].replace(",", "."));
    const unit = mm[2].toLowerCase();
    ctx.relation = "near";
    ctx.vector = directionVector(mm[3]) ?? undefined;
    ctx.distanceKm = unit.startsWith("mi") ? value * 1.609 : value;
    ctx.start = from + mm.index;
  } else if ((mm = DIR_OF.exec(window))) {
    ctx.relation = mm[1] ? "part" : "near";
    ctx.vector = directionVector(mm[2]) ?? undefined;
    ctx.start = from + mm.index + (mm[1] ? mm[1].length : 0);
  } else if ((mm = DIR_ADJ.exec(window)) && !/[A-Z]/.test(mm[1].slice(1))) {
    ctx.relation = "part";
    ctx.vector = directionVector(mm[1]) ?? undefined;
    ctx.start = from + mm.index;
  } else if ((mm = NEAR.exec(window))) {
    ctx.relation = "near";
    ctx.start = from + mm.index;
  }
  // Locative words before the modifier (or before the name).
  window = text.slice(from, ctx.start);
  if (ctx.relation === "near") ctx.locative = true;
  else if ((LOCATIVE.test(window) && !NOT_LOCATIVE_TO.test(window)) || GEO_OF.test(window) || PLACE_LIST.test(window)) ctx.locative = true;
  if (!ctx.relation && IN_WORDS.test(window)) ctx.relation = "in";
  if (ctx.relation === "part") ctx.locative = true;
  return ctx;
}

/** A directional adjective counts when lower-case, or capitalised only at the start of a sentence. */
function isLowerOrSentenceStart(text: string, at: number, sentenceStart: number): boolean {
  const c = text[at];
  if (c === c.toLowerCase()) return true;
  return text.slice(sentenceStart, at).trim() === "";
}

const TEMPORAL_NEXT = new Set([
  "today",
  "yesterday",
  "tonight",
  "now",
  "last",
  "this",
  "next",
  "earlier",
  "later",
  "recently",
  "since",
  "until",
]);

/** "US troops", "Iraq war": a country name used as a modifier of the next noun, not as a place. */
function attributive(tokens: readonly Token[], last: number): boolean {
  const n = tokens[last + 1];
  if (!n || n.sentence !== tokens[last].sentence || n.start > tokens[last].end + 1) return false;
  if (n.kind !== "word" || isCapitalised(n.text) || TEMPORAL_NEXT.has(n.norm)) return false;
  return n.pos === "NOUN" || n.pos === "ADJ" || n.pos === "PROPN";
}

/**
 * A coordinated name ends its conjunct when what follows is punctuation, a conjunction or
 * a preposition, not a verb ("..., and Israel struck") or a noun/demonym it modifies
 * ("..., and U.S. and British forces").
 */
function endsConjunct(tokens: readonly Token[], last: number, gz: Gazetteer): boolean {
  const n = tokens[last + 1];
  if (!n || n.sentence !== tokens[last].sentence) return true;
  if (n.kind === "punctuation") return true;
  if (n.pos === "CCONJ") {
    const after = tokens[last + 2];
    return !(after && gz.demonyms.has(placeKey(after.text)));
  }
  return n.pos === "ADP" || n.pos === "SCONJ";
}

/** What may follow a qualifier: the end of the phrase, a possessive ("Ukraine's second city") or a date word. */
function endsQualifier(tokens: readonly Token[], last: number, gz: Gazetteer): boolean {
  const n = tokens[last + 1];
  if (!n || n.sentence !== tokens[last].sentence) return true;
  if (n.norm === "'s" || n.norm === "’s" || TEMPORAL.test(n.text)) return true;
  return endsConjunct(tokens, last, gz);
}

/** "MATIAS ROMERO, Oaxaca, Mexico, Wednesday": a country or admin1 after "<Name>," that ends the phrase. */
function addressTail(tokens: readonly Token[], m: Match, gz: Gazetteer): boolean {
  const comma = tokens[m.first - 1];
  const name = tokens[m.first - 2];
  if (!comma || !name || comma.text !== "," || name.sentence !== m.sentence || name.kind !== "word" || !isCapitalised(name.text))
    return false;
  // the address ends here: punctuation, a date word or the end ("Iraq, Syria and Iran said" is a list, not an address)
  const n = tokens[m.last + 1];
  return !n || n.sentence !== m.sentence || (n.kind === "punctuation" && n.text !== "-") || TEMPORAL.test(n.text);
}

/** "Washington said", "Moscow has warned": a capital standing for its government. */
function saysNext(tokens: readonly Token[], last: number): boolean {
  let j = last + 1;
  if (j < tokens.length && AUX.has(tokens[j].norm)) j++;
  if (j < tokens.length && AUX.has(tokens[j].norm)) j++;
  return j < tokens.length && SAY_VERBS.has(tokens[j].norm);
}
