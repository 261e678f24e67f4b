import { createHash } from "node:crypto";

/**
 * Event merging: per-article events that describe the same real-world event become one
 * merged event. Pure functions over plain records (no database), so the rules are unit-tested
 * with constructed events.
 *
 * Two events can merge only when every hard constraint holds (same type, dates that overlap
 * at their precision, places that agree, actors that overlap when both name actors, same
 * modality class, not split apart by a user) and there is positive evidence beyond type and
 * date (a place or actor match). Clustering: an event joins the cluster it matches best, if it
 * is confirmed by at least one member and conflicts with none, so chains of near-matches
 * cannot glue different events together. The order is fixed (date, publication, document, event), so the
 * result and the ids do not depend on ingest order.
 */

export interface MergeActor {
  readonly role: "source" | "target";
  readonly entityId: string | null;
  readonly name: string;
  readonly country: string | null;
  readonly sector: string | null;
}

export interface MergePlace {
  readonly id: string | null;
  readonly name: string | null;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: string | null;
}

export interface MergeCandidate {
  /** "<doc id>:<event id>" */
  readonly id: string;
  readonly docId: string;
  readonly localId: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly type: string;
  readonly mode: string | null;
  readonly cameo: string | null;
  readonly acled: string | null;
  readonly date: string | null;
  readonly datePrecision: string | null;
  readonly dateBasis: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly place: MergePlace | null;
  readonly actors: readonly MergeActor[];
  readonly killed: number | null;
  readonly killedMax: number | null;
  readonly injured: number | null;
  readonly injuredMax: number | null;
  readonly modality: string;
  readonly historical: boolean;
  readonly confidence: number;
  readonly evidence: string;
}

export interface Feature {
  readonly match: "yes" | "partial" | "weak" | "neutral" | "no";
  readonly score: number;
  readonly detail: string;
}

export interface Comparison {
  readonly compatible: boolean;
  /** A hard conflict (different type, dates, place or perpetrators, modality, a user's split): never in one cluster. */
  readonly conflict: boolean;
  readonly score: number;
  readonly features: Readonly<Record<string, Feature>>;
  /** Why not, when not compatible. */
  readonly reason?: string;
}

export const MERGE_THRESHOLD = 0.55;
/** Places closer than this are the same place (a base and the town next to it). */
export const SAME_PLACE_KM = 25;
const WEIGHTS = { type: 0.15, date: 0.3, place: 0.3, actors: 0.25 } as const;

const DAY = 86_400_000;
function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
}
export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY).toISOString().slice(0, 10);
}

/**
 * The days a date value covers at its precision: "2024-01-28" (day) -> one day, "2024-01"
 * -> the month, "2024" -> the year, "2024-W05" -> the ISO week. Unknown forms give null.
 */
export function dateInterval(value: string | null, precision: string | null): { start: string; end: string } | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return null;
    if (precision === "week") return { start: addDays(day, -3), end: addDays(day, 3) };
    return { start: day, end: day };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const jan4 = Date.UTC(Number(m[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (Number(m[2]) - 1) * 7 * DAY;
    const start = new Date(monday).toISOString().slice(0, 10);
    return { start, end: addDays(start, 6) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${String(last).padStart(2, "0")}` };
  }
  m = /^(\d{4})-(Q[1-4]|SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const q: Record<string, [string, string]> = {
      Q1: ["01-01", "03-31"],
      Q2: ["04-01", "06-30"],
      Q3: ["07-01", "09-30"],
      Q4: ["10-01", "12-31"],
      SP: ["03-01", "05-31"],
      SU: ["06-01", "08-31"],
      FA: ["09-01", "11-30"],
      WI: ["12-01", "12-31"],
    };
    const [a, b] = q[m[2]];
    return { start: `${m[1]}-${a}`, end: `${m[1]}-${b}` };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return null;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const COARSE = new Set(["country", "admin1", "region"]);
function modalityClass(m: string): string {
  return m === "asserted" || m === "reported" ? "factual" : m === "planned" || m === "future" ? "future" : m;
}

function compareType(a: MergeCandidate, b: MergeCandidate): Feature {
  if (a.type !== b.type) return { match: "no", score: 0, detail: `${a.type} vs ${b.type}` };
  if (a.mode && b.mode && a.mode !== b.mode) {
    // The ASSAULT family: a "drone strike" and an "air strike" on the same target are the same attack.
    if (a.type === "ASSAULT") return { match: "partial", score: 0.7, detail: `ASSAULT, modes ${a.mode} / ${b.mode}` };
    return { match: "partial", score: 0.5, detail: `${a.type}, modes ${a.mode} / ${b.mode}` };
  }
  return { match: "yes", score: 1, detail: a.mode ? `${a.type} (${a.mode})` : a.type };
}

function compareDate(a: MergeCandidate, b: MergeCandidate): Feature {
  if (!a.dateStart || !a.dateEnd || !b.dateStart || !b.dateEnd) return { match: "no", score: 0, detail: "an event has no date" };
  // Reports disagree by a day (time zones, "late Sunday" / "early Monday"); a date that only
  // fell back to the publication date is looser still.
  const loose = a.dateBasis === "publication" || b.dateBasis === "publication";
  const slack = loose ? 2 : 1;
  const gap = Math.max(dayNumber(a.dateStart) - dayNumber(b.dateEnd), dayNumber(b.dateStart) - dayNumber(a.dateEnd));
  if (gap > slack) return { match: "no", score: 0, detail: `${a.date ?? a.dateStart} and ${b.date ?? b.dateStart} are ${gap} days apart` };
  const exact = a.dateStart === b.dateStart && a.dateEnd === b.dateEnd;
  if (exact && a.dateStart === a.dateEnd) return { match: "yes", score: 1, detail: `same day ${a.dateStart}` };
  if (gap <= 0)
    return { match: "partial", score: 0.7, detail: `${a.date ?? a.dateStart} overlaps ${b.date ?? b.dateStart} at their precision` };
  return { match: "partial", score: 0.5, detail: `${a.dateStart} and ${b.dateStart} within ${slack} day(s)` };
}

function comparePlace(a: MergeCandidate, b: MergeCandidate): Feature {
  const p = a.place;
  const q = b.place;
  if (!p || !q) return { match: "neutral", score: 0.3, detail: "place not stated in one report" };
  if (p.country && q.country && p.country !== q.country) return { match: "no", score: 0, detail: `${p.country} vs ${q.country}` };
  if (p.id && p.id === q.id) return { match: "yes", score: 1, detail: `same place ${p.name ?? p.id}` };
  const coarseP = COARSE.has(p.precision ?? "");
  const coarseQ = COARSE.has(q.precision ?? "");
  if (p.lat !== null && p.lon !== null && q.lat !== null && q.lon !== null && !coarseP && !coarseQ) {
    const km = haversineKm(p.lat, p.lon, q.lat, q.lon);
    if (km <= SAME_PLACE_KM) return { match: "yes", score: 0.9, detail: `${p.name} and ${q.name} are ${km.toFixed(1)} km apart` };
    return { match: "no", score: 0, detail: `${p.name} and ${q.name} are ${Math.round(km)} km apart` };
  }
  if (!coarseP && !coarseQ) {
    if (p.name && q.name && p.name.toLowerCase() === q.name.toLowerCase())
      return { match: "yes", score: 0.9, detail: `same name ${p.name}` };
    return { match: "no", score: 0, detail: `different places ${p.name} / ${q.name}` };
  }
  if (p.country && p.country === q.country)
    return { match: "partial", score: 0.5, detail: `${p.name} / ${q.name}: same country ${p.country}` };
  return { match: "neutral", score: 0.3, detail: `${p.name} / ${q.name}: no country to compare` };
}

function compareActors(a: MergeCandidate, b: MergeCandidate): Feature {
  // Only actors resolved to an entity or a country can be compared ("people", "a commander" cannot).
  const known = (x: MergeActor) => !!x.entityId || !!x.country;
  const ka = a.actors.filter(known);
  const kb = b.actors.filter(known);
  if (ka.length === 0 || kb.length === 0) return { match: "neutral", score: 0.3, detail: "actors not identified in one report" };
  const ids = new Set(ka.map((x) => x.entityId).filter((x): x is string => !!x));
  const shared = kb.find((x) => x.entityId && ids.has(x.entityId));
  if (shared) return { match: "yes", score: 1, detail: `both name ${shared.name} (${shared.entityId})` };
  const key = (x: MergeActor) => `${x.country ?? "?"}/${x.sector ?? "?"}`;
  const cs = new Set(ka.filter((x) => x.country && x.sector).map(key));
  const sharedCs = kb.find((x) => x.country && x.sector && cs.has(key(x)));
  if (sharedCs) return { match: "yes", score: 0.8, detail: `both name ${key(sharedCs)} actors` };
  const countries = new Set(ka.map((x) => x.country).filter((x): x is string => !!x));
  const sharedC = kb.find((x) => x.country && countries.has(x.country));
  if (sharedC) return { match: "partial", score: 0.5, detail: `both name actors from ${sharedC.country}` };
  const names = (xs: readonly MergeActor[]) => xs.map((x) => x.name).join(", ");
  // Different perpetrators (both reports name a source from disjoint countries): different events.
  const srcA = new Set(ka.filter((x) => x.role === "source" && x.country).map((x) => x.country));
  const srcB = kb.filter((x) => x.role === "source" && x.country);
  if (srcA.size > 0 && srcB.length > 0 && !srcB.some((x) => srcA.has(x.country)))
    return { match: "no", score: 0, detail: `different perpetrators (${names(ka)} / ${names(kb)})` };
  // Otherwise extraction may have caught different participants of the same event.
  return { match: "weak", score: 0.1, detail: `no actor in common (${names(ka)} / ${names(kb)})` };
}

function spanDays(e: MergeCandidate): number {
  return e.dateStart && e.dateEnd ? dayNumber(e.dateEnd) - dayNumber(e.dateStart) + 1 : Infinity;
}

/** Compares two per-article events: hard constraints, per-feature scores and the weighted total. */
export function compareEvents(a: MergeCandidate, b: MergeCandidate, split = false): Comparison {
  const features: Record<string, Feature> = {
    type: compareType(a, b),
    date: compareDate(a, b),
    place: comparePlace(a, b),
    actors: compareActors(a, b),
  };
  const sameClass = modalityClass(a.modality) === modalityClass(b.modality);
  features.modality = sameClass
    ? { match: "yes", score: 1, detail: a.modality === b.modality ? a.modality : `${a.modality} / ${b.modality}` }
    : { match: "no", score: 0, detail: `${a.modality} vs ${b.modality}` };
  const score =
    WEIGHTS.type * features.type.score +
    WEIGHTS.date * features.date.score +
    WEIGHTS.place * features.place.score +
    WEIGHTS.actors * features.actors.score;
  const failed = Object.entries(features).find(([, f]) => f.match === "no");
  if (split) return { compatible: false, conflict: true, score, features, reason: "split apart by a user (merge undone)" };
  if (failed) return { compatible: false, conflict: true, score, features, reason: `${failed[0]}: ${failed[1].detail}` };
  const confirms = (f: Feature) => f.match === "yes" || f.match === "partial";
  if (!confirms(features.place) && !confirms(features.actors))
    return { compatible: false, conflict: false, score, features, reason: "neither place nor actors confirm it is the same event" };
  // A month or a year overlaps many events: only the same place and the same actors make it one.
  const coarse = spanDays(a) > 7 || spanDays(b) > 7;
  if (coarse && !(features.place.match === "yes" && features.actors.match === "yes"))
    return {
      compatible: false,
      conflict: false,
      score,
      features,
      reason: "a date coarser than a week needs the same place and the same actors",
    };
  if (score < MERGE_THRESHOLD)
    return { compatible: false, conflict: false, score, features, reason: `score ${score.toFixed(2)} < ${MERGE_THRESHOLD}` };
  return { compatible: true, conflict: false, score, features };
}

export interface ClusterMember {
  readonly event: MergeCandidate;
  /** Against the cluster's anchor (its earliest member); 1 for the anchor itself. */
  readonly score: number;
  readonly features: Readonly<Record<string, Feature>>;
}

export interface Cluster {
  readonly id: string;
  readonly members: readonly ClusterMember[];
}

/** Deterministic order: date, publication date, document, event number. */
export function candidateOrder(a: MergeCandidate, b: MergeCandidate): number {
  return (
    cmp(a.dateStart ?? "9999", b.dateStart ?? "9999") ||
    cmp(a.published ?? "9999", b.published ?? "9999") ||
    cmp(a.docId, b.docId) ||
    naturalCmp(a.localId, b.localId) ||
    cmp(a.id, b.id)
  );
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function naturalCmp(a: string, b: string): number {
  const na = Number(/\d+/.exec(a)?.[0] ?? NaN);
  const nb = Number(/\d+/.exec(b)?.[0] ?? NaN);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return cmp(a, b);
}

/** The earliest-reported member names the cluster: stable across re-runs and exports. */
export function mergedEventId(anchor: MergeCandidate): string {
  return `ev_${createHash("sha256").update(`${anchor.docId}:${anchor.localId}`).digest("hex").slice(0, 16)}`;
}

function anchorOrder(a: MergeCandidate, b: MergeCandidate): number {
  return cmp(a.published ?? "9999", b.published ?? "9999") || cmp(a.docId, b.docId) || naturalCmp(a.localId, b.localId);
}

/**
 * Clusters events (no conflicts inside a cluster, fixed order). `isSplit(a, b)` says whether a user split
 * the pair apart. Events without a date interval stay alone.
 */
export function clusterEvents(events: readonly MergeCandidate[], isSplit: (a: string, b: string) => boolean = () => false): Cluster[] {
  const sorted = [...events].sort(candidateOrder);
  interface Open {
    members: MergeCandidate[];
    end: number;
  }
  const byType = new Map<string, Open[]>();
  const all: Open[] = [];
  for (const e of sorted) {
    const start = e.dateStart ? dayNumber(e.dateStart) : null;
    let best: Open | null = null;
    let bestScore = -1;
    if (start !== null) {
      const open = byType.get(e.type) ?? [];
      // Clusters that ended more than a few days before this event cannot take it.
      const live = open.filter((c) => c.end >= start - 3);
      byType.set(e.type, live);
      for (const c of live) {
        // No hard conflict with any member (so different events cannot chain together), and a
        // confirmed match with at least one (a report that lacks the place can join through
        // the report that has it).
        let conflict = false;
        let top = -1;
        for (const m of c.members) {
          const r = compareEvents(m, e, isSplit(m.id, e.id));
          if (r.conflict) {
            conflict = true;
            break;
          }
          if (r.compatible && r.score > top) top = r.score;
        }
        if (!conflict && top >= 0 && top > bestScore) {
          best = c;
          bestScore = top;
        }
      }
    }
    if (best) {
      best.members.push(e);
      best.end = Math.max(best.end, e.dateEnd ? dayNumber(e.dateEnd) : best.end);
    } else {
      const c: Open = { members: [e], end: e.dateEnd ? dayNumber(e.dateEnd) : 0 };
      all.push(c);
      if (start !== null) byType.get(e.type)!.push(c);
    }
  }
  return all.map((c) => {
    const members = [...c.members].sort(anchorOrder);
    const anchor = members[0];
    return {
      id: mergedEventId(anchor),
      members: members.map((m, i) => {
        if (i === 0) return { event: m, score: 1, features: {} };
        // Explained against the member it matches best (often the anchor; a report without a
        // place joins through the one that has it).
        let best = { r: compareEvents(anchor, m), via: anchor };
        for (const o of members)
          if (o !== m && o !== anchor) {
            const r = compareEvents(o, m);
            if (r.compatible && (!best.r.compatible || r.score > best.r.score)) best = { r, via: o };
          }
        const via: Feature = { match: "yes", score: 1, detail: `${best.via.id}${best.via.outlet ? ` (${best.via.outlet})` : ""}` };
        return { event: m, score: Number(best.r.score.toFixed(3)), features: { ...best.r.features, matched: via } };
      }),
    };
  });
}

export interface NumberReport {
  readonly value: number;
  readonly max: number | null;
  readonly eventId: string;
  readonly docId: string;
  readonly outlet: string | null;
  readonly published: string | null;
}

export interface MergedSummary {
  readonly id: string;
  readonly type: string;
  readonly mode: string | null;
  readonly cameo: string | null;
  readonly acled: string | null;
  readonly date: string | null;
  readonly datePrecision: string | null;
  readonly place: MergePlace | null;
  readonly actor1: MergeActor | null;
  readonly actor2: MergeActor | null;
  readonly actors: readonly MergeActor[];
  readonly killed: { readonly min: number; readonly max: number; readonly reports: readonly NumberReport[] } | null;
  readonly injured: { readonly min: number; readonly max: number; readonly reports: readonly NumberReport[] } | null;
  readonly modality: string;
  readonly historical: boolean;
  readonly confidence: number;
  readonly sourceCount: number;
  readonly mentionCount: number;
  readonly firstReport: string | null;
  readonly lastReport: string | null;
  readonly evidence: string;
  readonly members: readonly string[];
  readonly docs: readonly string[];
}

const PRECISION_RANK: Record<string, number> = { site: 7, district: 6, city: 5, admin2: 4, admin1: 3, region: 2, country: 1 };
const DATE_RANK: Record<string, number> = {
  minute: 9,
  hour: 8,
  day: 7,
  week: 6,
  month: 5,
  season: 4,
  quarter: 4,
  year: 3,
  decade: 2,
  century: 1,
};

function mostCommon<T>(items: readonly T[], key: (t: T) => string | null): T | null {
  const counts = new Map<string, { n: number; first: T }>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, first: it });
  }
  let best: { n: number; first: T } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.first ?? null;
}

function numbers(members: readonly MergeCandidate[], pick: (m: MergeCandidate) => [number | null, number | null]) {
  const reports: NumberReport[] = [];
  for (const m of members) {
    const [v, max] = pick(m);
    if (v === null) continue;
    reports.push({ value: v, max, eventId: m.id, docId: m.docId, outlet: m.outlet, published: m.published });
  }
  if (reports.length === 0) return null;
  return {
    min: Math.min(...reports.map((r) => r.value)),
    max: Math.max(...reports.map((r) => r.max ?? r.value)),
    reports,
  };
}

/** What the merged event says: the most common / most precise value of each field, the range of numbers and who said what. */
export function summarizeCluster(cluster: Cluster): MergedSummary {
  const ms = cluster.members.map((m) => m.event);
  const type = mostCommon(ms, (m) => m.type)!.type;
  const sameType = ms.filter((m) => m.type === type);
  const mode = mostCommon(sameType, (m) => m.mode)?.mode ?? null;
  const dated = ms.filter((m) => m.date);
  const bestDate = [...dated].sort(
    (a, b) =>
      (a.dateBasis === "publication" ? 1 : 0) - (b.dateBasis === "publication" ? 1 : 0) ||
      (DATE_RANK[b.datePrecision ?? ""] ?? 0) - (DATE_RANK[a.datePrecision ?? ""] ?? 0) ||
      candidateOrder(a, b),
  )[0];
  const placed = ms.filter((m) => m.place);
  const bestPlace = [...placed].sort(
    (a, b) => (PRECISION_RANK[b.place!.precision ?? ""] ?? 0) - (PRECISION_RANK[a.place!.precision ?? ""] ?? 0) || candidateOrder(a, b),
  )[0];
  const actorKey = (x: MergeActor) => x.entityId ?? x.name.toLowerCase();
  const sources = ms.flatMap((m) => m.actors.filter((x) => x.role === "source"));
  const targets = ms.flatMap((m) => m.actors.filter((x) => x.role === "target"));
  const seen = new Set<string>();
  const actors: MergeActor[] = [];
  for (const a of [...sources, ...targets]) {
    const k = `${a.role}|${actorKey(a)}`;
    if (!seen.has(k)) {
      seen.add(k);
      actors.push(a);
    }
  }
  const modality = ms.some((m) => m.modality === "asserted") ? "asserted" : (mostCommon(ms, (m) => m.modality)?.modality ?? "asserted");
  const strongest = [...ms].sort((a, b) => b.confidence - a.confidence || candidateOrder(a, b))[0];
  const reports = ms
    .map((m) => m.published)
    .filter((p): p is string => !!p)
    .sort();
  return {
    id: cluster.id,
    type,
    mode,
    cameo: mostCommon(sameType, (m) => m.cameo)?.cameo ?? null,
    acled: mostCommon(sameType, (m) => m.acled)?.acled ?? null,
    date: bestDate?.date ?? null,
    datePrecision: bestDate?.datePrecision ?? null,
    place: bestPlace?.place ?? null,
    actor1: mostCommon(sources, actorKey),
    actor2: mostCommon(targets, actorKey),
    actors,
    killed: numbers(ms, (m) => [m.killed, m.killedMax]),
    injured: numbers(ms, (m) => [m.injured, m.injuredMax]),
    modality,
    historical: ms.every((m) => m.historical),
    confidence: Math.max(...ms.map((m) => m.confidence)),
    sourceCount: new Set(ms.map((m) => m.docId)).size,
    mentionCount: ms.length,
    firstReport: reports[0] ?? null,
    lastReport: reports[reports.length - 1] ?? null,
    evidence: strongest.evidence,
    members: ms.map((m) => m.id),
    docs: [...new Set(ms.map((m) => m.docId))],
  };
}
