import type { FastifyInstance } from "fastify";
import { querySeries, type Store } from "../../store/index.js";
import { dateInterval } from "../../store/merge.js";
import type { ResultCache } from "../cache.js";
import type { Aggregates } from "../aggregates.js";
import type { DateTypeCount } from "../queries.js";
import { SeriesQuerySchema, toStoreFilter, type Series } from "../schemas.js";
import { parse } from "../validate.js";

type Interval = "day" | "week" | "month" | "year";
const DAY = 86_400_000;

function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** The first day of the bucket holding `ms`. */
function bucketStart(ms: number, interval: Interval): number {
  const d = new Date(ms);
  if (interval === "day") return ms;
  if (interval === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY;
  if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

function nextBucket(ms: number, interval: Interval): number {
  const d = new Date(ms);
  if (interval === "day") return ms + DAY;
  if (interval === "week") return ms + 7 * DAY;
  if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

const MAX_SPREAD = 1000;

/**
 * Counts per bucket. An event known only to the month is spread evenly over the weeks of
 * that month rather than piled on its first day: the chart is as precise as the dates.
 */
export function bucketize(
  rows: readonly DateTypeCount[],
  interval: Interval,
  pick: (r: DateTypeCount) => number,
  keyOf: (r: DateTypeCount) => string,
) {
  const out = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const iv = r.date ? dateInterval(r.date, r.precision) : null;
    if (!iv) continue;
    const value = pick(r);
    if (value === 0) continue;
    const buckets: number[] = [];
    const end = dayMs(iv.end);
    for (let b = bucketStart(dayMs(iv.start), interval); b <= end && buckets.length < MAX_SPREAD; b = nextBucket(b, interval))
      buckets.push(b);
    const series = out.get(keyOf(r)) ?? new Map<number, number>();
    for (const b of buckets) series.set(b, (series.get(b) ?? 0) + value / buckets.length);
    out.set(keyOf(r), series);
  }
  return [...out.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, m]) => ({
      key,
      points: [...m.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([t, v]) => ({ t: new Date(t).toISOString().slice(0, 10), value: Math.round(v * 1000) / 1000 })),
    }));
}

/** GET /api/series: events per interval by type, people killed per interval, or a reported quantity over time. */
export function seriesRoutes(app: FastifyInstance, store: Store, agg: Aggregates, cache: ResultCache): void {
  app.get("/api/series", async (request): Promise<Series> => {
    const q = parse(SeriesQuerySchema, request.query, "query");
    return cache.get(`series:${JSON.stringify(q)}`, () => series(q));
  });

  async function series(q: ReturnType<typeof SeriesQuerySchema.parse>): Promise<Series> {
    const filter = toStoreFilter(q);
    if (q.metric === "quantity") {
      const points = await querySeries(store, {
        role: q.role,
        ...(q.actor && /^[A-Za-z]{3}$/.test(q.actor) ? { actor: q.actor } : {}),
        ...(q.country ? { country: q.country } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        limit: 5000,
      });
      const by = new Map<string, Series["series"][number]["points"]>();
      for (const p of points) {
        const t = p.date ?? p.published;
        if (!t) continue;
        const key = p.country ?? p.actors[0] ?? "unknown";
        by.set(key, [
          ...(by.get(key) ?? []),
          { t, value: p.value, ...(p.max !== null ? { max: p.max } : {}), evidence: p.evidence, docId: p.docId },
        ]);
      }
      return { metric: q.metric, interval: q.interval, series: [...by.entries()].map(([key, pts]) => ({ key, points: pts })) };
    }
    if (q.metric === "killed") {
      const rows = await agg.killedByDate(filter);
      const min = bucketize(
        rows,
        q.interval,
        (r) => r.killedMin,
        () => "killed",
      );
      const max = bucketize(
        rows,
        q.interval,
        (r) => r.killedMax,
        () => "killed",
      );
      const maxAt = new Map((max[0]?.points ?? []).map((p) => [p.t, p.value]));
      return {
        metric: q.metric,
        interval: q.interval,
        series: min.map((s) => ({ key: s.key, points: s.points.map((p) => ({ ...p, max: maxAt.get(p.t) ?? p.value })) })),
      };
    }
    const rows = await agg.countByDateAndType(filter);
    return {
      metric: q.metric,
      interval: q.interval,
      series: bucketize(
        rows,
        q.interval,
        (r) => r.events,
        (r) => r.type,
      ),
    };
  }
}
